package com.runtothebeats.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A route as template.yaml and API Gateway write it: a method ({@code ANY} for all) and a path of literal
 * segments, {@code {param}} segments and a trailing greedy {@code {proxy+}} (one segment or more). Shared by
 * the handlers' dispatch ({@link HttpFunction}) and the local API Gateway, so both match alike.
 */
public record RouteTemplate(String method, String path, List<String> segments) {

    public RouteTemplate {
        segments = List.copyOf(segments);
    }

    public static RouteTemplate of(String method, String path) {
        return new RouteTemplate(method.toUpperCase(Locale.ROOT), path, segments(path));
    }

    /** {@code "GET /api/me"}. */
    public static RouteTemplate parse(String key) {
        int space = key.indexOf(' ');
        if (space <= 0 || !key.startsWith("/", space + 1)) {
            throw new IllegalArgumentException("a route is 'METHOD /path', not '" + key + "'");
        }
        return of(key.substring(0, space), key.substring(space + 1));
    }

    /** True for {@code "METHOD /path"}. */
    public static boolean isKey(String key) {
        return key != null && key.indexOf(' ') > 0 && key.startsWith("/", key.indexOf(' ') + 1);
    }

    public String key() {
        return method + " " + path;
    }

    public boolean greedy() {
        return !segments.isEmpty() && segments.get(segments.size() - 1).endsWith("+}");
    }

    /** How many segments are literal: the more, the more specific the route. */
    public long literals() {
        return segments.stream().filter(segment -> !segment.startsWith("{")).count();
    }

    /** The path parameters when a request with this method and these path segments takes this route. */
    public Optional<Map<String, String>> bind(String requestMethod, List<String> request) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (i >= request.size()) {
                return Optional.empty(); // a greedy parameter too needs at least one segment
            }
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", request.subList(i, request.size())));
                return Optional.of(parameters);
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), request.get(i));
            } else if (!segment.equals(request.get(i))) {
                return Optional.empty();
            }
        }
        return segments.size() == request.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * True when this route can take requests that {@code wider} (a template route key such as
     * {@code GET /auth/{provider}/{action}}) matched: its path fits, and the methods meet ({@code ANY} meets all).
     */
    public boolean within(RouteTemplate wider) {
        if (!wider.method.equals("ANY") && !method.equals("ANY") && !wider.method.equals(method)) {
            return false;
        }
        for (int i = 0; i < wider.segments.size(); i++) {
            String segment = wider.segments.get(i);
            if (segment.endsWith("+}")) {
                return true;
            }
            if (i >= segments.size() || !(segment.startsWith("{") || segment.equals(segments.get(i)))) {
                return false;
            }
        }
        return wider.segments.size() == segments.size();
    }

    /** The non-empty segments of a path. */
    public static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}

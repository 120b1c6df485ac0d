package com.runtothebeats.local.http;

import com.runtothebeats.standins.SamTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HttpApi routes of template.yaml, matched as API Gateway matches them: the most specific route wins
 * (literal segments over {@code {param}}, a greedy {@code {proxy+}} last, an exact method over {@code ANY}),
 * and {@code $default} catches what nothing else does.
 */
public final class HttpRoutes {

    /** A matched route with the values of its path parameters. */
    public record Match(SamTemplate.HttpRoute route, Map<String, String> pathParameters) {
        /** {@code GET /things/{id}}, or {@code $default}. */
        public String routeKey() {
            return route.path().equals(SamTemplate.HttpRoute.DEFAULT_PATH)
                    ? SamTemplate.HttpRoute.DEFAULT_PATH : route.method() + " " + route.path();
        }
    }

    private record Candidate(SamTemplate.HttpRoute route, List<String> segments) {
        boolean greedy() {
            return !segments.isEmpty() && segments.get(segments.size() - 1).endsWith("+}");
        }

        long literals() {
            return segments.stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    private final List<Candidate> candidates = new ArrayList<>();
    private final Optional<SamTemplate.HttpRoute> defaultRoute;

    public HttpRoutes(List<SamTemplate.HttpRoute> routes) {
        Optional<SamTemplate.HttpRoute> fallback = Optional.empty();
        for (SamTemplate.HttpRoute route : routes) {
            if (route.path().equals(SamTemplate.HttpRoute.DEFAULT_PATH)) {
                fallback = Optional.of(route);
            } else {
                candidates.add(new Candidate(route, segments(route.path())));
            }
        }
        this.defaultRoute = fallback;
        candidates.sort(Comparator.comparing(Candidate::greedy)
                .thenComparing(Comparator.comparingLong(Candidate::literals).reversed())
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.segments().size()).reversed())
                .thenComparing(c -> c.route().method().equals("ANY")));
    }

    public Optional<Match> match(String method, String path) {
        List<String> requestSegments = segments(path);
        for (Candidate candidate : candidates) {
            String routeMethod = candidate.route().method();
            if (!routeMethod.equals("ANY") && !routeMethod.equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = bind(candidate.segments(), requestSegments);
            if (parameters != null) {
                return Optional.of(new Match(candidate.route(), parameters));
            }
        }
        return defaultRoute.map(route -> new Match(route, Map.of()));
    }

    /** The path parameters if {@code request} fits {@code template}, else null. */
    private static Map<String, String> bind(List<String> template, List<String> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= request.size()) {
                    return null; // a greedy parameter needs at least one segment
                }
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", request.subList(i, request.size())));
                return parameters;
            }
            if (i >= request.size()) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), request.get(i));
            } else if (!segment.equals(request.get(i))) {
                return null;
            }
        }
        return template.size() == request.size() ? parameters : null;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }
}

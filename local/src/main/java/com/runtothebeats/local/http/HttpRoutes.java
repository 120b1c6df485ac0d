package com.runtothebeats.local.http;

import com.runtothebeats.lambda.RouteTemplate;
import com.runtothebeats.standins.SamTemplate;
import java.util.ArrayList;
import java.util.Comparator;
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

    private record Candidate(SamTemplate.HttpRoute route, RouteTemplate template) {
    }

    private final List<Candidate> candidates = new ArrayList<>();
    private final Optional<SamTemplate.HttpRoute> defaultRoute;

    public HttpRoutes(List<SamTemplate.HttpRoute> routes) {
        Optional<SamTemplate.HttpRoute> fallback = Optional.empty();
        for (SamTemplate.HttpRoute route : routes) {
            if (route.path().equals(SamTemplate.HttpRoute.DEFAULT_PATH)) {
                fallback = Optional.of(route);
            } else {
                candidates.add(new Candidate(route, RouteTemplate.of(route.method(), route.path())));
            }
        }
        this.defaultRoute = fallback;
        candidates.sort(Comparator.comparing((Candidate c) -> c.template().greedy())
                .thenComparing(Comparator.comparingLong((Candidate c) -> c.template().literals()).reversed())
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.template().segments().size()).reversed())
                .thenComparing(c -> c.route().method().equals("ANY")));
    }

    public Optional<Match> match(String method, String path) {
        List<String> requestSegments = RouteTemplate.segments(path);
        for (Candidate candidate : candidates) {
            Optional<Map<String, String>> parameters = candidate.template().bind(method, requestSegments);
            if (parameters.isPresent()) {
                return Optional.of(new Match(candidate.route(), parameters.get()));
            }
        }
        return defaultRoute.map(route -> new Match(route, Map.of()));
    }
}

package com.runtothebeats.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's routes ({@link RouteTemplate}s with their work). The route API Gateway matched (its route key)
 * decides: only the routes it names are candidates, itself or the narrower ones declared under a template key
 * such as {@code GET /auth/{provider}/{action}}. Without a key ({@code $default}, a hand-made event) every route
 * is, in the order declared.
 */
final class Routes {

    record Route(RouteTemplate template, HttpFunction.Answer answer) {
    }

    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String key, HttpFunction.Answer answer) {
        RouteTemplate template = RouteTemplate.parse(key);
        if (routes.stream().anyMatch(route -> route.template().key().equals(template.key()))) {
            throw new IllegalArgumentException("route " + key + " is declared twice");
        }
        routes.add(new Route(template, answer));
    }

    Optional<Match> find(String routeKey, HttpRequest request) {
        List<String> path = RouteTemplate.segments(request.path());
        RouteTemplate keyed = RouteTemplate.isKey(routeKey) ? RouteTemplate.parse(routeKey) : null;
        for (Route route : routes) {
            RouteTemplate template = route.template();
            if (keyed != null && template.path().equals(keyed.path())
                    && (template.method().equals(keyed.method()) || template.method().equals("ANY"))) {
                return Optional.of(new Match(route, template.bind(request.httpMethod(), path).orElse(Map.of())));
            }
        }
        for (Route route : routes) {
            if (keyed == null || route.template().within(keyed)) {
                Optional<Map<String, String>> parameters = route.template().bind(request.httpMethod(), path);
                if (parameters.isPresent()) {
                    return Optional.of(new Match(route, parameters.get()));
                }
            }
        }
        return Optional.empty();
    }
}

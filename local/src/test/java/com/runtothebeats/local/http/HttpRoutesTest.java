package com.runtothebeats.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.standins.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    private static SamTemplate.HttpRoute route(String function, String method, String path) {
        return new SamTemplate.HttpRoute(function, "e", method, path, Optional.empty());
    }

    private final HttpRoutes routes = new HttpRoutes(List.of(
            route("Proxy", "ANY", "/api/{proxy+}"),
            route("ById", "GET", "/api/tracks/{id}"),
            route("Search", "GET", "/api/tracks/search"),
            route("AnyTrack", "ANY", "/api/tracks/{id}"),
            route("Root", "GET", "/")));

    private String target(String method, String path) {
        return routes.match(method, path).map(m -> m.route().functionId()).orElse("none");
    }

    @Test
    void theMostSpecificRouteWins() {
        assertEquals("Search", target("GET", "/api/tracks/search"));
        assertEquals("ById", target("GET", "/api/tracks/abc"));
        assertEquals("AnyTrack", target("DELETE", "/api/tracks/abc"));
        assertEquals("Proxy", target("POST", "/api/playlists/1/items"));
        assertEquals("Root", target("GET", "/"));
        assertEquals("none", target("POST", "/"));
        assertEquals("none", target("GET", "/elsewhere"));
    }

    @Test
    void pathParametersAreBound() {
        HttpRoutes.Match match = routes.match("GET", "/api/tracks/6f807x0ima9a1j3VPbc7VN").orElseThrow();
        assertEquals(Map.of("id", "6f807x0ima9a1j3VPbc7VN"), match.pathParameters());
        assertEquals("GET /api/tracks/{id}", match.routeKey());
        assertEquals(Map.of("proxy", "a/b"), routes.match("PUT", "/api/a/b").orElseThrow().pathParameters());
        assertTrue(routes.match("GET", "/api").isEmpty(), "a greedy parameter needs at least one segment");
    }

    @Test
    void theDefaultRouteCatchesTheRest() {
        HttpRoutes withDefault = new HttpRoutes(List.of(route("Web", "ANY", "$default"), route("Health", "GET", "/health")));
        assertEquals("Health", withDefault.match("GET", "/health").orElseThrow().route().functionId());
        HttpRoutes.Match fallback = withDefault.match("GET", "/dashboard").orElseThrow();
        assertEquals("Web", fallback.route().functionId());
        assertEquals("$default", fallback.routeKey());
    }

    @Test
    void textAndBinaryContentTypes() {
        assertTrue(PayloadV2Request.isText("application/json; charset=utf-8"));
        assertTrue(PayloadV2Request.isText("text/html"));
        assertTrue(PayloadV2Request.isText("application/x-www-form-urlencoded"));
        assertEquals(false, PayloadV2Request.isText("image/png"));
        assertEquals(Map.of("a", List.of("1", "2"), "b c", List.of("")), PayloadV2Request.queryParameters("a=1&a=2&b+c"));
    }
}

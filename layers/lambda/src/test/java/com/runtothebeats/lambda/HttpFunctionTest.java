package com.runtothebeats.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.standins.ApiGatewayEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class HttpFunctionTest {

    /** What a route saw, for the assertions. */
    static final class Seen {
        final List<String> values = new ArrayList<>();
    }

    static class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    static final class SpecificConflict extends Conflict {
        SpecificConflict() {
            super("specific");
        }
    }

    /** A function with a few routes of each kind the real ones use. */
    static final class TrailFunction extends HttpFunction {
        TrailFunction(Seen seen) {
            super(FunctionMetrics.create(LambdaEnvironment.of(Map.of())));
            on("GET /api/trails", request -> HttpResponses.json(200, Map.of("route", request.route())));
            on("POST /api/trails/{trail}/runs", request -> {
                seen.values.add(request.pathParameter("trail"));
                seen.values.add(request.body());
                seen.values.add(MDC.get("route"));
                seen.values.add(MDC.get("function_request_id"));
                return HttpResponses.json(201, Map.of("bpm", request.jsonObject("{\"bpm\": 150}").path("bpm").asInt()));
            });
            on("GET /static/{file+}", request -> HttpResponses.json(200, Map.of("file", request.pathParameter("file"))));
            on("ANY /legacy", request -> HttpResponses.error(410, "gone", "gone", null));
            on("GET /fail/{kind}", request -> {
                switch (request.pathParameter("kind")) {
                    case "input" -> throw new InvalidInputException("minutes", "minutes must be positive");
                    case "session" -> throw new RequestRejectedException(401, "not_signed_in", "Sign in first.");
                    case "conflict" -> throw new Conflict("general");
                    case "specific" -> throw new SpecificConflict();
                    default -> throw new IllegalStateException("secret-token-in-a-message");
                }
            });
            onError(SpecificConflict.class, e -> HttpResponses.error(409, "specific_conflict", e.getMessage(), null));
            onError(Conflict.class, e -> HttpResponses.error(409, "conflict", e.getMessage(), null));
        }
    }

    private final Seen seen = new Seen();
    private final TrailFunction function = new TrailFunction(seen);

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void dispatchesByMethodAndPathWithPathParametersAndTheStagePrefixRemoved() throws Exception {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.request("POST", "/api/trails/river-loop/runs").stage("prod")
                .body("{\"bpm\": 152}").build();
        assertEquals("/prod/api/trails/river-loop/runs", event.getRawPath());

        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(152, json(response).path("bpm").asInt());
        assertEquals("river-loop", seen.values.get(0));
        assertEquals("POST /api/trails/{trail}/runs", seen.values.get(2), "the route is in the logging context");
    }

    @Test
    void theRouteKeyApiGatewayMatchedDecidesAndATemplateKeyNarrowsByPath() throws Exception {
        APIGatewayV2HTTPEvent byKey = ApiGatewayEvents.get("/somewhere/else").routeKey("GET /api/trails").build();
        assertEquals("GET /api/trails", json(function.handleRequest(byKey, null)).path("route").asText());
        APIGatewayV2HTTPEvent templateKey = ApiGatewayEvents.get("/api/trails/").routeKey("GET /api/{proxy+}").build();
        assertEquals("GET /api/trails", json(function.handleRequest(templateKey, null)).path("route").asText(),
                "a trailing slash does not matter");
        APIGatewayV2HTTPEvent otherKey = ApiGatewayEvents.get("/api/trails").routeKey("GET /api/nothing").build();
        assertEquals(404, function.handleRequest(otherKey, null).getStatusCode(), "the route key is what API Gateway matched");
    }

    @Test
    void greedyAndAnyRoutes() throws Exception {
        assertEquals("css/app.css", json(function.handleRequest(ApiGatewayEvents.get("/static/css/app.css").build(), null))
                .path("file").asText());
        assertEquals(404, function.handleRequest(ApiGatewayEvents.get("/static/").build(), null).getStatusCode(),
                "a greedy parameter needs a segment, as in API Gateway");
        assertEquals(410, function.handleRequest(ApiGatewayEvents.request("DELETE", "/legacy").build(), null).getStatusCode());
    }

    @Test
    void anUnknownRouteIs404AndAnotherMethodIsNotTheSameRoute() throws Exception {
        APIGatewayV2HTTPResponse unknown = function.handleRequest(ApiGatewayEvents.get("/api/nothing").build(), null);
        assertEquals(404, unknown.getStatusCode());
        assertEquals("not_found", json(unknown).path("error").path("code").asText());
        assertEquals(404, function.handleRequest(ApiGatewayEvents.request("DELETE", "/api/trails").build(), null).getStatusCode());
    }

    @Test
    void aBase64BodyIsDecodedOnceForTheRoute() throws Exception {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.request("POST", "/api/trails/hill/runs").base64Body("{\"bpm\": 171}").build();
        assertTrue(event.getIsBase64Encoded());

        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);

        assertEquals(171, json(response).path("bpm").asInt());
        assertEquals("{\"bpm\": 171}", seen.values.get(1));
    }

    @Test
    void badBodiesAre400NamingTheBody() throws Exception {
        for (APIGatewayV2HTTPEvent event : List.of(
                ApiGatewayEvents.request("POST", "/api/trails/hill/runs").build(),
                ApiGatewayEvents.request("POST", "/api/trails/hill/runs").body("{not json").build(),
                ApiGatewayEvents.request("POST", "/api/trails/hill/runs").body("[1, 2]").build())) {
            APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
            assertEquals(400, response.getStatusCode(), event.getBody());
            assertEquals("body", json(response).path("error").path("field").asText());
        }
        APIGatewayV2HTTPEvent notBase64 = ApiGatewayEvents.request("POST", "/api/trails/hill/runs").body("%%%").build();
        notBase64.setIsBase64Encoded(true);
        JsonNode error = json(function.handleRequest(notBase64, null)).path("error");
        assertEquals("body", error.path("field").asText());
        assertTrue(error.path("message").asText().contains("base64"));
    }

    @Test
    void exceptionsMapToTheSharedErrorShape() throws Exception {
        JsonNode input = json(function.handleRequest(ApiGatewayEvents.get("/fail/input").build(), null)).path("error");
        assertEquals(400, input.path("status").asInt());
        assertEquals("invalid_input", input.path("code").asText());
        assertEquals("minutes", input.path("field").asText());

        APIGatewayV2HTTPResponse session = function.handleRequest(ApiGatewayEvents.get("/fail/session").build(), null);
        assertEquals(401, session.getStatusCode());
        assertEquals("not_signed_in", json(session).path("error").path("code").asText());

        assertEquals("conflict", json(function.handleRequest(ApiGatewayEvents.get("/fail/conflict").build(), null))
                .path("error").path("code").asText());
        assertEquals("specific_conflict", json(function.handleRequest(ApiGatewayEvents.get("/fail/specific").build(), null))
                .path("error").path("code").asText(), "the most specific declared type wins");
    }

    @Test
    void anUnexpectedErrorIs500WithNoDetail() throws Exception {
        APIGatewayV2HTTPResponse response = function.handleRequest(ApiGatewayEvents.get("/fail/other").build(), null);

        assertEquals(500, response.getStatusCode());
        assertEquals("internal_error", json(response).path("error").path("code").asText());
        assertFalse(response.getBody().contains("secret-token"), response.getBody());
        assertFalse(json(response).path("error").has("field"));
    }

    @Test
    void withALambdaContextEveryLineOfTheRouteCarriesTheRequestIdAndTheContextIsClearedAfter() {
        function.handleRequest(ApiGatewayEvents.request("POST", "/api/trails/hill/runs").body("{\"bpm\": 150}").build(),
                LambdaContexts.of("TrailFunction", "req-42"));

        assertEquals("req-42", seen.values.get(3));
        assertNull(MDC.get("function_request_id"));
        assertNull(MDC.get("route"));
    }

    @Test
    void eachInvocationFlushesItsMetricsOnceWithTheRouteAsADimension() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            function.handleRequest(ApiGatewayEvents.get("/api/trails").build(), null);
            function.handleRequest(ApiGatewayEvents.get("/fail/other").build(), null);
        } finally {
            System.setOut(original);
        }
        List<JsonNode> documents = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("\"_aws\"")) {
                documents.add(Json.MAPPER.readTree(line));
            }
        }
        assertEquals(2, documents.size(), out.toString(StandardCharsets.UTF_8));
        assertEquals("GET:/api/trails", documents.get(0).path("route").asText());
        assertEquals(1, documents.get(0).path("RequestsAnswered").asInt());
        assertTrue(documents.get(0).has("RequestTime"));
        assertEquals("GET:/fail/{kind}", documents.get(1).path("route").asText());
        assertEquals(1, documents.get(1).path("RequestsFailed").asInt());
        assertFalse(documents.get(1).has("RequestsAnswered"), "each flush carries only its own request");
    }
}

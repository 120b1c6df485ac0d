package com.runtothebeats.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.session.RequestCookies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One API Gateway HTTP API (payload v2) request as a handler reads it: the method, the path without the
 * stage prefix, the route it matched (with its path parameters), headers, query parameters and the body,
 * decoded from base64 here and nowhere else.
 */
public final class HttpRequest {

    private final APIGatewayV2HTTPEvent event;
    private final String method;
    private final String path;
    private final String route;
    private final Map<String, String> pathParameters;

    private HttpRequest(APIGatewayV2HTTPEvent event, String method, String path, String route, Map<String, String> pathParameters) {
        this.event = event;
        this.method = method;
        this.path = path;
        this.route = route;
        this.pathParameters = Map.copyOf(pathParameters);
    }

    /** The request before routing: {@link #route()} is the method and path. */
    public static HttpRequest of(APIGatewayV2HTTPEvent event) {
        String method = httpMethod(event);
        String path = path(event);
        return new HttpRequest(event, method, path, method + " " + path, Map.of());
    }

    HttpRequest routed(String route, Map<String, String> parameters) {
        return new HttpRequest(event, method, path, route, parameters);
    }

    /** The event as API Gateway sent it (for the session and CSRF checks). */
    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    /** Upper case; GET when the event does not say (a hand-written event). */
    public String httpMethod() {
        return method;
    }

    /** The path the client asked for, without the stage prefix and a trailing slash; "/" at the root. */
    public String path() {
        return path;
    }

    /** The route that answers, as declared ({@code GET /auth/{provider}/start}); before routing, method and path. */
    public String route() {
        return route;
    }

    /** A {@code {name}} segment of the matched route. */
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** A query-string parameter, absent when missing. */
    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return Optional.ofNullable(query == null ? null : query.get(name));
    }

    public Map<String, String> queryParameters() {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    /** A header by name, ignoring case; null when absent. */
    public String header(String name) {
        return RequestCookies.header(event, name);
    }

    /**
     * The body exactly as the client sent it (decoded when API Gateway base64-encoded it: a signature over
     * the raw bytes still verifies), or null when there is none.
     */
    public String body() {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "the request body is marked base64 but is not");
        }
    }

    /**
     * The body as a JSON object; anything else is refused naming {@code body}.
     *
     * @param example what a valid body looks like, for the message ({@code {"bpm": 152}})
     */
    public JsonNode jsonObject(String example) {
        String raw = body();
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("body", "send a JSON body such as " + example);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "the body must be a JSON object such as " + example);
        }
        return node;
    }

    /** The request's method, upper case; GET when the event does not say. */
    public static String httpMethod(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
    }

    /** On a named stage (not {@code $default}) API Gateway keeps the stage in rawPath; routes do not have it. */
    private static String path(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String path = event.getRawPath();
        if ((path == null || path.isEmpty()) && context != null && context.getHttp() != null) {
            path = context.getHttp().getPath();
        }
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String stage = context == null ? null : context.getStage();
        if (stage != null && !stage.isEmpty() && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

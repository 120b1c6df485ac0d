package com.runtothebeats.standins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made API Gateway HTTP API (payload v2) events, shaped as API Gateway sends them (method and path in
 * the request context too, mutable header and query maps), for tests that need a request no sample under
 * {@code events/} shows: {@code ApiGatewayEvents.request("POST", "/api/heart-rate").header(...).body(...).build()}.
 */
public final class ApiGatewayEvents {

    private final String method;
    private final String path;
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> query;
    private final List<String> cookies = new ArrayList<>();
    private String body;
    private boolean base64;
    private String routeKey;
    private String stage;

    private ApiGatewayEvents(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static ApiGatewayEvents request(String method, String path) {
        return new ApiGatewayEvents(method, path);
    }

    public static ApiGatewayEvents get(String path) {
        return request("GET", path);
    }

    public ApiGatewayEvents header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiGatewayEvents headers(Map<String, String> values) {
        headers.putAll(values);
        return this;
    }

    /** The query-string parameters; null leaves the event without any, as API Gateway does. */
    public ApiGatewayEvents query(Map<String, String> parameters) {
        this.query = parameters == null ? null : new HashMap<>(parameters);
        return this;
    }

    public ApiGatewayEvents query(String name, String value) {
        if (query == null) {
            query = new HashMap<>();
        }
        query.put(name, value);
        return this;
    }

    /** Cookies as API Gateway passes them: {@code name=value} entries of the event's cookies array. */
    public ApiGatewayEvents cookies(List<String> values) {
        if (values != null) {
            cookies.addAll(values);
        }
        return this;
    }

    public ApiGatewayEvents cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    public ApiGatewayEvents body(String text) {
        this.body = text;
        this.base64 = false;
        return this;
    }

    /** The body as API Gateway sends a binary one: base64-encoded, flagged so. */
    public ApiGatewayEvents base64Body(String text) {
        this.body = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        this.base64 = true;
        return this;
    }

    public ApiGatewayEvents routeKey(String key) {
        this.routeKey = key;
        return this;
    }

    /** A named stage: API Gateway then puts it in front of rawPath. */
    public ApiGatewayEvents stage(String name) {
        this.stage = name;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String rawPath = stage == null || stage.equals("$default") ? path : "/" + stage + path;
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setStage(stage == null ? "$default" : stage);
        context.setRouteKey(routeKey);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRequestContext(context);
        event.setRawPath(rawPath);
        event.setHeaders(new HashMap<>(headers));
        event.setQueryStringParameters(query);
        event.setCookies(cookies.isEmpty() ? null : new ArrayList<>(cookies));
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }
}

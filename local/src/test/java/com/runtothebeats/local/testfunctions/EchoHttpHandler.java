package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A test function: answers with what it received, so tests can check the payload v2 event. */
public final class EchoHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final AtomicInteger CONTAINERS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;

    public EchoHttpHandler() {
        CONTAINERS.incrementAndGet();
        this.environment = LambdaEnvironment.current().asMap();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("routeKey", event.getRouteKey());
        seen.put("rawPath", event.getRawPath());
        seen.put("rawQueryString", event.getRawQueryString());
        seen.put("cookies", event.getCookies());
        seen.put("headers", event.getHeaders());
        seen.put("queryStringParameters", event.getQueryStringParameters());
        seen.put("pathParameters", event.getPathParameters());
        seen.put("body", event.getBody());
        seen.put("isBase64Encoded", event.getIsBase64Encoded());
        seen.put("method", event.getRequestContext().getHttp().getMethod());
        seen.put("path", event.getRequestContext().getHttp().getPath());
        seen.put("stage", event.getRequestContext().getStage());
        seen.put("environment", environment);
        seen.put("functionName", context.getFunctionName());
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
                    .withCookies(List.of("first=1; Path=/; HttpOnly", "second=2; Path=/"))
                    .withBody(JSON.writeValueAsString(seen))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

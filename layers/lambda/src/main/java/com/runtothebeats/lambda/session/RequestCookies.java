package com.runtothebeats.lambda.session;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies of an HTTP API (payload v2) request. API Gateway puts them in the event's {@code cookies}
 * array; a plain {@code Cookie} header is read too, so a request that did not come through API Gateway
 * (a hand-written event, a proxy) is understood the same way. The first value of a name wins.
 */
public final class RequestCookies {

    private final Map<String, String> values;

    private RequestCookies(Map<String, String> values) {
        this.values = values;
    }

    public static RequestCookies of(APIGatewayV2HTTPEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> cookies = event.getCookies();
        if (cookies != null) {
            cookies.forEach(pair -> add(values, pair));
        }
        String header = header(event, "cookie");
        if (header != null) {
            for (String pair : header.split(";")) {
                add(values, pair);
            }
        }
        return new RequestCookies(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A request header by name, ignoring case (API Gateway lower-cases them, hand-written events may not). */
    public static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static void add(Map<String, String> values, String pair) {
        if (pair == null) {
            return;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        values.putIfAbsent(name, value);
    }
}

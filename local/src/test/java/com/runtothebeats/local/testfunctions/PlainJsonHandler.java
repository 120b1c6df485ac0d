package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A test function returning a plain JSON object, which an HTTP API sends as a 200 JSON body. */
public final class PlainJsonHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("status", "ok", "routeKey", String.valueOf(event.get("routeKey")));
    }
}

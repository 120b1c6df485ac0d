package com.runtothebeats.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.Map;

/** A test function: returns the request body reversed, as a binary (base64) response. */
public final class BinaryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (!event.getIsBase64Encoded()) {
            throw new IllegalArgumentException("expected a base64 body");
        }
        byte[] body = Base64.getDecoder().decode(event.getBody());
        byte[] reversed = new byte[body.length];
        for (int i = 0; i < body.length; i++) {
            reversed[i] = body[body.length - 1 - i];
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(reversed))
                .build();
    }
}

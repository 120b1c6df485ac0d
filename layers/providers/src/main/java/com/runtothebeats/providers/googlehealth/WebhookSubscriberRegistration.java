package com.runtothebeats.providers.googlehealth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Registers our webhook as the project's Google Health subscriber: {@code POST /v4/projects/{project}/subscribers
 * ?subscriberId=} with {@code endpointUri}, {@code subscriberConfigs[{dataTypes, subscriptionCreatePolicy: AUTOMATIC}]}
 * (every runner who consents is subscribed) and {@code endpointAuthorization.secret} (sent back by Google as the whole
 * {@code Authorization} header). Google verifies the endpoint during this call, so the stack must be deployed first.
 */
public final class WebhookSubscriberRegistration {

    /** Kebab-case, as Google spells data types in subscriber configs. */
    public static final List<String> DATA_TYPES = List.of("heart-rate", "steps");

    /** What Google answered: 200/201 registered, 409 already registered; anything else is the body to show. */
    public record Outcome(int status, String body) {
        public boolean registered() {
            return status == 200 || status == 201 || status == 409;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI healthApiBase;
    private final HttpClient http;

    public WebhookSubscriberRegistration(URI healthApiBase, HttpClient http) {
        this.healthApiBase = healthApiBase;
        this.http = http;
    }

    /** The request body Google documents, for {@code endpointUri} authorised by {@code secret}. */
    public static String body(String endpointUri, String secret, List<String> dataTypes) {
        ObjectNode body = JSON.createObjectNode();
        body.put("endpointUri", endpointUri);
        ObjectNode config = body.putArray("subscriberConfigs").addObject();
        dataTypes.forEach(config.putArray("dataTypes")::add);
        config.put("subscriptionCreatePolicy", "AUTOMATIC");
        body.putObject("endpointAuthorization").put("secret", secret);
        return body.toString();
    }

    public Outcome register(String project, String subscriberId, String endpointUri, String secret, String accessToken)
            throws IOException, InterruptedException {
        return register(project, subscriberId, endpointUri, secret, accessToken, DATA_TYPES);
    }

    public Outcome register(String project, String subscriberId, String endpointUri, String secret, String accessToken,
                            List<String> dataTypes) throws IOException, InterruptedException {
        String base = healthApiBase.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8)
                + "/subscribers?subscriberId=" + URLEncoder.encode(subscriberId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(endpointUri, secret, dataTypes)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Outcome(response.statusCode(), response.body());
    }
}

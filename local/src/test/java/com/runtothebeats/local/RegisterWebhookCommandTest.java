package com.runtothebeats.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.runtothebeats.providers.googlehealth.WebhookSubscriberRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscriber registration against WireMock as Google Health, with the deployed stack's outputs file. */
class RegisterWebhookCommandTest {

    @Test
    void registersTheStacksWebhookWithTheDocumentedBody(@TempDir Path dir) throws Exception {
        Path outputs = dir.resolve("outputs.json");
        Files.writeString(outputs, "{\"Stacks\":[{\"Outputs\":[{\"OutputKey\":\"DataBucketName\",\"OutputValue\":\"b\"},"
                + "{\"OutputKey\":\"ApiUrl\",\"OutputValue\":\"https://abc.execute-api.eu-west-1.amazonaws.com/prod/\"}]}]}");
        String endpoint = RegisterWebhookCommand.webhookUri(outputs);
        assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com/prod/webhooks/google-health", endpoint);

        WireMockServer google = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        google.start();
        try {
            google.stubFor(post(urlPathEqualTo("/v4/projects/proj-1/subscribers"))
                    .willReturn(aResponse().withStatus(201).withBody("{\"name\":\"projects/proj-1/subscribers/run-to-the-beats\"}")));
            WebhookSubscriberRegistration registration = new WebhookSubscriberRegistration(URI.create(google.baseUrl() + "/"),
                    HttpClient.newHttpClient());

            WebhookSubscriberRegistration.Outcome outcome = registration.register("proj-1", "run-to-the-beats", endpoint,
                    "Bearer s3cret", "sa-token");

            assertTrue(outcome.registered());
            google.verify(postRequestedFor(urlPathEqualTo("/v4/projects/proj-1/subscribers"))
                    .withQueryParam("subscriberId", equalTo("run-to-the-beats"))
                    .withHeader("Authorization", equalTo("Bearer sa-token"))
                    .withRequestBody(equalToJson("{\"endpointUri\":\"" + endpoint + "\",\"subscriberConfigs\":[{\"dataTypes\":"
                            + "[\"heart-rate\",\"steps\"],\"subscriptionCreatePolicy\":\"AUTOMATIC\"}],"
                            + "\"endpointAuthorization\":{\"secret\":\"Bearer s3cret\"}}")));

            google.stubFor(post(urlPathEqualTo("/v4/projects/proj-1/subscribers")).willReturn(aResponse().withStatus(409)));
            assertTrue(registration.register("proj-1", "run-to-the-beats", endpoint, "Bearer s3cret", "sa-token").registered(),
                    "a second run: already registered");
            google.stubFor(post(urlPathEqualTo("/v4/projects/proj-1/subscribers")).willReturn(aResponse().withStatus(400)
                    .withBody("{\"error\":{\"message\":\"endpoint verification failed\"}}")));
            WebhookSubscriberRegistration.Outcome refused = registration.register("proj-1", "run-to-the-beats", endpoint,
                    "Bearer s3cret", "sa-token");
            assertFalse(refused.registered());
            assertTrue(refused.body().contains("verification failed"));
        } finally {
            google.stop();
        }
    }
}

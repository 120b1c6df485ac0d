package com.runtothebeats.functions.healthwebhook;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.core.heartrate.NotificationInbox;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.PublishedSigningKeyset;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The Health webhook function's collaborators (built once per container).
 *
 * @param secret     what Google sends in {@code Authorization} ({@code GOOGLE_HEALTH_WEBHOOK_SECRET}, or the
 *                   SSM parameter {@code GOOGLE_HEALTH_WEBHOOK_SECRET_PARAMETER} names)
 * @param signatures Google's published signing keyset ({@code GOOGLE_HEALTH_SIGNING_KEYSET_URL}), fetched and
 *                   cached; when present every notification must be signed
 * @param clock      "now" for the per-item interval checks
 */
public record HealthWebhookComponents(String secret, Optional<PublishedSigningKeyset> signatures,
                                      NotificationInbox inbox, Metrics metrics, Clock clock) {

    @Override
    public String toString() {
        return "HealthWebhookComponents[secret redacted]";
    }

    static HealthWebhookComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        return new HealthWebhookComponents(env.get("GOOGLE_HEALTH_WEBHOOK_SECRET")
                        .orElseGet(() -> new SsmSecureParameters(aws.ssm()).apply(env.require("GOOGLE_HEALTH_WEBHOOK_SECRET_PARAMETER"))),
                env.get("GOOGLE_HEALTH_SIGNING_KEYSET_URL").filter(url -> !url.isBlank())
                        .map(url -> new PublishedSigningKeyset(URI.create(url), Clock.systemUTC())),
                new DynamoNotificationInbox(aws.dynamoDb(), env.require("NOTIFICATIONS_TABLE"), Clock.systemUTC()),
                FunctionMetrics.create(env), Clock.systemUTC());
    }
}

package com.runtothebeats.functions.healthwebhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.heartrate.NotificationInbox;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RequestCookies;
import com.runtothebeats.providers.googlehealth.NotificationSignatureVerifier;
import com.runtothebeats.providers.googlehealth.WebhookNotifications;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@code POST /webhooks/google-health}: the Google Health API's webhook. Answers the verification
 * handshake (201 with the right secret, 401 without); authenticates every notification (the secret in
 * {@code Authorization}, compared in constant time, and the ECDSA signature of the raw body when a keyset is
 * configured and the call is signed); stores each notification once, keyed by user, data type, interval and
 * operation, and answers at once: the fetching happens in the sync function, from the table's stream.
 * Also answers the retired Fitbit Web API's routes with 410 Gone.
 */
public class HealthWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWebhookHandler.class);

    private final WebhookSecret secret;
    private final Optional<NotificationSignatureVerifier> signatures;
    private final NotificationInbox inbox;
    private final Metrics metrics;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public HealthWebhookHandler() {
        this(LambdaEnvironment.current(), AwsClients.current());
    }

    private HealthWebhookHandler(LambdaEnvironment env, AwsClients aws) {
        this(env.get("GOOGLE_HEALTH_WEBHOOK_SECRET")
                        .orElseGet(() -> new SsmSecureParameters(aws.ssm())
                                .apply(env.require("GOOGLE_HEALTH_WEBHOOK_SECRET_PARAMETER"))),
                env.get("GOOGLE_HEALTH_SIGNING_KEYSET").map(NotificationSignatureVerifier::fromPublicKeysetJson),
                new DynamoNotificationInbox(aws.dynamoDb(), env.require("NOTIFICATIONS_TABLE"), Clock.systemUTC()),
                FunctionMetrics.create(env));
    }

    public HealthWebhookHandler(String secret, Optional<NotificationSignatureVerifier> signatures,
                                NotificationInbox inbox, Metrics metrics) {
        this.secret = new WebhookSecret(secret);
        this.signatures = signatures;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return handle(event);
        } catch (RuntimeException e) {
            // Non-2xx makes Google deliver again later: nothing received is lost.
            LOG.error("webhook delivery failed: {}", e.getClass().getName());
            metrics.addMetric("HealthWebhookFailed", 1, MetricUnit.COUNT);
            return HttpResponses.unexpected();
        } finally {
            metrics.flush();
        }
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        if (LegacyFitbitRoutes.matches(path)) {
            return LegacyFitbitRoutes.gone();
        }
        String rawBody = rawBody(event);
        boolean authorized = secret.matches(RequestCookies.header(event, "Authorization"));
        WebhookNotifications.Body body;
        try {
            body = WebhookNotifications.parse(rawBody);
        } catch (InvalidInputException malformed) {
            if (!authorized) {
                return unauthorized();
            }
            metrics.addMetric("HealthWebhookRejected", 1, MetricUnit.COUNT);
            return HttpResponses.badRequest("The notification body is not readable: " + malformed.getMessage(),
                    malformed.field());
        }
        if (!authorized) {
            LOG.warn("webhook call without the right secret ({})", body.verification() ? "verification" : "notification");
            metrics.addMetric("HealthWebhookUnauthorized", 1, MetricUnit.COUNT);
            return unauthorized();
        }
        if (body.verification()) {
            LOG.info("webhook verification answered");
            return HttpResponses.json(201, Map.of("verified", true));
        }
        Optional<String> signature = Optional.ofNullable(RequestCookies.header(event, NotificationSignatureVerifier.SIGNATURE_HEADER))
                .or(() -> Optional.ofNullable(RequestCookies.header(event, NotificationSignatureVerifier.ALTERNATE_SIGNATURE_HEADER)));
        if (signature.isPresent() && signatures.isPresent() && !signatures.get().verifies(rawBody, signature.get())) {
            LOG.warn("webhook notification with a signature that does not verify");
            metrics.addMetric("HealthWebhookUnauthorized", 1, MetricUnit.COUNT);
            return HttpResponses.error(401, "bad_signature", "The notification signature does not verify.", null);
        }
        int stored = 0;
        for (DataChangeNotification notification : body.notifications()) {
            if (inbox.recordIfNew(notification)) {
                stored++;
            }
        }
        int duplicates = body.notifications().size() - stored;
        LOG.info("webhook notifications received: {} new, {} duplicate", stored, duplicates);
        metrics.addMetric("HealthNotificationsStored", stored, MetricUnit.COUNT);
        metrics.addMetric("HealthNotificationsDuplicate", duplicates, MetricUnit.COUNT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", body.notifications().size());
        answer.put("stored", stored);
        answer.put("duplicates", duplicates);
        return HttpResponses.json(200, answer);
    }

    private static APIGatewayV2HTTPResponse unauthorized() {
        return HttpResponses.error(401, "unauthorized", "The Authorization header does not carry the webhook secret.", null);
    }

    private static String rawBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        // The signature covers the bytes Google sent: decode, never re-serialise.
        return event.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }
}

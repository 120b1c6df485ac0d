package com.runtothebeats.functions.healthwebhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.heartrate.NotificationInbox;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.NotificationSignatureVerifier;
import com.runtothebeats.providers.googlehealth.WebhookNotifications;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@code POST /webhooks/google-health}: the Google Health API's webhook. Answers the verification
 * handshake (201 with the right secret, 401 without); authenticates every notification (the secret in
 * {@code Authorization}, compared in constant time, and the ECDSA signature of the raw body when a keyset is
 * configured and the call is signed); stores each notification once, keyed by user, data type, interval and
 * operation, and answers at once: the fetching happens in the sync function, from the table's stream. A
 * failure answers 500, so Google delivers again later: nothing received is lost.
 * Also answers the retired Fitbit Web API's routes with 410 Gone.
 */
public class HealthWebhookHandler extends HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWebhookHandler.class);

    private final WebhookSecret secret;
    private final Optional<NotificationSignatureVerifier> signatures;
    private final NotificationInbox inbox;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public HealthWebhookHandler() {
        this(HealthWebhookComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public HealthWebhookHandler(HealthWebhookComponents components) {
        super(components.metrics());
        this.secret = new WebhookSecret(components.secret());
        this.signatures = components.signatures();
        this.inbox = components.inbox();
        on("POST /webhooks/google-health", this::notifications);
        LegacyFitbitRoutes.ROUTES.forEach(route -> on(route, request -> LegacyFitbitRoutes.gone()));
    }

    private APIGatewayV2HTTPResponse notifications(HttpRequest request) {
        // The signature covers the bytes Google sent: the body as received, never re-serialised.
        String rawBody = Optional.ofNullable(request.body()).orElse("");
        boolean authorized = secret.matches(request.header("Authorization"));
        WebhookNotifications.Body body;
        try {
            body = WebhookNotifications.parse(rawBody);
        } catch (InvalidInputException malformed) {
            if (!authorized) {
                return unauthorized();
            }
            metrics().addMetric("HealthWebhookRejected", 1, MetricUnit.COUNT);
            return HttpResponses.badRequest("The notification body is not readable: " + malformed.getMessage(), malformed.field());
        }
        if (!authorized) {
            LOG.warn("webhook call without the right secret ({})", body.verification() ? "verification" : "notification");
            metrics().addMetric("HealthWebhookUnauthorized", 1, MetricUnit.COUNT);
            return unauthorized();
        }
        if (body.verification()) {
            LOG.info("webhook verification answered");
            return HttpResponses.json(201, Map.of("verified", true));
        }
        Optional<String> signature = Optional.ofNullable(request.header(NotificationSignatureVerifier.SIGNATURE_HEADER))
                .or(() -> Optional.ofNullable(request.header(NotificationSignatureVerifier.ALTERNATE_SIGNATURE_HEADER)));
        if (signature.isPresent() && signatures.isPresent() && !signatures.get().verifies(rawBody, signature.get())) {
            LOG.warn("webhook notification with a signature that does not verify");
            metrics().addMetric("HealthWebhookUnauthorized", 1, MetricUnit.COUNT);
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
        metrics().addMetric("HealthNotificationsStored", stored, MetricUnit.COUNT);
        metrics().addMetric("HealthNotificationsDuplicate", duplicates, MetricUnit.COUNT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", body.notifications().size());
        answer.put("stored", stored);
        answer.put("duplicates", duplicates);
        return HttpResponses.json(200, answer);
    }

    private static APIGatewayV2HTTPResponse unauthorized() {
        return HttpResponses.error(401, "unauthorized", "The Authorization header does not carry the webhook secret.", null);
    }
}

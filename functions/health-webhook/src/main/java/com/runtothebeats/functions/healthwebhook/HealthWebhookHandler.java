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
import com.runtothebeats.providers.googlehealth.PublishedSigningKeyset;
import com.runtothebeats.providers.googlehealth.WebhookNotifications;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@code POST /webhooks/google-health}: the Google Health API's webhook. Answers the verification
 * handshake (201 with the right secret, 401 without). Every call is authenticated before its body is read: the
 * secret in {@code Authorization} (the header's whole value, compared in constant time), then, when a keyset URL
 * is configured, the ECDSA signature of the raw body, which is then required. Each readable notification is
 * stored once, keyed by user, data type, interval and operation, and the call answered at once: the fetching
 * happens in the sync function, from the table's stream. Unreadable items are counted, logged and named in the
 * answer; only a body with nothing readable is a 400. A failure answers 500 (503 when the keyset cannot be
 * fetched), so Google delivers again later: nothing received is lost. Also answers the retired Fitbit Web API's
 * routes with 410 Gone.
 */
public class HealthWebhookHandler extends HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWebhookHandler.class);

    private final WebhookSecret secret;
    private final Optional<PublishedSigningKeyset> signatures;
    private final NotificationInbox inbox;
    private final Clock clock;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public HealthWebhookHandler() {
        this(HealthWebhookComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public HealthWebhookHandler(HealthWebhookComponents components) {
        super(components.metrics());
        this.secret = new WebhookSecret(components.secret());
        this.signatures = components.signatures();
        this.inbox = components.inbox();
        this.clock = components.clock();
        on("POST /webhooks/google-health", this::notifications);
        LegacyFitbitRoutes.ROUTES.forEach(route -> on(route, request -> LegacyFitbitRoutes.gone()));
        onError(PublishedSigningKeyset.KeysetUnavailableException.class, cannotCheck -> {
            LOG.error("webhook delivery not checked: {}", cannotCheck.getMessage());
            metrics().addMetric("HealthWebhookKeysetUnavailable", 1, MetricUnit.COUNT);
            return HttpResponses.error(503, "keyset_unavailable", "The signing keyset could not be fetched; deliver again later.", null);
        });
    }

    private APIGatewayV2HTTPResponse notifications(HttpRequest request) {
        if (!secret.matches(request.header("Authorization"))) {
            LOG.warn("webhook call without the right secret");
            metrics().addMetric("HealthWebhookUnauthorized", 1, MetricUnit.COUNT);
            return HttpResponses.error(401, "unauthorized", "The Authorization header does not carry the webhook secret.", null);
        }
        // The signature covers the bytes Google sent: the body as received, never re-serialised.
        String rawBody = Optional.ofNullable(request.body()).orElse("");
        if (signatures.isPresent()) {
            String signature = Optional.ofNullable(request.header(NotificationSignatureVerifier.SIGNATURE_HEADER))
                    .orElse(request.header(NotificationSignatureVerifier.ALTERNATE_SIGNATURE_HEADER));
            if (signature == null || !signatures.get().verifies(rawBody, signature)) {
                LOG.warn("webhook call {}", signature == null ? "without a signature" : "with a signature that does not verify");
                metrics().addMetric("HealthWebhookUnauthorized", 1, MetricUnit.COUNT);
                return HttpResponses.error(401, "bad_signature", signature == null
                        ? "The notification is not signed (" + NotificationSignatureVerifier.SIGNATURE_HEADER + ")."
                        : "The notification signature does not verify.", NotificationSignatureVerifier.SIGNATURE_HEADER);
            }
        }
        WebhookNotifications.Body body;
        try {
            body = WebhookNotifications.parse(rawBody, clock.instant());
        } catch (InvalidInputException malformed) {
            metrics().addMetric("HealthWebhookRejected", 1, MetricUnit.COUNT);
            return HttpResponses.badRequest("The notification body is not readable: " + malformed.getMessage(), malformed.field());
        }
        if (body.verification()) {
            LOG.info("webhook verification answered");
            return HttpResponses.json(201, Map.of("verified", true));
        }
        for (WebhookNotifications.Unreadable item : body.unreadable()) {
            LOG.warn("webhook item not readable: {}: {}", item.field(), item.message());
        }
        metrics().addMetric("HealthNotificationsUnreadable", body.unreadable().size(), MetricUnit.COUNT);
        if (body.notifications().isEmpty()) {
            metrics().addMetric("HealthWebhookRejected", 1, MetricUnit.COUNT);
            WebhookNotifications.Unreadable first = body.unreadable().isEmpty()
                    ? new WebhookNotifications.Unreadable("body", "the body holds no notification") : body.unreadable().get(0);
            return HttpResponses.badRequest("No notification in the body is readable: " + first.message(), first.field());
        }
        return stored(body);
    }

    private APIGatewayV2HTTPResponse stored(WebhookNotifications.Body body) {
        int stored = 0;
        for (DataChangeNotification notification : body.notifications()) {
            if (inbox.recordIfNew(notification)) {
                stored++;
            }
        }
        int duplicates = body.notifications().size() - stored;
        LOG.info("webhook notifications received: {} new, {} duplicate, {} unreadable", stored, duplicates, body.unreadable().size());
        metrics().addMetric("HealthNotificationsStored", stored, MetricUnit.COUNT);
        metrics().addMetric("HealthNotificationsDuplicate", duplicates, MetricUnit.COUNT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", body.notifications().size() + body.unreadable().size());
        answer.put("stored", stored);
        answer.put("duplicates", duplicates);
        answer.put("unreadable", body.unreadable().size());
        answer.put("unreadableItems", body.unreadable());
        return HttpResponses.json(200, answer);
    }
}

package com.runtothebeats.functions.healthsync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.heartrate.HeartRateSync;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The NotificationsTable's stream: each newly stored webhook notification becomes a heart-rate sync for its
 * interval ({@link HeartRateSync}). A record that fails (Google unreachable, rate limited for long, a token
 * refresh in progress elsewhere, the runner's heart-rate state changed by other writers before each of the
 * recorder's conditional writes) is reported as a batch item failure; Lambda retries from it (bisecting is for
 * function errors), and after the last retry hands it to the on-failure destination (a queue), so no notification
 * is lost. Records after a failure are left for the retry rather than processed out of order.
 */
public class HealthSyncHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSyncHandler.class);

    private final HeartRateSync sync;
    private final Metrics metrics;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public HealthSyncHandler() {
        this(fromEnvironment(LambdaEnvironment.current()), FunctionMetrics.create(LambdaEnvironment.current()));
    }

    public HealthSyncHandler(HeartRateSync sync, Metrics metrics) {
        this.sync = sync;
        this.metrics = metrics;
    }

    static HeartRateSync fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Clock clock = Clock.systemUTC();
        GoogleEndpoints endpoints = GoogleEndpoints.of(env.get("GOOGLE_OAUTH_BASE_URL", null),
                env.get("GOOGLE_HEALTH_API_BASE_URL", null));
        String clientSecret = env.get("GOOGLE_CLIENT_SECRET")
                .or(() -> env.get("GOOGLE_CLIENT_SECRET_PARAMETER").map(new SsmSecureParameters(aws.ssm())))
                .orElse(null);
        ProviderLinkStore links = new DynamoProviderLinkStore(dynamo, env.require("PROVIDER_LINKS_TABLE"),
                TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
        GoogleOAuthClient oauth = new GoogleOAuthClient(endpoints, env.get("GOOGLE_CLIENT_ID", ""), clientSecret, clock);
        return new HeartRateSync(links,
                new TokenRefresher(links, oauth, LinkStatus.DISCONNECTED, clock, Pause.SLEEP),
                new GoogleHealthClient(endpoints.healthApi(), Pause.SLEEP),
                new DynamoHeartRateSamples(dynamo, env.require("HEART_RATE_TABLE")),
                new DynamoRunnerHeartRates(dynamo, env.require("RUNNERS_TABLE")));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                if (!"INSERT".equals(record.getEventName())) {
                    continue; // TTL expiry (REMOVE) and anything else is not news
                }
                try {
                    DataChangeNotification notification = notification(record.getDynamodb().getNewImage());
                    HeartRateSync.Result result = sync.process(notification);
                    LOG.info("synced {} {} {}–{}: {} ({} samples)", notification.dataType(), notification.operation(),
                            notification.start(), notification.end(), result.outcome(), result.samples());
                    metrics.addMetric("HeartRateSync" + result.outcome(), 1, MetricUnit.COUNT);
                    metrics.addMetric("HeartRateSamplesStored", result.samples(), MetricUnit.COUNT);
                } catch (RuntimeException e) {
                    LOG.warn("sync of stream record {} failed, left for retry: {}: {}",
                            record.getDynamodb().getSequenceNumber(), e.getClass().getSimpleName(), e.getMessage());
                    metrics.addMetric("HeartRateSyncFailed", 1, MetricUnit.COUNT);
                    failures.add(StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                    break;
                }
            }
        } finally {
            metrics.flush();
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    static DataChangeNotification notification(Map<String, AttributeValue> image) {
        return DynamoNotificationInbox.fromItem(name -> {
            AttributeValue value = image.get(name);
            if (value == null || value.getS() == null) {
                throw new IllegalArgumentException("stream image lacks " + name);
            }
            return value.getS();
        });
    }
}

package com.runtothebeats.functions.healthsync;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.runtothebeats.aws.heartrate.DynamoNotificationInbox;
import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.heartrate.HeartRateSync;
import com.runtothebeats.lambda.DynamoDbStreamFunction;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The NotificationsTable's stream: each newly stored webhook notification becomes a heart-rate sync for its
 * interval ({@link HeartRateSync}). A record that fails (Google unreachable, rate limited for long, a token
 * refresh in progress elsewhere, the runner's heart-rate state changed by other writers before each of the
 * recorder's conditional writes) is reported as a batch item failure; Lambda retries from it (bisecting is for
 * function errors), and after the last retry hands it to the on-failure destination (a queue), so no notification
 * is lost. Records after a failure are left for the retry rather than processed out of order.
 */
public class HealthSyncHandler extends DynamoDbStreamFunction {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSyncHandler.class);

    private final HeartRateSync sync;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public HealthSyncHandler() {
        this(HealthSyncComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public HealthSyncHandler(HealthSyncComponents components) {
        super(components.metrics(), "HeartRateSyncFailed");
        this.sync = components.sync();
    }

    @Override
    protected void process(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName())) {
            return; // TTL expiry (REMOVE) and anything else is not news
        }
        DataChangeNotification notification = notification(record.getDynamodb().getNewImage());
        HeartRateSync.Result result = sync.process(notification);
        LOG.info("synced {} {} {}–{}: {} ({} samples)", notification.dataType(), notification.operation(),
                notification.start(), notification.end(), result.outcome(), result.samples());
        metrics().addMetric("HeartRateSync" + result.outcome(), 1, MetricUnit.COUNT);
        metrics().addMetric("HeartRateSamplesStored", result.samples(), MetricUnit.COUNT);
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

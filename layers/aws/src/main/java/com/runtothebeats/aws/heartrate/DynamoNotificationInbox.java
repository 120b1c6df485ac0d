package com.runtothebeats.aws.heartrate;

import com.runtothebeats.core.heartrate.DataChangeNotification;
import com.runtothebeats.core.heartrate.NotificationInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Received notifications in the NotificationsTable, one item per {@link DataChangeNotification#key()}: the
 * conditional put makes a redelivery a no-op, and only a new item reaches the table's stream (and so the
 * sync). Items expire after two weeks, longer than Google keeps retrying a delivery.
 */
public final class DynamoNotificationInbox implements NotificationInbox {

    static final Duration KEEP = Duration.ofDays(14);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public DynamoNotificationInbox(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public boolean recordIfNew(DataChangeNotification notification) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("notificationKey", AttributeValue.fromS(notification.key()));
        item.put("healthUserId", AttributeValue.fromS(notification.healthUserId()));
        item.put("dataType", AttributeValue.fromS(notification.dataType()));
        item.put("operation", AttributeValue.fromS(notification.operation()));
        item.put("startTime", AttributeValue.fromS(notification.start().toString()));
        item.put("endTime", AttributeValue.fromS(notification.end().toString()));
        item.put("receivedAt", AttributeValue.fromS(now.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())));
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(notificationKey)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyReceived) {
            return false;
        }
    }

    /**
     * The notification in a stored item (a stream record's new image), given a reader of its string
     * attributes: Lambda's stream events and the SDK have different attribute classes.
     */
    public static DataChangeNotification fromItem(Function<String, String> stringAttribute) {
        return new DataChangeNotification(stringAttribute.apply("healthUserId"), stringAttribute.apply("dataType"),
                stringAttribute.apply("operation"), Instant.parse(stringAttribute.apply("startTime")),
                Instant.parse(stringAttribute.apply("endTime")));
    }
}

package com.runtothebeats.standins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's SQS queues and the functions' SQS event sources, read as data: what the local stack needs to run
 * them as AWS would (visibility timeout, retention, redrive to a dead-letter queue; batch size, partial batch
 * responses). Values must be literals, except a dead-letter target written as {@code !GetAtt Queue.Arn} and an
 * event source's queue written as {@code !GetAtt Queue.Arn}, the forms the local stack follows.
 */
public final class TemplateQueues {

    public static final String QUEUE = "AWS::SQS::Queue";

    private TemplateQueues() {
    }

    /** A queue; SQS's defaults where the template says nothing (30 s visibility, 4 days' retention, no redrive). */
    public record QueueDefinition(String logicalId, int visibilityTimeoutSeconds, int retentionSeconds,
                                  Optional<String> deadLetterQueue, int maxReceiveCount) {
    }

    /** An SQS event source mapping; Lambda's defaults: batch 10, no batching window, whole-batch failures. */
    public record QueueSubscription(String functionId, String eventName, String queueLogicalId, int batchSize,
                                    int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled) {
    }

    public static List<QueueDefinition> queues(SamTemplate template) {
        List<QueueDefinition> queues = new ArrayList<>();
        for (SamTemplate.Resource resource : template.resourcesOfType(QUEUE)) {
            Map<String, Object> properties = resource.properties();
            Map<String, Object> redrive = SamTemplate.asMap(properties.get("RedrivePolicy"));
            Optional<String> deadLetter = Optional.ofNullable(redrive.get("deadLetterTargetArn")).map(target ->
                    queueOf(target, resource.logicalId() + ".RedrivePolicy.deadLetterTargetArn"));
            queues.add(new QueueDefinition(resource.logicalId(), intOf(properties.getOrDefault("VisibilityTimeout", 30)),
                    intOf(properties.getOrDefault("MessageRetentionPeriod", 345_600)), deadLetter,
                    intOf(redrive.getOrDefault("maxReceiveCount", 0))));
        }
        return queues;
    }

    public static List<QueueSubscription> subscriptions(SamTemplate template) {
        List<QueueSubscription> subscriptions = new ArrayList<>();
        for (SamTemplate.FunctionDefinition function : template.functions()) {
            function.events().forEach((name, event) -> {
                if ("SQS".equals(event.get("Type"))) {
                    Map<String, Object> properties = SamTemplate.asMap(event.get("Properties"));
                    subscriptions.add(new QueueSubscription(function.logicalId(), name,
                            queueOf(properties.get("Queue"), function.logicalId() + ".Events." + name + ".Queue"),
                            intOf(properties.getOrDefault("BatchSize", 10)),
                            intOf(properties.getOrDefault("MaximumBatchingWindowInSeconds", 0)),
                            SamTemplate.asList(properties.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                            Boolean.parseBoolean(String.valueOf(properties.getOrDefault("Enabled", true)))));
                }
            });
        }
        return subscriptions;
    }

    private static String queueOf(Object arn, String where) {
        if (arn instanceof Intrinsic intrinsic && intrinsic.function().equals(Intrinsic.GET_ATT)
                && intrinsic.attribute().filter("Arn"::equals).isPresent() && intrinsic.target().isPresent()) {
            return intrinsic.target().get();
        }
        throw new IllegalStateException(where + ": the local stack follows queues written as !GetAtt <Queue>.Arn");
    }

    private static int intOf(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("expected a whole number in the template, found " + value, e);
        }
    }
}

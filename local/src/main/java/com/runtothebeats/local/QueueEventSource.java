package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.standins.SqsStandIn;
import com.runtothebeats.standins.TemplateQueues;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping of template.yaml, run as Lambda's poller runs it: long-polls the queue (through
 * the SQS API of the local stand-in) for up to {@code BatchSize} messages, invokes the function with them as an
 * {@code SQSEvent}, deletes the messages it handled (all of them, or, with {@code ReportBatchItemFailures}, those
 * not named in {@code batchItemFailures}) and leaves the rest in the queue, where they become visible again and are
 * received again until the queue's redrive policy moves them to the dead-letter queue.
 *
 * <p>While the function runs its messages stay hidden for its whole timeout (as the template's visibility timeout
 * ensures on AWS); a message it failed becomes visible again after the queue's visibility timeout scaled by
 * {@code retryScale} (locally, like the pipeline's waits, shorter than on AWS).
 */
final class QueueEventSource implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateQueues.QueueSubscription subscription;
    private final TemplateQueues.QueueDefinition queue;
    private final LocalFunction function;
    private final SqsClient sqs;
    private final String queueUrl;
    private final int timeoutSeconds;
    private final double retryScale;
    private final PrintStream log;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    QueueEventSource(TemplateQueues.QueueSubscription subscription, TemplateQueues.QueueDefinition queue, LocalFunction function,
                     SqsClient sqs, String queueUrl, int timeoutSeconds, double retryScale, PrintStream log) {
        this.subscription = subscription;
        this.queue = queue;
        this.function = function;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.timeoutSeconds = timeoutSeconds;
        this.retryScale = retryScale;
        this.log = log;
        this.poller = new Thread(this::poll, "sqs-" + subscription.functionId() + "." + subscription.eventName());
        poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    private void poll() {
        while (running.get()) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(Math.min(10, subscription.batchSize()))
                        .visibilityTimeout(timeoutSeconds + 30).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    log.println(subscription.functionId() + "." + subscription.eventName() + ": polling " + queue.logicalId()
                            + " failed (" + e.getMessage() + "); trying again");
                    sleep(1000);
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            String output = function.invoke(event(messages).toString());
            if (subscription.reportBatchItemFailures()) {
                failed.addAll(batchItemFailures(output, messages));
            }
        } catch (FunctionError e) {
            log.println(function.logicalId() + " failed on " + messages.size() + " message(s) of " + queue.logicalId() + ": "
                    + e.errorType() + ": " + e.getMessage() + " (they will be received again)");
            messages.forEach(m -> failed.add(m.messageId()));
        }
        int retryAfter = (int) Math.max(1, Math.round(queue.visibilityTimeoutSeconds() * retryScale));
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(retryAfter));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** The failed message ids; as on Lambda, an answer naming an unknown id fails the whole batch. */
    private static Set<String> batchItemFailures(String output, List<Message> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        if (output == null || output.isBlank()) {
            return failed;
        }
        try {
            for (JsonNode failure : JSON.readTree(output).path("batchItemFailures")) {
                String id = failure.path("itemIdentifier").asText("");
                if (!ids.contains(id)) {
                    return ids;
                }
                failed.add(id);
            }
        } catch (IOException e) {
            return ids;
        }
        return failed;
    }

    /** The batch as Lambda delivers it: an {@code SQSEvent}. */
    ObjectNode event(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle()).put("body", m.body())
                    .put("md5OfBody", m.md5OfBody()).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", SqsStandIn.queueArn(LocalStack.REGION, queue.logicalId())).put("awsRegion", LocalStack.REGION);
            ObjectNode attributes = record.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
        }
        return event;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        poller.interrupt();
        try {
            poller.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

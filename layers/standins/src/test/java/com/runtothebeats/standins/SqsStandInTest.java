package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The SQS stand-in through the AWS SDK's own SQS client (JSON protocol, MD5 checks on). */
class SqsStandInTest {

    static final TemplateQueues.QueueDefinition DEAD = new TemplateQueues.QueueDefinition("Dead", 30, 1_209_600, Optional.empty(), 0);
    static final TemplateQueues.QueueDefinition WORK = new TemplateQueues.QueueDefinition("Work", 30, 86_400, Optional.of("Dead"), 2);

    @TempDir
    Path state;
    SqsStandIn standIn;
    SqsClient sqs;

    void start(Optional<Path> directory) {
        standIn = SqsStandIn.start(List.of(WORK, DEAD), directory, 0, "us-east-1");
        sqs = client(standIn.endpoint());
    }

    static SqsClient client(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    List<Message> receive(String queue, int visibility) {
        return sqs.receiveMessage(b -> b.queueUrl(standIn.queueUrl(queue)).maxNumberOfMessages(10).visibilityTimeout(visibility)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    @Test
    void aMessageIsHiddenWhileReceivedAndGoneOnceDeleted() {
        start(Optional.empty());
        String url = sqs.getQueueUrl(b -> b.queueName("Work")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"runnerId\":\"ada\"}"));

        List<Message> first = receive("Work", 30);
        assertEquals(1, first.size());
        assertEquals("{\"runnerId\":\"ada\"}", first.get(0).body());
        assertEquals("1", first.get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals(List.of(), receive("Work", 30), "hidden for the visibility timeout");

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.get(0).receiptHandle()));
        assertThrows(software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException.class, () -> sqs.changeMessageVisibility(
                b -> b.queueUrl(url).receiptHandle(first.get(0).receiptHandle()).visibilityTimeout(0)), "deleted for good");
    }

    @Test
    void aMessageNotDeletedComesBackCountedThenGoesToTheDeadLetterQueue() {
        start(Optional.empty());
        sqs.sendMessage(b -> b.queueUrl(standIn.queueUrl("Work")).messageBody("poison"));

        for (int attempt = 1; attempt <= 2; attempt++) {
            List<Message> got = receive("Work", 0);
            assertEquals(1, got.size());
            assertEquals(Integer.toString(attempt), got.get(0).attributesAsStrings().get("ApproximateReceiveCount"));
        }

        assertEquals(List.of(), receive("Work", 0), "received maxReceiveCount times: redriven");
        assertEquals("poison", receive("Dead", 30).get(0).body());
    }

    @Test
    void queuedMessagesSurviveARestart() {
        start(Optional.of(state));
        sqs.sendMessage(b -> b.queueUrl(standIn.queueUrl("Work")).messageBody("kept"));
        stop();

        start(Optional.of(state));

        assertEquals("kept", receive("Work", 30).get(0).body());
    }

    @Test
    void anUnknownQueueIsRefusedAsSqsDoes() {
        start(Optional.empty());
        assertThrows(QueueDoesNotExistException.class, () -> sqs.getQueueUrl(b -> b.queueName("Nope")));
        assertTrue(sqs.getQueueAttributes(b -> b.queueUrl(standIn.queueUrl("Work"))
                .attributeNamesWithStrings("All")).attributesAsStrings().containsKey("QueueArn"));
    }
}

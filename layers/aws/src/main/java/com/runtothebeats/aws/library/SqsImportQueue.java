package com.runtothebeats.aws.library;

import com.runtothebeats.core.library.ImportQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Imports handed to the worker through SQS: one message per import, {@code {"runnerId","importId"}}. The worker's
 * event source mapping redelivers a message whose import failed, after the queue's visibility timeout.
 */
public final class SqsImportQueue implements ImportQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsImportQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void submit(String runnerId, String importId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ImportMessage.of(runnerId, importId).toJson()));
    }
}

package com.runtothebeats.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What every DynamoDB-stream function does around its records (the stream counterpart of
 * {@link HttpFunction}): the Powertools logging context, one record at a time in
 * order, the first record that fails reported as the batch item failure (the event source mapping retries
 * from it, so the records after it are left for the retry rather than processed out of order), and one
 * metrics flush per batch.
 */
public abstract class DynamoDbStreamFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Metrics metrics;
    private final String failureMetric;

    /** @param failureMetric counted once for each batch that stops at a failed record */
    protected DynamoDbStreamFunction(Metrics metrics, String failureMetric) {
        this.metrics = metrics;
        this.failureMetric = failureMetric;
    }

    /** One record's work; an exception leaves it (and the rest of the batch) for the retry. */
    protected abstract void process(DynamodbEvent.DynamodbStreamRecord record);

    /** For the function's own metrics; flushed once per batch. */
    protected final Metrics metrics() {
        return metrics;
    }

    @Override
    public final StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return context == null ? processBatch(event) : PowertoolsLogging.withLogging(context, () -> processBatch(event));
    }

    private StreamsEventResponse processBatch(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                try {
                    process(record);
                } catch (RuntimeException e) {
                    String sequenceNumber = record.getDynamodb().getSequenceNumber();
                    log.warn("stream record {} failed, left for retry: {}: {}", sequenceNumber, e.getClass().getSimpleName(),
                            e.getMessage());
                    metrics.addMetric(failureMetric, 1, MetricUnit.COUNT);
                    failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber).build());
                    break;
                }
            }
        } finally {
            metrics.flush();
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }
}

package com.runtothebeats.functions.transform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.TrackCatalog;
import com.runtothebeats.core.pipeline.CatalogTransform;
import com.runtothebeats.core.pipeline.RunId;
import com.runtothebeats.core.pipeline.TransformResult;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.StepFunctionsTask;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The pipeline's Transform task. Input: Harvest's output (only {@code runId} is read); output:
 * {@code {"runId","transformKey","sequencesKey","reportKey","counts":{"rows","valid","stored","dropped":{reason:n}}}}
 * (docs/contracts.md, "Pipeline").
 */
public final class TransformHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(TransformHandler.class);

    private final CatalogTransform transform;
    private final Metrics metrics;

    /** What Lambda calls: collaborators from the function's environment, once per container. */
    public TransformHandler() {
        this(LambdaEnvironment.current(), AwsClients.current());
    }

    private TransformHandler(LambdaEnvironment environment, AwsClients aws) {
        this(new S3BlobStore(aws.s3(), environment.require("DATA_BUCKET")),
                new DynamoTrackCatalog(aws.dynamoDb(), environment.require("TRACKS_TABLE")),
                FunctionMetrics.create(environment));
    }

    public TransformHandler(BlobStore dataStore, TrackCatalog catalog, Metrics metrics) {
        this.transform = new CatalogTransform(dataStore, catalog, new JacksonJsonCodec());
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return StepFunctionsTask.run(context, LOG, "transform", () -> {
            String runId = StepFunctionsTask.text(event, "runId", "runId");
            if (runId == null) {
                throw new InvalidInputException("runId", "runId is required (the output of Harvest)");
            }
            TransformResult result = transform.transform(new RunId(runId));
            TransformResult.Counts counts = result.counts();
            metrics.addMetric("RowsRead", counts.rows(), MetricUnit.COUNT);
            metrics.addMetric("RowsValid", counts.valid(), MetricUnit.COUNT);
            metrics.addMetric("TracksStored", counts.stored(), MetricUnit.COUNT);
            metrics.addMetric("RowsDropped", counts.rows() - counts.valid(), MetricUnit.COUNT);
            counts.dropped().forEach((reason, n) -> metrics.addMetric("RowsDropped." + reason, n, MetricUnit.COUNT));
            metrics.flush();
            return result;
        });
    }
}

package com.runtothebeats.functions.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.StepFunctionsTask;
import com.runtothebeats.model.ModelStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's Promote task, reached only through the promotion Choice: points {@code models/current.json}
 * at the version Train stored. Input {@code {"modelVersion": "..."}}; output {@code {"version","manifestKey","promotedAt"}}.
 * Kept apart from Train so it needs no DJL (a small, fast function) and the decision shows in the execution.
 */
public final class PromoteHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(PromoteHandler.class);

    private final ModelStore models;

    /** What Lambda calls: collaborators from the function's environment, once per container. */
    public PromoteHandler() {
        this(LambdaEnvironment.current(), AwsClients.current());
    }

    private PromoteHandler(LambdaEnvironment environment, AwsClients aws) {
        this(new S3BlobStore(aws.s3(), environment.require("DATA_BUCKET")));
    }

    public PromoteHandler(BlobStore dataStore) {
        this.models = new ModelStore(dataStore);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return StepFunctionsTask.run(context, LOG, "promote", () -> {
            String version = StepFunctionsTask.text(event, "modelVersion", "modelVersion");
            if (version == null) {
                throw new InvalidInputException("modelVersion", "modelVersion is required (the Train output)");
            }
            if (models.manifest(version).isEmpty()) {
                throw new InvalidInputException("modelVersion", "no stored model has version '" + version + "'");
            }
            return models.promote(version);
        });
    }
}

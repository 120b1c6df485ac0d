package com.runtothebeats.functions.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.StepFunctionsTask;
import com.runtothebeats.model.ModelTraining;
import com.runtothebeats.model.TrainingOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The pipeline's Train task. Input: Transform's output ({@code runId}, {@code transformKey},
 * {@code sequencesKey} are read); output: {@code {"runId","modelVersion","manifestKey","metrics","baselines",
 * "ranking","rankingBaselines","current","promote","reasons",...}} which the state machine stores at {@code $.train} for its promotion
 * Choice (docs/contracts.md, "Pipeline").
 */
public final class TrainHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainHandler.class);

    private final ModelTraining training;
    private final Metrics metrics;

    /** What Lambda calls: collaborators from the function's environment, once per container. */
    public TrainHandler() {
        this(LambdaEnvironment.current(), AwsClients.current());
    }

    private TrainHandler(LambdaEnvironment environment, AwsClients aws) {
        this(new S3BlobStore(aws.s3(), environment.require("DATA_BUCKET")),
                Path.of(environment.get("MODEL_CACHE_DIR", "/tmp/models")), TrainingOptions.defaults(),
                FunctionMetrics.create(environment));
    }

    public TrainHandler(BlobStore dataStore, Path workDir, TrainingOptions options, Metrics metrics) {
        this.training = new ModelTraining(dataStore, workDir, options, Clock.systemUTC());
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return StepFunctionsTask.run(context, LOG, "train", () -> {
            String runId = required(event, "runId");
            String transformKey = required(event, "transformKey");
            String sequencesKey = required(event, "sequencesKey");
            ModelTraining.Outcome outcome = training.train(runId, transformKey, sequencesKey);
            if (outcome.metrics() != null) {
                metrics.addMetric("ValidationMae", outcome.metrics().mae(), MetricUnit.NONE);
                metrics.addMetric("ValidationHitRateAt10", outcome.metrics().hitRateAt10(), MetricUnit.NONE);
                metrics.addMetric("ValidationMrr", outcome.metrics().mrr(), MetricUnit.NONE);
                metrics.addMetric("TrainingSeconds", outcome.trainingSeconds(), MetricUnit.SECONDS);
            }
            if (outcome.ranking() != null) {
                metrics.addMetric("ValidationRankingHitRateAt10", outcome.ranking().hitRateAt10(), MetricUnit.NONE);
                metrics.addMetric("ValidationRankingHitRateAt100", outcome.ranking().hitRateAt100(), MetricUnit.NONE);
                metrics.addMetric("ValidationRankingMrr", outcome.ranking().mrr(), MetricUnit.NONE);
            }
            metrics.addMetric("ModelPromotable", outcome.promote() ? 1 : 0, MetricUnit.COUNT);
            metrics.flush();
            return outcome;
        });
    }

    private static String required(Map<String, Object> event, String field) {
        String value = StepFunctionsTask.text(event, field, field);
        if (value == null) {
            throw new InvalidInputException(field, field + " is required (the output of Transform)");
        }
        return value;
    }
}

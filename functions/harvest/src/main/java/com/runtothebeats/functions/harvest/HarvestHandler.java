package com.runtothebeats.functions.harvest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.CatalogSource;
import com.runtothebeats.core.catalog.DatasetFileSource;
import com.runtothebeats.core.pipeline.CatalogHarvest;
import com.runtothebeats.core.pipeline.HarvestResult;
import com.runtothebeats.core.pipeline.RunId;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.StepFunctionsTask;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The pipeline's Harvest task: it reads public datasets only. Spotify's terms forbid training models on Spotify
 * content, so no runner's library or Spotify playlist ever reaches Transform or Train (docs/catalog-pipeline.md). Input:
 * {@code {"runId"?: "...", "source": {"type": "dataset", "location": "s3://bucket/key" | "<local path>"}}};
 * output: {@code {"runId","rawKey","manifestKey","counts":{"rows","playlists","tracks"}}}
 * (docs/contracts.md, "Pipeline"). The runId defaults to the start time.
 */
public final class HarvestHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestHandler.class);

    private final CatalogHarvest harvest;
    private final Map<String, Function<Map<String, ?>, CatalogSource>> sources;
    private final Clock clock;
    private final Metrics metrics;

    /** What Lambda calls: collaborators from the function's environment, once per container. */
    public HarvestHandler() {
        this(LambdaEnvironment.current(), AwsClients.current());
    }

    private HarvestHandler(LambdaEnvironment environment, AwsClients aws) {
        this(new S3BlobStore(aws.s3(), environment.require("DATA_BUCKET")),
                bucket -> new S3BlobStore(aws.s3(), bucket),
                Clock.systemUTC(),
                FunctionMetrics.create(environment));
    }

    /**
     * @param dataStore where raw snapshots go (the data bucket)
     * @param buckets   opens any bucket a dataset location names
     */
    public HarvestHandler(BlobStore dataStore, Function<String, BlobStore> buckets, Clock clock, Metrics metrics) {
        this.harvest = new CatalogHarvest(dataStore, new JacksonJsonCodec(), clock);
        this.sources = Map.of("dataset", spec -> new DatasetFileSource(
                StepFunctionsTask.text(spec, "location", "source.location"), buckets));
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return StepFunctionsTask.run(context, LOG, "harvest", () -> {
            String runIdText = StepFunctionsTask.text(event, "runId", "runId");
            RunId run = runIdText == null ? RunId.startedAt(clock.instant()) : new RunId(runIdText);
            CatalogSource source = source(event == null ? null : event.get("source"));
            HarvestResult result = harvest.harvest(run, source);
            metrics.addMetric("HarvestedRows", result.counts().rows(), MetricUnit.COUNT);
            metrics.addMetric("HarvestedPlaylists", result.counts().playlists(), MetricUnit.COUNT);
            metrics.addMetric("HarvestedTracks", result.counts().tracks(), MetricUnit.COUNT);
            metrics.flush();
            return result;
        });
    }

    private CatalogSource source(Object spec) {
        if (!(spec instanceof Map<?, ?> map)) {
            throw new InvalidInputException("source",
                    "source is required: {\"type\": \"dataset\", \"location\": \"s3://bucket/key\" or a local path}");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> fields = (Map<String, ?>) map;
        String type = StepFunctionsTask.text(fields, "type", "source.type");
        Function<Map<String, ?>, CatalogSource> factory = type == null ? null : sources.get(type);
        if (factory == null) {
            throw new InvalidInputException("source.type", "source.type must be one of " + sources.keySet()
                    + ", was " + (type == null ? "missing" : "'" + type + "'"));
        }
        return factory.apply(fields);
    }
}

package com.runtothebeats.functions.recommend;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.library.DynamoRunnerLibraries;
import com.runtothebeats.aws.library.DynamoTrackFeatureCache;
import com.runtothebeats.aws.playlist.DynamoBannedSongs;
import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.flow.SequenceModel;
import com.runtothebeats.core.pipeline.CurrentTransform;
import com.runtothebeats.core.pipeline.PipelineKeys;
import com.runtothebeats.core.playlist.LibraryIndexes;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.RecommendationService;
import com.runtothebeats.core.storage.BlobStore;
import com.runtothebeats.core.storage.JsonCodec;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.model.CurrentModelLoader;
import com.runtothebeats.model.ModelStore;
import com.runtothebeats.model.PromotedScorer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The Recommend function's collaborators from its environment: the catalog from the promoted catalog snapshot
 * in the data bucket ({@code DATA_BUCKET}, {@code catalog/current.json}) with the feature transform it names, else
 * from the tracks table ({@code TRACKS_TABLE}) with {@code transform/current.json}; the promoted models if
 * there are (the ranking model gives the flow term), and, when the function has
 * the runners table ({@code RUNNERS_TABLE}), the signed-in runner's suggested tempo for target "current";
 * with the banned-songs table ({@code BANNED_SONGS_TABLE}), the runner's bans; with the libraries table
 * ({@code LIBRARIES_TABLE}), the runner's library for {@code "source": "library" | "mix"}.
 */
public record RecommendComponents(Lazy<RecommendationService> service, RunnerTempoLookup runnerTempo, RunnerBans bans,
                                  RunnerLibraryLookup libraries, Metrics metrics) {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendComponents.class);

    /** Collaborators for a caller that keeps no bans nor libraries (tests, the local CLI). */
    public RecommendComponents(Lazy<RecommendationService> service, RunnerTempoLookup runnerTempo, Metrics metrics) {
        this(service, runnerTempo, RunnerBans.NONE, RunnerLibraryLookup.NONE, metrics);
    }

    static RecommendComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        // the two SDK clients are built side by side (a few hundred ms each on a cold start)
        CompletableFuture.runAsync(aws::dynamoDb);
        BlobStore data = new S3BlobStore(aws.s3(), env.require("DATA_BUCKET"));
        DynamoTrackCatalog catalog = new DynamoTrackCatalog(aws.dynamoDb(), env.require("TRACKS_TABLE"));
        JsonCodec json = new JacksonJsonCodec();
        CurrentModelLoader models = new CurrentModelLoader(new ModelStore(data), Path.of(env.get("MODEL_CACHE_DIR", "/tmp/models")));
        CatalogIndexSource source = new CatalogIndexSource(data, catalog, json);
        Lazy<RecommendationService> service = Lazy.of(() -> {
            // the ranking model is fetched and read while the catalog loads: neither needs the other until the
            // model is prepared for the index
            CompletableFuture.runAsync(() -> promotedScorer(models::currentPlainRankingModel).get());
            return RecommenderLoader.load(source, () -> promotedModel(models),
                    index -> promotedScorer(new PromotedScorer(models::currentPlainRankingModel, index)));
        });
        // Built on the first request that needs them: a deployment without sessions still recommends by tempo.
        Supplier<SessionCookies> sessions = Lazy.of(
                () -> SessionCookies.fromEnvironment(env, DynamoSessionStore.fromEnvironment(env, aws.dynamoDb())));
        RunnerTempoLookup runnerTempo = env.get("RUNNERS_TABLE")
                .<RunnerTempoLookup>map(table -> {
                    Supplier<RunnerTempoLookup> lookup = Lazy.of(() -> new SessionRunnerTempo(
                            sessions.get(), new DynamoRunnerHeartRates(aws.dynamoDb(), table)));
                    return event -> lookup.get().suggestedTempo(event);
                })
                .orElse(RunnerTempoLookup.NONE);
        RunnerBans bans = env.get("BANNED_SONGS_TABLE")
                .map(table -> new RunnerBans(sessions, new DynamoBannedSongs(aws.dynamoDb(), table)))
                .orElse(RunnerBans.NONE);
        RunnerLibraryLookup libraries = env.get("LIBRARIES_TABLE")
                .map(table -> new RunnerLibraryLookup(sessions, new LibraryIndexes(new DynamoRunnerLibraries(aws.dynamoDb(), table),
                        new DynamoTrackFeatureCache(aws.dynamoDb(), env.require("TRACKS_TABLE")), Clock.systemUTC())))
                .orElse(RunnerLibraryLookup.NONE);
        return new RecommendComponents(service, runnerTempo, bans, libraries, FunctionMetrics.create(env));
    }

    /** The transform of the latest completed pipeline run, which the stored track features match. */
    static Optional<FeatureTransform> storedTransform(BlobStore data, JsonCodec json) {
        return data.get(PipelineKeys.CURRENT_TRANSFORM)
                .map(bytes -> json.read(bytes, CurrentTransform.class))
                .map(current -> data.get(current.transformKey()).orElseThrow(() -> new CatalogUnavailableException(
                        PipelineKeys.CURRENT_TRANSFORM + " names " + current.transformKey() + ", which is not in the bucket")))
                .map(bytes -> json.read(bytes, FeatureTransform.class));
    }

    /**
     * The promoted ranking model's scorer, or none: like {@link #promotedModel}, a model that cannot be loaded or
     * prepared is logged and the flow term falls back.
     */
    static <T> Supplier<Optional<T>> promotedScorer(Supplier<Optional<T>> scorer) {
        return () -> {
            try {
                return scorer.get();
            } catch (RuntimeException e) {
                LOG.error("the promoted ranking model could not be loaded; the flow term falls back on the sequence model", e);
                return Optional.empty();
            }
        };
    }

    /**
     * The promoted model, or none: a model that cannot be loaded must not cost the runner their playlist,
     * so flow falls back to the previous track (and the response says so) while the error is logged.
     */
    static Optional<SequenceModel> promotedModel(CurrentModelLoader models) {
        try {
            return models.current();
        } catch (RuntimeException e) {
            LOG.error("the promoted sequence model could not be loaded; measuring flow against the previous track", e);
            return Optional.empty();
        }
    }
}

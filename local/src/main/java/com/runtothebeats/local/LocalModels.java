package com.runtothebeats.local;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.model.CurrentModelLoader;
import com.runtothebeats.model.FlowSequenceModel;
import com.runtothebeats.model.ModelStore;
import com.runtothebeats.model.RankingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What predict-next and evaluate share: the playlists file, read leniently (rows that cannot be a track are
 * reported on stderr and left out), and the promoted model from the local stack's data bucket, cached under
 * the state directory like a Lambda container caches it under /tmp.
 */
final class LocalModels {

    private LocalModels() {
    }

    /** What a model command does once the file is read and the promoted model loaded. */
    @FunctionalInterface
    interface ModelWork {
        void run(DatasetPlaylists data, FlowSequenceModel model, PrintStream out, PrintStream err) throws Exception;
    }

    /** What evaluate does with both of the promoted version's models. */
    @FunctionalInterface
    interface ModelsWork {
        void run(DatasetPlaylists data, FlowSequenceModel model, java.util.Optional<RankingModel> ranking, PrintStream out,
                 PrintStream err) throws Exception;
    }

    /** {@link #withPromotedModel} with the ranking model too, when the promoted version has one. */
    static int withPromotedModels(PlaylistsFileOptions input, ModelsWork work) throws Exception {
        DatasetPlaylists data = readPlaylists(input.playlists, System.err);
        try (FunctionLogFile logs = FunctionLogFile.divertKeepingStdout(input.stack.stateDir(), input.verbose);
                LocalStack local = LocalStack.start(input.stack.options().startingOnDemand()); CurrentModelLoader loader = loader(local)) {
            work.run(data, promoted(loader, local), loader.currentRankingModel(), logs.terminal(), logs.terminalErrors());
            return 0;
        }
    }

    /** What a ranking command does once the file is read and the promoted ranking model loaded. */
    @FunctionalInterface
    interface RankingWork {
        void run(DatasetPlaylists data, RankingModel model, PrintStream out, PrintStream err) throws Exception;
    }

    /** {@link #withPromotedModels} for the promoted version's ranking model, which must exist. */
    static int withPromotedRanking(PlaylistsFileOptions input, RankingWork work) throws Exception {
        return withPromotedModels(input, (data, flow, ranking, out, err) -> work.run(data, ranking.orElseThrow(
                () -> new IllegalStateException("the promoted model " + flow.version() + " has no ranking model (trained "
                        + "before it existed); run ./beats pipeline first")), out, err));
    }

    /**
     * Reads the playlists file, starts the local stack and loads the promoted model, then runs {@code work}
     * with the terminal's stdout and stderr. The stand-ins' and the model loader's output goes to the state's
     * log file meanwhile (with {@code --verbose}: to stderr), so stdout carries nothing but the command's own
     * output and stderr only its messages.
     */
    static int withPromotedModel(PlaylistsFileOptions input, ModelWork work) throws Exception {
        return withPromotedModels(input, (data, flow, ranking, out, err) -> work.run(data, flow, out, err));
    }

    private static DatasetPlaylists readPlaylists(Path file, PrintStream err) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no playlists file at " + file.toAbsolutePath());
        }
        DatasetPlaylists data;
        try (InputStream in = Files.newInputStream(file)) {
            data = DatasetPlaylists.read(in);
        }
        for (String skipped : data.skipped()) {
            err.println("skipped (neither history nor target): " + skipped);
        }
        return data;
    }

    /** The loader over the local stack's data bucket, caching models under the state directory. */
    private static CurrentModelLoader loader(LocalStack local) {
        return new CurrentModelLoader(new ModelStore(blobs(local)), local.stateDir().resolve("model-cache"));
    }

    /** The template's DataBucket in the local S3 stand-in. */
    static S3BlobStore blobs(LocalStack local) {
        Map<String, String> env = Map.of(
                "AWS_REGION", LocalStack.REGION,
                "AWS_ENDPOINT_URL_S3", local.s3Endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local");
        return new S3BlobStore(new AwsClients(LambdaEnvironment.of(env)).s3(), LocalStack.bucketName("DataBucket"));
    }

    /** The promoted model, loaded; throws with a hint when none is promoted yet. */
    private static FlowSequenceModel promoted(CurrentModelLoader loader, LocalStack local) {
        return loader.currentFlowModel().orElseThrow(() -> new IllegalStateException(
                "no promoted sequence model in " + local.stateDir() + "; run ./beats pipeline first"));
    }
}

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.standins.LoopbackPorts;
import com.runtothebeats.local.heartrate.LocalGoogleHealth;
import com.runtothebeats.local.library.DatasetSongs;
import com.runtothebeats.local.library.DemoLibrary;
import com.runtothebeats.local.library.LocalMusicProviders;
import com.runtothebeats.local.statemachine.Sleeper;
import com.runtothebeats.local.statemachine.StateMachineInterpreter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole product on this machine, as {@code ./beats serve} brings it up: the local stack; on the first
 * start (no catalog in it yet) the catalog pipeline on the dataset, a line per step; the HTTP API on
 * 127.0.0.1; and, without provider credentials, the demo (see {@link LocalDemo}). Later starts find the
 * catalog in the state directory and skip the pipeline. In the demo a recorded run's heart rate is replayed
 * in the background (see {@link DemoHeartRate}), and the demo runner's Spotify library, ReccoBeats and GetSongBPM
 * are served by stand-ins drawn from the dataset (see {@link LocalMusicProviders}).
 */
public final class LocalProduct implements AutoCloseable {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String TRACKS_TABLE = "TracksTable";
    /** Retry waits 20x shorter than on AWS, as ./beats pipeline does. */
    private static final double WAIT_SCALE = 0.05;

    /**
     * @param port           on 127.0.0.1; 0 = any free port
     * @param inMemoryTables tables in memory, nothing attached (tests); objects still go under stateDir
     * @param dataset        the catalog dataset for the first start; empty = the pipeline's default search
     * @param heartRateRun   in the demo, the recorded run to replay; empty = none
     * @param progress       where a person watches the start (stdout for the CLI)
     * @param log            request and function logs
     */
    public record Settings(Path projectRoot, Path stateDir, int port, boolean inMemoryTables, Optional<Path> dataset,
                           Optional<Path> heartRateRun, Map<String, String> processEnvironment, PrintStream progress,
                           PrintStream log) {
    }

    private final LocalStack stack;
    private final LocalApi api;
    private final LocalDemo demo;
    private final DemoHeartRate heartRate;
    private final LocalMusicProviders music;

    private LocalProduct(LocalStack stack, LocalApi api, LocalDemo demo, DemoHeartRate heartRate, LocalMusicProviders music) {
        this.stack = stack;
        this.api = api;
        this.demo = demo;
        this.heartRate = heartRate;
        this.music = music;
    }

    public static LocalProduct start(Settings settings) throws IOException, InterruptedException {
        Path state = settings.stateDir().toAbsolutePath();
        // Google's redirect URI names the port, so it is fixed before the functions see their environment.
        int port = settings.port() == 0 ? LoopbackPorts.free() : settings.port();
        LocalDemo demo = LocalDemo.decide(settings.processEnvironment(), state, port);
        Map<String, String> googleHealth = LocalGoogleHealth.environment(settings.processEnvironment(), port);
        // The settings decided on here reach the functions too, whichever environment they came from.
        Map<String, String> providers = ProviderSettings.forFunctions(settings.processEnvironment());
        Map<String, String> environment = new LinkedHashMap<>(providers);
        environment.putAll(demo.environment());
        environment.putAll(googleHealth);
        LocalMusicProviders music = demo.active()
                ? LocalMusicProviders.startForDemo(providers, () -> DatasetSongs.read(dataset(settings)), DemoLibrary::demo)
                : LocalMusicProviders.none();
        environment.putAll(music.environment());
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Options(settings.projectRoot(), state,
                    settings.inMemoryTables(), environment, settings.log()));
        } catch (RuntimeException | Error e) {
            music.close();
            throw e;
        }
        try {
            if (!hasCatalog(stack)) {
                buildCatalog(stack, settings);
            }
            LocalApi api = LocalApi.start(stack, port, settings.log());
            stack.announceApi(api.gateway().baseUri()); // replay-heart-rate and the like find it, whatever its port
            boolean googleStandIn = LocalGoogleHealth.LOCAL_CLIENT_ID.equals(googleHealth.get("GOOGLE_CLIENT_ID"));
            DemoHeartRate heartRate = demo.active() && googleStandIn && settings.heartRateRun().isPresent()
                    && !DemoHeartRate.recentlyReplayed(stack)
                    ? DemoHeartRate.start(api.gateway().baseUri(), settings.heartRateRun().get(),
                            googleHealth.get("GOOGLE_HEALTH_WEBHOOK_SECRET"), settings.log())
                    : null;
            return new LocalProduct(stack, api, demo, heartRate, music);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            music.close();
            throw e;
        }
    }

    private static Path dataset(Settings settings) {
        try {
            return LocalDataset.find(settings.dataset(), settings.projectRoot(), settings.processEnvironment(), settings.progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for the dataset", e);
        }
    }

    /** The catalog exists once a pipeline run has stored tracks; an empty table means this is the first start. */
    static boolean hasCatalog(LocalStack stack) {
        return stack.dynamoClient().scan(scan -> scan.tableName(stack.tableName(TRACKS_TABLE)).limit(1)).count() > 0;
    }

    private static void buildCatalog(LocalStack stack, Settings settings) throws InterruptedException {
        PrintStream progress = settings.progress();
        Path dataset = dataset(settings);
        String runId = RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        progress.printf("First start: building the track catalog from %s (run %s); later starts skip this.%n", dataset, runId);
        progress.flush();
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("runId", runId);
        input.putObject("source").put("type", "dataset").put("location", dataset.toAbsolutePath().toString());
        String machine = LocalStateMachine.onlyStateMachine(stack.template());
        long started = System.nanoTime();
        try {
            new LocalStateMachine(stack, machine, Sleeper.scaled(WAIT_SCALE), new PipelineCommand.StepLines(progress, WAIT_SCALE))
                    .execute(runId, input);
        } catch (StateMachineInterpreter.ExecutionFailed e) {
            throw new IllegalStateException("the first-start pipeline failed in " + e.state() + ": " + e.error() + " (" + e.errorCause()
                    + "); fix that and run ./beats serve again, or ./beats pipeline to see each step");
        }
        progress.printf("Catalog ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    public URI baseUri() {
        return api.gateway().baseUri();
    }

    public LocalStack stack() {
        return stack;
    }

    public LocalApi api() {
        return api;
    }

    /** True when no provider credentials are configured: demo runner, dry-run publishing. */
    public boolean demo() {
        return demo.active();
    }

    /** The music providers' stand-ins this product started ("Spotify http://…"), none when all are configured. */
    public java.util.List<String> musicStandIns() {
        return music.started();
    }

    /** Whether a recorded run's heart rate is being replayed for the demo runner. */
    public boolean replaysHeartRate() {
        return heartRate != null;
    }

    @Override
    public void close() {
        if (heartRate != null) {
            heartRate.close();
        }
        try {
            api.close();
        } finally {
            stack.close();
            music.close();
        }
    }
}

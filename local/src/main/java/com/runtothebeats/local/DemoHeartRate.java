package com.runtothebeats.local;

import com.runtothebeats.core.heartrate.RecordedRun;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.local.heartrate.GoogleHealthStandIn;
import com.runtothebeats.local.heartrate.HeartRateReplay;
import com.runtothebeats.local.heartrate.ReplayHeartRateCommand;
import com.runtothebeats.local.heartrate.ServeReplayTarget;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's heart rate: a real recorded run played in the background through the same path a Fitbit's
 * data takes (Google Health stand-in → webhook → sync), as the demo runner, so the dashboard and
 * heart-rate targets have something real to show without a Fitbit. The stand-in is released when the run
 * has played, so {@code ./beats replay-heart-rate} can be used afterwards.
 */
final class DemoHeartRate implements AutoCloseable {

    /** The 47-minute Garmin fenix 2 run of the shared data (see ../shared/data/README.md). */
    static final String DEMO_RUN = "fitparse_activity-small-fenix2-run_records.csv";
    /** A minute of the run a second: the whole run is on the dashboard within a minute of starting. */
    static final double SPEED = 60;

    private final Thread thread;

    private DemoHeartRate(Thread thread) {
        this.thread = thread;
    }

    /** The recorded run the demo plays: in BEATS_DATA_DIR, else in ../shared/data beside the project. */
    static Optional<Path> defaultRun(Path projectRoot, Map<String, String> processEnvironment) {
        String dataDir = processEnvironment.get("BEATS_DATA_DIR");
        Path fromEnvironment = dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir, "heart-rate", DEMO_RUN);
        Path beside = projectRoot.resolve("../shared/data/heart-rate").resolve(DEMO_RUN).normalize();
        return Optional.ofNullable(fromEnvironment).filter(Files::isRegularFile)
                .or(() -> Optional.of(beside).filter(Files::isRegularFile));
    }

    /**
     * Whether the demo runner already has samples from the last hour (a replay by a recent start): playing
     * the run again would lay a second copy over the same minutes of the chart.
     */
    static boolean recentlyReplayed(LocalStack stack) {
        String since = java.time.Instant.now().minus(Duration.ofMinutes(60)).toString();
        return stack.dynamoClient().query(query -> query.tableName(stack.tableName("HeartRateTable"))
                .keyConditionExpression("runnerId = :runner AND #at > :since")
                .expressionAttributeNames(Map.of("#at", "timestamp"))
                .expressionAttributeValues(Map.of(
                        ":runner", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(SessionCookies.DEMO_RUNNER_ID),
                        ":since", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(since)))
                .limit(1)).count() > 0;
    }

    static DemoHeartRate start(URI serve, Path run, String webhookSecret, PrintStream log) {
        Thread thread = new Thread(() -> {
            try (GoogleHealthStandIn standIn = GoogleHealthStandIn.start(ReplayHeartRateCommand.DEFAULT_STAND_IN_PORT,
                    "local-" + SessionCookies.DEMO_RUNNER_ID)) {
                HeartRateReplay.Summary summary = new HeartRateReplay(new ServeReplayTarget(serve, null), standIn, webhookSecret,
                        Clock.systemUTC(), Pause.SLEEP, log)
                        .play(RecordedRun.read(run), SPEED, Duration.ofSeconds(60), Duration.ofSeconds(30));
                log.printf("demo heart rate: %d readings of %s replayed; current heart rate %s%n", summary.readings(),
                        run.getFileName(), summary.currentHeartRate().map(bpm -> bpm + " bpm").orElse("not synced yet"));
            } catch (RuntimeException e) {
                log.println("demo heart rate: the replay of " + run.getFileName() + " stopped: " + e.getMessage());
            }
        }, "demo-heart-rate");
        thread.setDaemon(true);
        thread.start();
        return new DemoHeartRate(thread);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}

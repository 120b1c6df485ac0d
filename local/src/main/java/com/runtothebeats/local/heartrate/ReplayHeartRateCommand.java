package com.runtothebeats.local.heartrate;

import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.core.heartrate.RecordedRun;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.local.LocalStack;
import com.runtothebeats.local.ProviderSettings;
import com.runtothebeats.local.StackOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./beats replay-heart-rate --file <run>.csv [--runner ID] [--speed 60]}: plays a recorded run
 * through a running {@code ./beats serve} the way a Fitbit's data arrives (Google Health connect flow,
 * webhook notifications, the sync from the notifications stream), with a Google Health stand-in serving
 * the readings.
 */
@Command(name = "replay-heart-rate", mixinStandardHelpOptions = true,
        description = "Play a recorded run's heart rate through the webhook -> sync path of a running ./beats serve.")
public final class ReplayHeartRateCommand implements Callable<Integer> {

    public static final int DEFAULT_STAND_IN_PORT = 3901;
    public static final String LOCAL_WEBHOOK_SECRET = "local-webhook-secret";

    static final String SERVE_SETUP = """
            ./beats serve must have Google Health pointed at the stand-in (the local stack's defaults):
              GOOGLE_CLIENT_ID=local-google-client  GOOGLE_OAUTH_BASE_URL=http://127.0.0.1:3901
              GOOGLE_HEALTH_API_BASE_URL=http://127.0.0.1:3901
              GOOGLE_REDIRECT_URI=http://127.0.0.1:3000/auth/google-health/callback
              GOOGLE_HEALTH_WEBHOOK_SECRET=local-webhook-secret""";

    private static final String DEFAULT_SERVE_ADDRESS = "http://127.0.0.1:3000";
    static final URI DEFAULT_SERVE = URI.create(DEFAULT_SERVE_ADDRESS);

    @Option(names = "--file", required = true, description = "A heart-rate CSV (see ../shared/data/README.md).")
    Path file;

    @Option(names = "--runner", description = "The runner to replay as (signed in through the sessions table of the "
            + "./beats serve running on --state); default: the local demo runner.")
    String runner;

    @Mixin
    StackOptions stack = new StackOptions();

    @Option(names = "--speed", defaultValue = "60", description = "Time compression: 60 plays a minute a second; 0 all at once.")
    double speed;

    @Option(names = "--sync-every", defaultValue = "60", description = "Seconds of the run per device sync (one notification each).")
    long syncEverySeconds;

    @Option(names = "--serve", description = "The running ./beats serve (default: the one running on --state, "
            + "whatever its port, else " + DEFAULT_SERVE_ADDRESS + ").")
    URI serve;

    @Option(names = "--stand-in-port", defaultValue = "" + DEFAULT_STAND_IN_PORT,
            description = "Port of the Google Health stand-in (./beats serve's GOOGLE_HEALTH_API_BASE_URL).")
    int standInPort;

    @Option(names = "--secret", description = "The webhook secret (default: $GOOGLE_HEALTH_WEBHOOK_SECRET, else the local one).")
    String secret;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file + " (the recorded runs are in ../shared/data/heart-rate/)");
            return 2;
        }
        if (speed != 0 && speed < 1 || syncEverySeconds < 1) {
            System.err.println("--speed must be 0 or at least 1, --sync-every at least 1");
            return 2;
        }
        RecordedRun run;
        try {
            run = RecordedRun.read(file);
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String webhookSecret = secret != null ? secret
                : ProviderSettings.forFunctions(System.getenv()).getOrDefault("GOOGLE_HEALTH_WEBHOOK_SECRET", LOCAL_WEBHOOK_SECRET);
        String healthUserId = "local-" + (runner != null ? runner : SessionCookies.DEMO_RUNNER_ID);
        System.out.printf("Replaying %s: %d readings over %d min, %s%n", run.name(), run.readings().size(),
                run.duration().toMinutes(), speed == 0 ? "all at once" : "at " + speed + "x");
        try (GoogleHealthStandIn standIn = GoogleHealthStandIn.start(standInPort, healthUserId)) {
            HeartRateReplay.Summary summary = new HeartRateReplay(new ServeReplayTarget(serveToReplayTo(), sessionCookie()), standIn,
                    webhookSecret, Clock.systemUTC(), Pause.SLEEP, System.out)
                    .play(run, speed, Duration.ofSeconds(syncEverySeconds), Duration.ofSeconds(30));
            System.out.printf("Done: %d readings in %d notifications (%d rejected); samples %s .. %s; current heart rate %s%n",
                    summary.readings(), summary.windows(), summary.rejected(), summary.firstSample(), summary.lastSample(),
                    summary.currentHeartRate().map(bpm -> bpm + " bpm").orElse("not yet synced"));
            return summary.rejected() == 0 && summary.currentHeartRate().isPresent() ? 0 : 1;
        } catch (ReplayFailedException | java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** --serve, else the serve that runs on the state directory (its stack.json names its API), else port 3000. */
    URI serveToReplayTo() {
        if (serve != null) {
            return serve;
        }
        Optional<URI> running = LocalStack.runningApi(stack.stateDir());
        running.ifPresent(api -> System.out.println("Replaying to the ./beats serve running on " + stack.stateDir() + " at " + api));
        return running.orElse(DEFAULT_SERVE);
    }

    /** A session for {@code --runner}, started in the running serve's sessions table (null: the demo runner). */
    private String sessionCookie() {
        if (runner == null) {
            return null;
        }
        try (LocalStack running = LocalStack.attach(stack.options()).orElseThrow(() -> new ReplayFailedException(
                "--runner signs in through the sessions table of the running ./beats serve, and none runs on "
                        + stack.stateDir() + " (pass the --state it was started with)"))) {
            return new SessionCookies(new DynamoSessionStore(running.dynamoClient(), running.tableName("SessionsTable")),
                    Duration.ofHours(1), Clock.systemUTC(), false).issue(runner);
        }
    }
}

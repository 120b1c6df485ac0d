package com.runtothebeats.local.heartrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.RecordedRun;
import com.runtothebeats.core.time.Pause;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays a recorded run through the same path a Fitbit's data takes: each sync window's readings appear
 * in the Google Health stand-in, then a webhook notification for that window (with the webhook secret) goes
 * to the webhook; the sync function fetches the window from the stand-in and updates the runner.
 *
 * <p>Time: the run is placed so that it ends when the playback ends. With {@code speed} 60 a 47-minute run
 * plays in 47 seconds and its readings are stamped over the last 47 minutes, each window published once its
 * last reading lies in the past; {@code speed} 0 publishes everything at once.
 */
public final class HeartRateReplay {

    /** What happened, for the command's output and for tests. */
    public record Summary(int readings, int windows, int rejected, Optional<Integer> currentHeartRate,
                          Instant firstSample, Instant lastSample) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplayTarget target;
    private final GoogleHealthStandIn standIn;
    private final String webhookSecret;
    private final Clock clock;
    private final Pause pause;
    private final PrintStream out;

    public HeartRateReplay(ReplayTarget target, GoogleHealthStandIn standIn, String webhookSecret, Clock clock,
                           Pause pause, PrintStream out) {
        this.target = target;
        this.standIn = standIn;
        this.webhookSecret = webhookSecret;
        this.clock = clock;
        this.pause = pause;
        this.out = out;
    }

    public Summary play(RecordedRun run, double speed, Duration syncEvery, Duration settle) {
        if (speed != 0 && speed < 1) {
            throw new IllegalArgumentException("speed must be 0 (all at once) or at least 1");
        }
        target.connect(standIn);
        Duration length = run.duration().plusSeconds(1);
        Instant started = clock.instant();
        Instant anchor = speed == 0 ? started.minus(length)
                : started.plus(scaled(length, speed)).minus(length);
        int windows = 0;
        int rejected = 0;
        List<RecordedRun.Reading> readings = run.readings();
        int next = 0;
        for (Duration windowStart = Duration.ZERO; windowStart.compareTo(length) < 0; windowStart = windowStart.plus(syncEvery)) {
            Duration windowEnd = min(windowStart.plus(syncEvery), length);
            List<HeartRateSample> window = new ArrayList<>();
            while (next < readings.size() && readings.get(next).offset().compareTo(windowEnd) < 0) {
                window.add(new HeartRateSample(anchor.plus(readings.get(next).offset()), readings.get(next).bpm()));
                next++;
            }
            if (speed != 0) {
                Duration wait = Duration.between(clock.instant(), started.plus(scaled(windowEnd, speed)));
                if (!wait.isNegative() && !wait.isZero()) {
                    pause.pause(wait);
                }
            }
            if (window.isEmpty()) {
                continue;
            }
            standIn.publish(window);
            int status = target.deliverWebhook(notification(anchor.plus(windowStart), anchor.plus(windowEnd)),
                    Map.of("Authorization", webhookSecret, "Content-Type", "application/json"));
            windows++;
            if (status / 100 != 2) {
                rejected++;
                out.printf("  window %d: the webhook answered %d%n", windows, status);
            } else {
                out.printf("  %s  %3d bpm  (%d readings synced)%n", offsetText(windowEnd),
                        window.get(window.size() - 1).bpm(), window.size());
            }
        }
        Instant lastSample = anchor.plus(run.duration());
        Optional<Integer> current = waitForCurrentHeartRate(lastSample, settle);
        return new Summary(readings.size(), windows, rejected, current, anchor, lastSample);
    }

    /** The sync is asynchronous (stream → function): wait until the runner shows the run's last reading. */
    private Optional<Integer> waitForCurrentHeartRate(Instant lastSample, Duration settle) {
        Instant giveUp = clock.instant().plus(settle);
        Optional<ReplayTarget.CurrentHeartRate> current = target.currentHeartRate();
        while (current.map(c -> c.at().isBefore(lastSample)).orElse(true) && clock.instant().isBefore(giveUp)) {
            pause.pause(Duration.ofMillis(250));
            current = target.currentHeartRate();
        }
        return current.filter(c -> !c.at().isBefore(lastSample)).map(ReplayTarget.CurrentHeartRate::bpm);
    }

    private String notification(Instant start, Instant end) {
        ArrayNode body = JSON.createArrayNode();
        ObjectNode data = body.addObject().putObject("data");
        data.put("version", "1");
        data.put("healthUserId", standIn.healthUserId());
        data.put("operation", "UPSERT");
        data.put("dataType", "heart-rate");
        ObjectNode interval = data.putArray("intervals").addObject().putObject("physicalTimeInterval");
        interval.put("startTime", start.toString());
        interval.put("endTime", end.toString());
        return body.toString();
    }

    private static Duration scaled(Duration duration, double speed) {
        return Duration.ofNanos((long) (duration.toNanos() / speed));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String offsetText(Duration offset) {
        return String.format("%02d:%02d", offset.toMinutes(), offset.toSecondsPart());
    }
}

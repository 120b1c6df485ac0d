package com.runtothebeats.core.heartrate;

import com.runtothebeats.core.identity.AccessTokenRejectedException;
import com.runtothebeats.core.identity.ConsentRevokedException;
import com.runtothebeats.core.identity.LinkNotConnectedException;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import java.util.List;
import java.util.Optional;

/**
 * Processes one stored webhook notification: finds the runner behind the health user, fetches the heart
 * rate of the notified interval (whatever data type the notification named: heart rate is not always
 * announced on its own), stores the samples and updates the runner's state. A heart-rate DELETE removes the
 * interval's samples; a DELETE of any other data type leaves heart rate alone. Idempotent: samples are keyed by instant, so processing a notification twice stores the same.
 *
 * <p>Several syncs of one runner run at once (overlapping windows, Google retrying notifications for days):
 * the state is updated through {@link HeartRateRecorder} (conditional writes, re-read and retried), and read
 * before the provider is asked, so that a disconnect during the fetch is seen and not undone.
 */
public final class HeartRateSync {

    /** What happened, for logs and metrics. */
    public enum Outcome {
        STORED, DELETED, UNKNOWN_USER, NOT_CONNECTED, CONSENT_REVOKED, DISCONNECTED_DURING_SYNC,
        /** A DELETE of another data type (steps, sleep, weight): heart rate is left as it is. */
        OTHER_DATA_TYPE_DELETED
    }

    public record Result(Outcome outcome, String runnerId, int samples) {
    }

    private final ProviderLinkStore links;
    private final TokenRefresher tokens;
    private final HeartRateSource source;
    private final HeartRateSamples samples;
    private final RunnerHeartRates states;
    private final HeartRateRecorder recorder;

    public HeartRateSync(ProviderLinkStore links, TokenRefresher tokens, HeartRateSource source,
                         HeartRateSamples samples, RunnerHeartRates states) {
        this.links = links;
        this.tokens = tokens;
        this.source = source;
        this.samples = samples;
        this.states = states;
        this.recorder = new HeartRateRecorder(samples, states);
    }

    public Result process(DataChangeNotification notification) {
        Optional<ProviderLink> found = links.findByExternalUser(Provider.GOOGLE_HEALTH, notification.healthUserId());
        if (found.isEmpty()) {
            return new Result(Outcome.UNKNOWN_USER, null, 0);
        }
        String runnerId = found.get().runnerId();
        if (notification.deletes() && !notification.deletesHeartRate()) {
            return new Result(Outcome.OTHER_DATA_TYPE_DELETED, runnerId, 0);
        }
        if (notification.deletesHeartRate()) {
            int deleted = samples.deleteBetween(runnerId, notification.start(), notification.end());
            return new Result(Outcome.DELETED, runnerId, deleted);
        }
        // The state first, then the link again: a disconnect deletes the link before it clears the state, so
        // either the link is gone here or the clear comes after this read and the recorder sees it.
        StoredHeartRate before = states.read(runnerId);
        Optional<ProviderLink> current = links.find(runnerId, Provider.GOOGLE_HEALTH)
                .filter(link -> notification.healthUserId().equals(link.externalUserId()));
        if (current.isEmpty()) {
            return new Result(Outcome.NOT_CONNECTED, runnerId, 0);
        }
        ProviderLink link = current.get();
        if (link.status() != LinkStatus.CONNECTED) {
            return new Result(Outcome.NOT_CONNECTED, runnerId, 0);
        }
        List<HeartRateSample> fetched;
        try {
            fetched = fetch(link, notification);
        } catch (LinkNotConnectedException notConnected) {
            return new Result(Outcome.NOT_CONNECTED, runnerId, 0);
        } catch (ConsentRevokedException revoked) {
            markDisconnected(runnerId);
            return new Result(Outcome.CONSENT_REVOKED, runnerId, 0);
        }
        List<HeartRateSample> plausible = fetched.stream().filter(HeartRateSample::plausible).toList();
        if (recorder.record(runnerId, before, plausible, RunnerHeartRate.SOURCE_GOOGLE_HEALTH).isEmpty()) {
            return new Result(Outcome.DISCONNECTED_DURING_SYNC, runnerId, 0);
        }
        return new Result(Outcome.STORED, runnerId, plausible.size());
    }

    private List<HeartRateSample> fetch(ProviderLink link, DataChangeNotification notification) {
        ProviderLink usable = tokens.withValidAccessToken(link);
        try {
            return source.samplesBetween(usable.accessToken(), notification.start(), notification.end());
        } catch (AccessTokenRejectedException rejected) {
            // Once: a second 401 with a fresh token is not a token problem and fails the attempt.
            ProviderLink refreshed = tokens.afterRejectedAccessToken(usable);
            return source.samplesBetween(refreshed.accessToken(), notification.start(), notification.end());
        }
    }

    private void markDisconnected(String runnerId) {
        // The refresher marks the link on invalid_grant; a 410 from the data API arrives here.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ProviderLink> current = links.find(runnerId, Provider.GOOGLE_HEALTH);
            if (current.isEmpty() || current.get().status() == LinkStatus.DISCONNECTED) {
                return;
            }
            if (links.replaceIfVersion(current.get().withStatus(LinkStatus.DISCONNECTED), current.get().version())) {
                return;
            }
        }
    }
}

package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.playlist.BannedSongs;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The request's runner and their bans: a recommendation or an alternative for a signed-in runner leaves
 * their banned songs out; changing bans needs a session (and its CSRF header).
 */
final class RunnerBans {

    /** Where this deployment keeps no bans (no sessions): recommendations go on without them. */
    static final RunnerBans NONE = new RunnerBans(() -> null, BannedSongs.NONE);

    private final Supplier<SessionCookies> sessions;
    private final BannedSongs store;

    RunnerBans(Supplier<SessionCookies> sessions, BannedSongs store) {
        this.sessions = sessions;
        this.store = store;
    }

    BannedSongs store() {
        return store;
    }

    /** The signed-in runner's banned songs; none without a session. */
    Set<SongKey> of(APIGatewayV2HTTPEvent event) {
        SessionCookies cookies = sessions.get();
        Optional<String> runner = cookies == null ? Optional.empty() : cookies.session(event).map(RunnerSession::runnerId);
        return runner.map(store::songs).orElse(Set.of());
    }

    /**
     * @throws RequestRejectedException 401 without a session, 403 without the CSRF header
     */
    String requireRunner(APIGatewayV2HTTPEvent event) {
        SessionCookies cookies = sessions.get();
        if (cookies == null) {
            throw new RequestRejectedException(404, "not_found", "this deployment keeps no bans (no BANNED_SONGS_TABLE)");
        }
        return cookies.requireRunner(event).runnerId();
    }
}

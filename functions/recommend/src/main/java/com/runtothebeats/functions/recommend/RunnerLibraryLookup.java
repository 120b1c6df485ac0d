package com.runtothebeats.functions.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.runtothebeats.core.playlist.LibraryIndexes;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.TempoIndex;
import com.runtothebeats.core.playlist.TrackSource;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The signed-in runner's library for a recommendation: only ever the session's runner's, so no request can draw on
 * another runner's tracks. A request for the catalog reads nothing; {@code "source": "library"} without a session
 * is 401, as every library call is.
 */
final class RunnerLibraryLookup {

    /** Where this deployment keeps no libraries (no LIBRARIES_TABLE): every runner has none. */
    static final RunnerLibraryLookup NONE = new RunnerLibraryLookup(() -> null, null);

    private final Supplier<SessionCookies> sessions;
    private final LibraryIndexes indexes;

    RunnerLibraryLookup(Supplier<SessionCookies> sessions, LibraryIndexes indexes) {
        this.sessions = sessions;
        this.indexes = indexes;
    }

    /**
     * @throws RequestRejectedException 401 for {@code "source": "library"} without a session
     */
    RecommendationRequest withLibrary(RecommendationRequest request, APIGatewayV2HTTPEvent event, TempoIndex catalog) {
        if (request.source() == TrackSource.CATALOG) {
            return request;
        }
        SessionCookies cookies = sessions.get();
        Optional<String> runner = cookies == null ? Optional.empty() : cookies.session(event).map(RunnerSession::runnerId);
        if (runner.isEmpty() && request.source() == TrackSource.LIBRARY && cookies != null) {
            cookies.requireRunner(event); // 401 not_signed_in
        }
        if (runner.isEmpty() || indexes == null) {
            return request;
        }
        return request.withLibrary(indexes.forRunner(runner.get(), catalog).orElse(null));
    }
}

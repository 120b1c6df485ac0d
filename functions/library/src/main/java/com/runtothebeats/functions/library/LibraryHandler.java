package com.runtothebeats.functions.library;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RunnerSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LibraryFunction: {@code POST /api/library/import} starts an import (202; while one runs, the same answer for it),
 * {@code GET /api/library} shows the signed-in runner's library, {@code DELETE /api/library} forgets it (204).
 * Only the signed-in runner's own library is ever read or written; signed out is 401. A Spotify grant from before
 * the library scopes is answered 409 {@code spotify_reconnect_required}.
 */
public class LibraryHandler extends HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryHandler.class);
    /** What reading Liked Songs and private playlists needs; grants from before the library feature lack them. */
    static final List<String> IMPORT_SCOPES = List.of("user-library-read", "playlist-read-private");

    private final LibraryComponents components;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public LibraryHandler() {
        this(LibraryComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public LibraryHandler(LibraryComponents components) {
        super(components.metrics());
        this.components = components;
        on("POST /api/library/import", request -> startImport(components.sessions().requireRunner(request.event())));
        on("GET /api/library", this::show);
        on("DELETE /api/library", this::forget);
    }

    private APIGatewayV2HTTPResponse show(HttpRequest request) {
        RunnerSession session = components.sessions().requireRunner(request.event());
        return HttpResponses.json(200, body(components.imports().state(session.runnerId())));
    }

    private APIGatewayV2HTTPResponse forget(HttpRequest request) {
        RunnerSession session = components.sessions().requireRunner(request.event());
        components.imports().delete(session.runnerId());
        LOG.info("runner {} deleted their library", session.runnerId());
        return HttpResponses.json(204, null);
    }

    private APIGatewayV2HTTPResponse startImport(RunnerSession session) {
        if (!session.demo()) {
            Optional<ProviderLink> link = components.links().find(session.runnerId(), Provider.SPOTIFY);
            String scopes = link.map(ProviderLink::scopes).orElse("");
            boolean usable = link.isPresent() && link.get().status() == LinkStatus.CONNECTED
                    && IMPORT_SCOPES.stream().allMatch(scope -> List.of(scopes.split("\\s+")).contains(scope));
            if (!usable) {
                return HttpResponses.error(409, "spotify_reconnect_required", "Importing your library needs permission to read "
                        + "your Liked Songs and playlists, which your Spotify sign-in did not give: sign in with Spotify again.", null);
            }
        }
        LibraryImportState running = components.imports().start(session.runnerId());
        return HttpResponses.json(202, Map.of("importId", running.importId(), "status", "running"));
    }

    /** The API's shape (docs/library.md): zeros and status "none" before any import. */
    static Map<String, Object> body(Optional<LibraryImportState> found) {
        Map<String, Object> body = new LinkedHashMap<>();
        LibraryImportState state = found.orElse(null);
        body.put("status", state == null ? "none" : state.status().id());
        body.put("tracks", state == null ? 0 : state.tracks());
        body.put("withTempo", state == null ? 0 : state.withTempo());
        body.put("progress", Map.of("done", state == null ? 0 : state.done(), "total", state == null ? 0 : state.total()));
        Map<String, Integer> sources = new LinkedHashMap<>();
        for (FeatureSource source : FeatureSource.values()) {
            sources.put(source.id(), state == null ? 0 : state.sources().get(source));
        }
        body.put("sources", sources);
        body.put("playlistsSkipped", state == null ? 0 : state.playlistsSkipped());
        body.put("importedAt", state == null || state.importedAt() == null ? null : state.importedAt().toString());
        if (state != null && state.error() != null) {
            body.put("error", state.error());
        }
        return body;
    }
}

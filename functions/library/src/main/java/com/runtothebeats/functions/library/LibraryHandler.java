package com.runtothebeats.functions.library;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.library.DynamoRunnerLibraries;
import com.runtothebeats.aws.library.SqsImportQueue;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.core.library.LibraryImports;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
public class LibraryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryHandler.class);
    /** What reading Liked Songs and private playlists needs; grants from before the library feature lack them. */
    static final List<String> IMPORT_SCOPES = List.of("user-library-read", "playlist-read-private");

    private final SessionCookies sessions;
    private final LibraryImports imports;
    private final ProviderLinkStore links;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public LibraryHandler() {
        this(LambdaEnvironment.current());
    }

    private LibraryHandler(LambdaEnvironment env) {
        this(SessionCookies.fromEnvironment(env, name -> new SsmSecureParameters(new AwsClients(env).ssm()).apply(name)),
                imports(env), links(env));
    }

    public LibraryHandler(SessionCookies sessions, LibraryImports imports, ProviderLinkStore links) {
        this.sessions = sessions;
        this.imports = imports;
        this.links = links;
    }

    private static LibraryImports imports(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        return new LibraryImports(new DynamoRunnerLibraries(aws.dynamoDb(), env.require("LIBRARIES_TABLE")),
                new SqsImportQueue(aws.sqs(), env.require("LIBRARY_IMPORT_QUEUE_URL")), Clock.systemUTC());
    }

    private static ProviderLinkStore links(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        return new DynamoProviderLinkStore(aws.dynamoDb(), env.require("PROVIDER_LINKS_TABLE"),
                TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String method = method(event);
        try {
            RunnerSession session = sessions.requireRunner(event);
            if (path.endsWith("/api/library/import") && method.equals("POST")) {
                return startImport(session);
            }
            if (path.endsWith("/api/library") && method.equals("GET")) {
                return HttpResponses.json(200, body(imports.state(session.runnerId())));
            }
            if (path.endsWith("/api/library") && method.equals("DELETE")) {
                imports.delete(session.runnerId());
                LOG.info("runner {} deleted their library", session.runnerId());
                return HttpResponses.json(204, null);
            }
            return HttpResponses.error(404, "not_found", "No such route: " + method + " " + path, null);
        } catch (RequestRejectedException e) {
            return HttpResponses.error(e.status(), e.code(), e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("library request {} {} failed", method, path, e);
            return HttpResponses.unexpected();
        }
    }

    private APIGatewayV2HTTPResponse startImport(RunnerSession session) {
        if (!session.demo()) {
            Optional<ProviderLink> link = links.find(session.runnerId(), Provider.SPOTIFY);
            String scopes = link.map(ProviderLink::scopes).orElse("");
            boolean usable = link.isPresent() && link.get().status() == LinkStatus.CONNECTED
                    && IMPORT_SCOPES.stream().allMatch(scope -> List.of(scopes.split("\\s+")).contains(scope));
            if (!usable) {
                return HttpResponses.error(409, "spotify_reconnect_required", "Importing your library needs permission to read "
                        + "your Liked Songs and playlists, which your Spotify sign-in did not give: sign in with Spotify again.", null);
            }
        }
        LibraryImportState running = imports.start(session.runnerId());
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

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        return "GET";
    }
}

package com.runtothebeats.functions.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.TableDefinitions;
import com.runtothebeats.aws.library.DynamoRunnerLibraries;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.library.LibraryImports;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.session.SessionCookies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library API's shapes on DynamoDB Local, with the queue recording what it was handed. */
class LibraryHandlerTest {

    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");

    AmazonDynamoDBLocal local;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SessionCookies sessions;
    Map<String, ProviderLink> links = new HashMap<>();
    List<String> queued = new ArrayList<>();
    LibraryHandler handler;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        TableDefinitions.createIfAbsent(local.dynamoDbClient(), List.of(TableDefinitions.libraries("libraries"),
                TableDefinitions.sessions("sessions")));
        sessions = new SessionCookies(new DynamoSessionStore(local.dynamoDbClient(), "sessions"), Duration.ofDays(1), clock, false);
        LibraryImports imports = new LibraryImports(new DynamoRunnerLibraries(local.dynamoDbClient(), "libraries"),
                (runnerId, importId) -> queued.add(runnerId + "/" + importId), clock);
        handler = new LibraryHandler(new LibraryComponents(sessions, imports, linkStore(),
                com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(Map.of()))));
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    ProviderLinkStore linkStore() {
        return new ProviderLinkStore() {
            public Optional<ProviderLink> find(String runnerId, Provider provider) {
                return Optional.ofNullable(links.get(runnerId));
            }

            public Optional<ProviderLink> findByExternalUser(Provider provider, String externalUserId) {
                return Optional.empty();
            }

            public List<ProviderLink> findAllByExternalUser(Provider provider, String externalUserId) {
                return List.of();
            }

            public void save(ProviderLink link) {
                links.put(link.runnerId(), link);
            }

            public boolean replaceIfVersion(ProviderLink updated, long expectedVersion) {
                return false;
            }

            public boolean claimRefresh(String runnerId, Provider provider, long expectedVersion, Instant now, Instant until) {
                return false;
            }

            public void delete(String runnerId, Provider provider) {
                links.remove(runnerId);
            }
        };
    }

    void connect(String runnerId, String scopes) {
        links.put(runnerId, new ProviderLink(runnerId, Provider.SPOTIFY, "acc-" + runnerId, "access", NOW.plusSeconds(3600), "refresh",
                scopes, LinkStatus.CONNECTED, 1, runnerId));
    }

    APIGatewayV2HTTPResponse call(String method, String path, String runnerId) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setRouteKey(method + " " + path);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build()).build());
        Map<String, String> headers = new HashMap<>();
        if (runnerId != null) {
            event.setCookies(List.of(sessions.issue(runnerId).split(";")[0], "__Host-beats_csrf=token-1"));
            headers.put("x-csrf-token", "token-1");
        }
        event.setHeaders(headers);
        return handler.handleRequest(event, null);
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void anImportStartsOnceAndTheLibraryShowsItRunning() throws Exception {
        connect("ada", "playlist-modify-private user-library-read playlist-read-private playlist-read-collaborative");

        APIGatewayV2HTTPResponse first = call("POST", "/api/library/import", "ada");
        APIGatewayV2HTTPResponse second = call("POST", "/api/library/import", "ada");

        assertEquals(202, first.getStatusCode());
        assertEquals("running", json(first).path("status").asText());
        assertEquals(json(first), json(second), "while it runs, the same import");
        assertEquals(1, queued.size());
        JsonNode library = json(call("GET", "/api/library", "ada"));
        assertEquals("running", library.path("status").asText());
        assertEquals(0, library.path("progress").path("total").asInt());
        assertEquals(List.of("reccobeats", "getsongbpm", "none"), iterate(library.path("sources").fieldNames()));
    }

    static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void aGrantFromBeforeTheLibraryScopesMustSignInAgain() throws Exception {
        connect("ada", "playlist-modify-private playlist-modify-public playlist-read-private user-read-private");

        APIGatewayV2HTTPResponse response = call("POST", "/api/library/import", "ada");

        assertEquals(409, response.getStatusCode());
        assertEquals("spotify_reconnect_required", json(response).path("error").path("code").asText(json(response).path("code").asText()));
        assertEquals(List.of(), queued);
    }

    @Test
    void signedOutIs401AndNobodySeesAnothersLibrary() throws Exception {
        connect("ada", "user-library-read playlist-read-private");
        call("POST", "/api/library/import", "ada");

        assertEquals(401, call("GET", "/api/library", null).getStatusCode());
        assertEquals(401, call("POST", "/api/library/import", null).getStatusCode());
        assertEquals("none", json(call("GET", "/api/library", "ben")).path("status").asText());
    }

    @Test
    void deleteForgetsTheLibrary() throws Exception {
        connect("ada", "user-library-read playlist-read-private");
        String before = json(call("POST", "/api/library/import", "ada")).path("importId").asText();

        assertEquals(204, call("DELETE", "/api/library", "ada").getStatusCode());

        assertEquals("none", json(call("GET", "/api/library", "ada")).path("status").asText());
        assertNotEquals(before, json(call("POST", "/api/library/import", "ada")).path("importId").asText());
    }
}

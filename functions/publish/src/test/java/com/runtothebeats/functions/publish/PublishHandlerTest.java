package com.runtothebeats.functions.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.TableDefinitions;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.publishing.DynamoPublicationStore;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.publishing.PlaylistDestination;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.publishing.PlaylistMarker;
import com.runtothebeats.core.publishing.PlaylistPublisher;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.spotify.DryRunPlaylists;
import com.runtothebeats.providers.spotify.SpotifyAppCredentials;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyHttpTransport;
import com.runtothebeats.providers.spotify.SpotifyPlaylists;
import com.runtothebeats.providers.spotify.SpotifyTokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The Publish function against WireMock as Spotify (2026 paths) and DynamoDB Local. */
class PublishHandlerTest {

    static final String RUNNER = "runner-1";
    static final String CSRF = "csrf-token-for-tests";

    @TempDir
    Path stateDir;

    AmazonDynamoDBLocal local;
    DynamoDbClient dynamo;
    DynamoProviderLinkStore links;
    DynamoPublicationStore publications;
    SpotifyStandIn spotify;
    SpotifyHttpTransport transport;
    List<Duration> pauses = new ArrayList<>();
    Instant now = Instant.now();

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        dynamo.createTable(TableDefinitions.providerLinks("links"));
        dynamo.createTable(TableDefinitions.sessions("sessions"));
        createPublicationsTable(dynamo, "publications");
        links = new DynamoProviderLinkStore(dynamo, "links", LocalKeyFileCipher.fromKeyFile(stateDir.resolve("token.key")));
        publications = new DynamoPublicationStore(dynamo, "publications");
        spotify = new SpotifyStandIn();
        transport = new SpotifyHttpTransport(HttpClient.newHttpClient(), spotify.endpoints(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        spotify.close();
        local.shutdownNow();
    }

    static void createPublicationsTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("idempotencyKey")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("idempotencyKey").keyType(KeyType.HASH).build()));
    }

    /** A link as sign-in stores it: keyed by account_id, with the user id that playlists show as owner.id beside it. */
    void connectSpotify(String accessToken, Instant expiresAt) {
        links.save(new ProviderLink(RUNNER, Provider.SPOTIFY, "acc-spotify-user-1", accessToken, expiresAt,
                "refresh-token-1", "playlist-modify-private", LinkStatus.CONNECTED, 1, "spotify-user-1"));
    }

    Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    SpotifyPlaylists spotifyDestination(Clock clock) {
        SpotifyAuthorization authorization = new SpotifyAuthorization(
                new SpotifyAppCredentials("client-id", null, URI.create("http://127.0.0.1:3000/auth/spotify/callback")),
                transport, clock);
        Pause recording = pauses::add;
        TokenRefresher refresher = new TokenRefresher(links, new SpotifyTokenEndpoint(authorization),
                LinkStatus.RECONNECT_REQUIRED, clock, recording);
        return new SpotifyPlaylists(transport, links, refresher, recording);
    }

    PublishHandler handler(PlaylistDestination destination, Clock clock) {
        SessionCookies sessions = new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), clock, false);
        return new PublishHandler(new PublishComponents(sessions, new PlaylistPublisher(publications, destination, clock),
                destination.dryRun(), com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(Map.of()))));
    }

    static List<String> trackIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%022d", i).replace('0', 'A').substring(0, 16)
                + String.format("%06d", i)).toList();
    }

    static String body(List<String> ids) {
        return "{\"name\":\"Tempo run 170\",\"description\":\"170 BPM, flowing\",\"public\":false,\"trackIds\":"
                + Json.MAPPER.valueToTree(ids) + "}";
    }

    APIGatewayV2HTTPEvent request(String body, String idempotencyKey) {
        SessionCookies sessions = new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), clock(), false);
        String setCookie = sessions.issue(RUNNER);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/api/playlists");
        event.setBody(body);
        event.setCookies(List.of(setCookie.substring(0, setCookie.indexOf(';')), "__Host-beats_csrf=" + CSRF));
        Map<String, String> headers = new java.util.HashMap<>(Map.of("content-type", "application/json", "x-csrf-token", CSRF));
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        event.setHeaders(headers);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath("/api/playlists");
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return SpotifyStandIn.json(response.getBody());
    }

    static List<String> uris(List<String> ids) {
        return ids.stream().map(id -> "spotify:track:" + id).toList();
    }

    @Test
    void a250TrackPublishMakesOneCreateAndThreeItemCallsOf100_100_50InOrder() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        List<String> ids = trackIds(250);

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(ids), "key-250-tracks"), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals("https://open.spotify.com/playlist/" + SpotifyStandIn.PLAYLIST_ID, body.get("url").asText());
        assertEquals(250, body.get("trackCount").asInt());
        assertFalse(body.get("dryRun").asBoolean());

        List<LoggedRequest> creates = spotify.requests("POST", "/v1/me/playlists");
        assertEquals(1, creates.size());
        JsonNode create = SpotifyStandIn.json(creates.get(0).getBodyAsString());
        assertEquals("Tempo run 170", create.get("name").asText());
        assertFalse(create.get("public").asBoolean());
        assertEquals("Bearer access-token-1", creates.get(0).getHeader("Authorization"));

        List<LoggedRequest> items = spotify.itemCalls();
        assertEquals(3, items.size());
        int[] sizes = {100, 100, 50};
        for (int i = 0; i < 3; i++) {
            JsonNode call = SpotifyStandIn.json(items.get(i).getBodyAsString());
            assertEquals(sizes[i], call.get("uris").size());
            assertEquals(i * 100, call.get("position").asInt());
            assertEquals("spotify:track:" + ids.get(i * 100), call.get("uris").get(0).asText());
        }
        assertEquals(uris(ids), spotify.playlistContents());
        assertTrue(spotify.requests("POST", "/v1/users/").isEmpty(), "the deprecated create path is never called");
        assertTrue(spotify.requests("POST", "/v1/playlists/" + SpotifyStandIn.PLAYLIST_ID + "/tracks").isEmpty());
    }

    @Test
    void aNameThatLooksLikeJsonIsSentAsAString() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        String body = "{\"name\":\"1984\",\"description\":\"true\",\"trackIds\":" + Json.MAPPER.valueToTree(trackIds(1)) + "}";
        assertEquals(201, handler(spotifyDestination(clock()), clock()).handleRequest(request(body, "key-json-name"), null).getStatusCode());
        JsonNode create = SpotifyStandIn.json(spotify.requests("POST", "/v1/me/playlists").get(0).getBodyAsString());
        assertTrue(create.get("name").isTextual());
        assertEquals("1984", create.get("name").asText());
        assertTrue(create.get("description").isTextual());
    }

    @Test
    void a429OnTheSecondItemCallIsRetriedAfterRetryAfter() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        String path = "/v1/playlists/" + SpotifyStandIn.PLAYLIST_ID + "/items";
        spotify.server.stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.position", equalTo("100")))
                .inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited once")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}")));
        List<String> ids = trackIds(250);

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(ids), "key-429"), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(List.of(Duration.ofSeconds(7)), pauses, "waited exactly what Retry-After said, once");
        List<LoggedRequest> items = spotify.itemCalls();
        assertEquals(4, items.size());
        assertEquals(List.of(0, 100, 100, 200), items.stream()
                .map(r -> SpotifyStandIn.json(r.getBodyAsString()).get("position").asInt()).toList());
        assertEquals(uris(ids), spotify.playlistContents());
    }

    @Test
    void theSameRequestSentTwiceMakesOnePlaylist() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        List<String> ids = trackIds(120);
        PublishHandler handler = handler(spotifyDestination(clock()), clock());

        APIGatewayV2HTTPResponse first = handler.handleRequest(request(body(ids), "key-twice"), null);
        APIGatewayV2HTTPResponse second = handler.handleRequest(request(body(ids), "key-twice"), null);

        assertEquals(201, first.getStatusCode());
        assertEquals(200, second.getStatusCode());
        assertEquals(json(first).get("playlistId"), json(second).get("playlistId"));
        assertTrue(json(second).get("replayed").asBoolean());
        assertEquals(1, spotify.requests("POST", "/v1/me/playlists").size());
        assertEquals(2, spotify.itemCalls().size());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndNothingIsCreated() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        PublishHandler handler = handler(spotifyDestination(clock()), clock());
        assertEquals(201, handler.handleRequest(request(body(trackIds(3)), "key-reused"), null).getStatusCode());

        APIGatewayV2HTTPResponse reused = handler.handleRequest(request(body(trackIds(4)), "key-reused"), null);

        assertEquals(422, reused.getStatusCode());
        assertEquals("idempotency_key_reused", json(reused).get("error").get("code").asText());
        assertEquals(1, spotify.requests("POST", "/v1/me/playlists").size());
    }

    /** Stands for the process dying: an Error nothing in the handler catches. */
    static final class Killed extends Error {
    }

    /** The real destination, except that the worker dies at one step. */
    record DyingDestination(PlaylistDestination real, At at) implements PlaylistDestination {

        enum At { BEFORE_CREATE, AFTER_CREATE, AFTER_FIRST_ADD }

        @Override
        public CreatedPlaylist create(String runnerId, PlaylistDraft draft, PlaylistMarker marker) {
            if (at == At.BEFORE_CREATE) {
                throw new Killed();
            }
            CreatedPlaylist created = real.create(runnerId, draft, marker);
            if (at == At.AFTER_CREATE) {
                throw new Killed();
            }
            return created;
        }

        @Override
        public Optional<CreatedPlaylist> findByMarker(String runnerId, PlaylistMarker marker) {
            return real.findByMarker(runnerId, marker);
        }

        @Override
        public void addItems(String runnerId, String playlistId, List<String> uris, int position) {
            real.addItems(runnerId, playlistId, uris, position);
            if (at == At.AFTER_FIRST_ADD) {
                throw new Killed();
            }
        }

        @Override
        public int itemCount(String runnerId, String playlistId) {
            return real.itemCount(runnerId, playlistId);
        }

        @Override
        public boolean dryRun() {
            return real.dryRun();
        }
    }

    @Test
    void aPublishKilledAfterTheFirstItemCallAndRetriedMakesOnePlaylistWithAllTracksInOrder() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        List<String> ids = trackIds(250);
        SpotifyPlaylists real = spotifyDestination(clock());
        // Dies right after Spotify accepted the first 100 items, before that progress is recorded.
        PlaylistDestination dying = new DyingDestination(real, DyingDestination.At.AFTER_FIRST_ADD);
        assertThrows(Killed.class, () -> handler(dying, clock()).handleRequest(request(body(ids), "key-killed"), null));
        assertEquals(1, spotify.itemCalls().size());
        spotify.itemCount(100);

        // The retry comes after the dead worker's lease has lapsed.
        Clock later = Clock.fixed(now.plus(PlaylistPublisher.LEASE).plusSeconds(1), ZoneOffset.UTC);
        APIGatewayV2HTTPResponse retried = handler(spotifyDestination(later), later).handleRequest(request(body(ids), "key-killed"), null);

        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals(1, spotify.requests("POST", "/v1/me/playlists").size(), "one playlist");
        assertEquals(3, spotify.itemCalls().size(), "the first 100 were not added again");
        assertEquals(uris(ids), spotify.playlistContents());
    }

    @Test
    void aPublishKilledAfterSpotifyCreatedThePlaylistButBeforeItsIdWasRecordedFinishesThatPlaylist() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        spotify.itemCount(0);
        List<String> ids = trackIds(150);
        SpotifyPlaylists real = spotifyDestination(clock());
        // Dies the moment Spotify answered the create: the playlist exists, its id is known to nobody.
        PlaylistDestination dying = new DyingDestination(real, DyingDestination.At.AFTER_CREATE);
        assertThrows(Killed.class, () -> handler(dying, clock()).handleRequest(request(body(ids), "key-killed-at-create"), null));
        assertTrue(publications.find(RUNNER + ":key-killed-at-create").orElseThrow().createMayHaveLanded());
        // Spotify now lists the playlist it made, newest first, with the description it was given.
        String described = SpotifyStandIn.json(spotify.requests("POST", "/v1/me/playlists").get(0).getBodyAsString())
                .get("description").asText();
        spotify.currentUserPlaylists("spotify-user-1", described);

        Clock later = Clock.fixed(now.plus(PlaylistPublisher.LEASE).plusSeconds(1), ZoneOffset.UTC);
        APIGatewayV2HTTPResponse retried = handler(spotifyDestination(later), later)
                .handleRequest(request(body(ids), "key-killed-at-create"), null);

        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals(SpotifyStandIn.PLAYLIST_ID, json(retried).get("playlistId").asText());
        assertEquals(1, spotify.requests("POST", "/v1/me/playlists").size(), "one playlist in the runner's account");
        assertEquals(1, spotify.requests("GET", "/v1/me/playlists").size());
        assertEquals(2, spotify.itemCalls().size());
        assertEquals(uris(ids), spotify.playlistContents());
    }

    @Test
    void aPublishKilledBeforeTheCreateReachedSpotifyCreatesItOnTheRetry() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.itemAdditions();
        spotify.currentUserPlaylists("spotify-user-1", "Tempo run from last week · "
                + PlaylistMarker.of(RUNNER, RUNNER + ":an-earlier-key").tag());
        List<String> ids = trackIds(3);
        SpotifyPlaylists real = spotifyDestination(clock());
        PlaylistDestination dying = new DyingDestination(real, DyingDestination.At.BEFORE_CREATE);
        assertThrows(Killed.class, () -> handler(dying, clock()).handleRequest(request(body(ids), "key-killed-early"), null));

        Clock later = Clock.fixed(now.plus(PlaylistPublisher.LEASE).plusSeconds(1), ZoneOffset.UTC);
        APIGatewayV2HTTPResponse retried = handler(spotifyDestination(later), later)
                .handleRequest(request(body(ids), "key-killed-early"), null);

        assertEquals(201, retried.getStatusCode(), retried.getBody());
        assertEquals(2, spotify.requests("GET", "/v1/me/playlists").size(), "looked through both pages, found only another publish's playlist");
        assertEquals(1, spotify.requests("POST", "/v1/me/playlists").size());
        assertEquals(uris(ids), spotify.playlistContents());
    }

    @Test
    void aSecondDeliveryWhileTheFirstHoldsTheLeaseIsToldToRetry() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        String key = RUNNER + ":key-concurrent";
        List<String> ids = trackIds(5);
        PlaylistDraft draft = new PlaylistDraft("Tempo run 170", "170 BPM, flowing", false, ids);
        publications.beginOrFind(com.runtothebeats.core.publishing.Publication.begin(key, RUNNER, draft.fingerprint(RUNNER), 5), now);
        assertTrue(publications.claim(key, "other-worker", now, now.plus(PlaylistPublisher.LEASE)));

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(ids), "key-concurrent"), null);

        assertEquals(409, response.getStatusCode());
        assertEquals("publish_in_progress", json(response).get("error").get("code").asText());
        assertTrue(spotify.requests("POST", "/v1/me/playlists").isEmpty());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceBeforePublishing() {
        connectSpotify("access-token-old", now.minusSeconds(10));
        spotify.tokenRefresh("access-token-new");
        spotify.playlistCreation();
        spotify.itemAdditions();

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(trackIds(150)), "key-expired"), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        List<LoggedRequest> refreshes = spotify.requests("POST", "/api/token");
        assertEquals(1, refreshes.size());
        assertTrue(refreshes.get(0).getBodyAsString().contains("grant_type=refresh_token"));
        spotify.requests("POST", "/v1/").forEach(r -> assertEquals("Bearer access-token-new", r.getHeader("Authorization")));
        assertEquals("access-token-new", links.find(RUNNER, Provider.SPOTIFY).orElseThrow().accessToken());
    }

    @Test
    void a401IsAnsweredByOneRefreshAndARetry() {
        connectSpotify("access-token-revoked", now.plus(Duration.ofHours(1)));
        spotify.tokenRefresh("access-token-new");
        spotify.playlistCreation();
        spotify.itemAdditions();
        spotify.server.stubFor(post(urlPathEqualTo("/v1/me/playlists")).withHeader("Authorization", equalTo("Bearer access-token-revoked"))
                .atPriority(1).willReturn(aResponse().withStatus(401)
                        .withBody("{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}")));

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(trackIds(2)), "key-401"), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(1, spotify.requests("POST", "/api/token").size());
        assertEquals(2, spotify.requests("POST", "/v1/me/playlists").size());
        assertTrue(spotify.requests("GET", "/v1/me/playlists").isEmpty(), "a 401 made nothing: no need to look for it");
    }

    @Test
    void invalidGrantAsksTheRunnerToReconnectSpotify() {
        connectSpotify("access-token-old", now.minusSeconds(10));
        spotify.tokenRefreshRefused();
        spotify.playlistCreation();

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(trackIds(2)), "key-dead"), null);

        assertEquals(409, response.getStatusCode());
        JsonNode error = json(response).get("error");
        assertEquals("spotify_reconnect_required", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("reconnect Spotify"));
        assertEquals(LinkStatus.RECONNECT_REQUIRED, links.find(RUNNER, Provider.SPOTIFY).orElseThrow().status());
        assertTrue(spotify.requests("POST", "/v1/me/playlists").isEmpty());

        // Asked again: still the same clear answer, without hammering the token endpoint.
        APIGatewayV2HTTPResponse again = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(trackIds(2)), "key-dead"), null);
        assertEquals("spotify_reconnect_required", json(again).get("error").get("code").asText());
        assertEquals(1, spotify.requests("POST", "/api/token").size());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReportedWithProgressKept() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        spotify.playlistCreation();
        spotify.server.stubFor(post(urlPathEqualTo("/v1/playlists/" + SpotifyStandIn.PLAYLIST_ID + "/items"))
                .willReturn(aResponse().withStatus(503)));

        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(request(body(trackIds(3)), "key-503"), null);

        assertEquals(502, response.getStatusCode());
        assertEquals("spotify_unavailable", json(response).get("error").get("code").asText());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), pauses);
        assertEquals(4, spotify.itemCalls().size());
        assertEquals(SpotifyStandIn.PLAYLIST_ID, publications.find(RUNNER + ":key-503").orElseThrow().playlistId());
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        connectSpotify("access-token-1", now.plus(Duration.ofHours(1)));
        PublishHandler handler = handler(spotifyDestination(clock()), clock());
        Map<String, String> cases = Map.of(
                "{\"name\":\"x\",\"trackIds\":[\"not-an-id\"]}", "trackIds[0]",
                "{\"trackIds\":[]}", "name",
                "{\"name\":\"x\",\"trackIds\":[]}", "trackIds",
                "{\"name\":\"x\",\"public\":\"yes\",\"trackIds\":[\"" + trackIds(1).get(0) + "\"]}", "public",
                "not json", "body");
        cases.forEach((body, field) -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(request(body, "key-bad-input"), null);
            assertEquals(400, response.getStatusCode(), body);
            assertEquals(field, json(response).get("error").get("field").asText(), body);
        });
        APIGatewayV2HTTPResponse noKey = handler.handleRequest(request(body(trackIds(1)), null), null);
        assertEquals(400, noKey.getStatusCode());
        assertEquals("Idempotency-Key", json(noKey).get("error").get("field").asText());
        assertTrue(publications.find(RUNNER + ":key-bad-input").isEmpty());
        assertTrue(spotify.server.getAllServeEvents().isEmpty());
    }

    @Test
    void withoutASessionTheRequestIsUnauthorised() {
        APIGatewayV2HTTPEvent event = request(body(trackIds(1)), "key-anon");
        event.setCookies(null);
        APIGatewayV2HTTPResponse response = handler(spotifyDestination(clock()), clock()).handleRequest(event, null);
        assertEquals(401, response.getStatusCode());
    }

    @Test
    void theDryRunWritesThePlaylistItWouldHaveCreatedAndSaysSo() throws Exception {
        Path dryRunDir = stateDir.resolve("dry-run");
        List<String> ids = trackIds(250);
        PublishHandler handler = handler(new DryRunPlaylists(dryRunDir, clock(), new SecureRandom()), clock());

        APIGatewayV2HTTPResponse response = handler.handleRequest(request(body(ids), "key-dry-run"), null);

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertTrue(body.get("dryRun").asBoolean());
        Path file = Path.of(body.get("location").asText());
        assertTrue(file.startsWith(dryRunDir) && Files.exists(file));
        JsonNode playlist = Json.MAPPER.readTree(file.toFile());
        assertTrue(playlist.get("dryRun").asBoolean());
        assertEquals("Tempo run 170", playlist.get("name").asText());
        List<String> written = new ArrayList<>();
        playlist.get("trackUris").forEach(u -> written.add(u.asText()));
        assertEquals(uris(ids), written);
        assertTrue(spotify.server.getAllServeEvents().isEmpty(), "nothing left the machine");
    }

    @Test
    void theSampleEventsParseAndBehaveInTheLocalDemo() {
        Path events = Path.of("../../events/publish");
        PublishHandler demo = new PublishHandler(new PublishComponents(new SessionCookies(new DynamoSessionStore(dynamo, "sessions"), Duration.ofDays(1), clock(), true),
                new PlaylistPublisher(publications, new DryRunPlaylists(stateDir.resolve("dry-run"), clock(), new SecureRandom()), clock()),
                true, com.runtothebeats.lambda.FunctionMetrics.create(com.runtothebeats.lambda.LambdaEnvironment.of(Map.of()))));

        APIGatewayV2HTTPResponse published = demo.handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("publish-playlist.json").toString()), null);
        assertEquals(201, published.getStatusCode(), published.getBody());
        assertTrue(json(published).get("dryRun").asBoolean());
        assertTrue(publications.find("demo-runner:3f1c2b7e-5d2a-4c8e-9f61-0a7b3c9d2e10").orElseThrow().completed());

        APIGatewayV2HTTPResponse missingKey = demo.handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("missing-idempotency-key.json").toString()), null);
        assertEquals("Idempotency-Key", json(missingKey).get("error").get("field").asText());

        APIGatewayV2HTTPResponse badId = demo.handleRequest(
                EventLoader.loadApiGatewayHttpEvent(events.resolve("bad-track-id.json").toString()), null);
        assertEquals(400, badId.getStatusCode());
        assertEquals("trackIds[0]", json(badId).get("error").get("field").asText());
    }
}

package com.runtothebeats.functions.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.library.DynamoRunnerLibraries;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.core.library.LibraryStatus;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.TrackListing;
import com.runtothebeats.core.pipeline.CurrentTransform;
import com.runtothebeats.core.pipeline.PipelineKeys;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.S3StandIn;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.TemplateTables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code "source"} through the function as Lambda builds it, against DynamoDB Local (the template's tracks and
 * libraries tables, libraries stored by the import's own store) and the S3 stand-in, with the sample event
 * {@code events/recommend/recommend-library.json}: each runner gets their own tracks and never another's.
 */
class LibraryRecommendationsStackTest {

    static DynamoDbLocalServer dynamoServer;
    static S3StandIn s3;
    static Map<String, String> env;
    static DynamoRunnerLibraries libraries;
    static DynamoSessionStore sessions;
    static Set<String> ninesTracks;
    static Set<String> tensTracks;

    @BeforeAll
    static void stack(@TempDir Path s3Root) {
        dynamoServer = DynamoDbLocalServer.inMemory();
        s3 = S3StandIn.forTest(s3Root, "data");
        env = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoServer.endpoint().toString(),
                "AWS_ENDPOINT_URL_S3", s3.endpoint().toString(),
                "AWS_REGION", DynamoDbLocalServer.REGION,
                "AWS_ACCESS_KEY_ID", DynamoDbLocalServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", DynamoDbLocalServer.SECRET_ACCESS_KEY,
                "TRACKS_TABLE", "tracks",
                "DATA_BUCKET", "data",
                "SESSIONS_TABLE", "sessions",
                "LIBRARIES_TABLE", "libraries"));
        AwsClients aws = new AwsClients(LambdaEnvironment.of(env));
        DynamoDbClient dynamo = aws.dynamoDb();
        TemplateTables.createProjectTable(dynamo, "SessionsTable", "sessions");
        sessions = new DynamoSessionStore(dynamo, "sessions");
        for (SamTemplate.TableDefinition table : SamTemplate.load(RecommendFunctionStackTest.templateFile()).tables()) {
            if (table.logicalId().equals("TracksTable")) {
                TemplateTables.create(dynamo, table, "tracks");
            }
            if (table.logicalId().equals("LibrariesTable")) {
                TemplateTables.create(dynamo, table, "libraries");
            }
        }
        Path csv = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../../shared/data"), "spotify", "spotify_songs_train.csv");
        List<Track> all = DatasetTracks.read(csv);
        FeatureTransform transform = FeatureTransform.fit("run-1", all.stream().map(Track::features).toList());
        List<Track> near160 = all.stream().filter(t -> Math.abs(t.tempo() - 160) <= 4 || Math.abs(t.tempo() - 80) <= 2).toList();
        new DynamoTrackCatalog(dynamo, "tracks").putAll(near160, "run-1");
        JacksonJsonCodec json = new JacksonJsonCodec();
        S3BlobStore data = new S3BlobStore(aws.s3(), "data");
        data.put("transform/run-1/feature-transform.json", json.write(transform), "application/json");
        data.put(PipelineKeys.CURRENT_TRANSFORM, json.write(new CurrentTransform("run-1",
                "transform/run-1/feature-transform.json", "transform/run-1/sequences.jsonl")), "application/json");

        libraries = new DynamoRunnerLibraries(dynamo, "libraries");
        // Two runners with different tastes: the artists of even and of odd hash.
        ninesTracks = store("runner-9", near160.stream().filter(t -> Math.floorMod(t.artist().hashCode(), 2) == 0).toList());
        tensTracks = store("runner-10", near160.stream().filter(t -> Math.floorMod(t.artist().hashCode(), 2) == 1).toList());
        store("runner-tiny", near160.subList(0, 6));
    }

    /** The runner's library as a finished import leaves it; every fifth track known only by tempo and key. */
    static Set<String> store(String runnerId, List<Track> tracks) {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        String importId = "import-" + runnerId;
        libraries.start(runnerId, LibraryImportState.started(importId, now), now);
        List<LibraryTrack> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Track t : tracks) {
            String id = "L" + runnerId.hashCode() + t.id().substring(4);
            AudioFeatures f = t.features();
            TrackListing listing = new TrackListing(id, t.name(), List.of(t.artist()), t.album(), t.durationMs());
            entries.add(entries.size() % 5 == 0
                    ? new LibraryTrack(listing, FeatureSource.GETSONGBPM, AudioFeatures.tempoAndKey(f.tempo(), f.key(), f.mode(), 0))
                    : new LibraryTrack(listing, FeatureSource.RECCOBEATS, f));
            ids.add(id);
        }
        assertTrue(libraries.putTracks(runnerId, importId, entries));
        assertTrue(libraries.finish(runnerId, new LibraryImportState(importId, LibraryStatus.DONE, entries.size(), entries.size(),
                entries.size(), entries.size(), Map.of(), 0, now, now, now, null)));
        return ids;
    }

    @AfterAll
    static void stop() {
        s3.close();
        dynamoServer.close();
    }

    static APIGatewayV2HTTPEvent event(String runnerId, String source) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/recommend/recommend-library.json");
        if (source != null) {
            event.setBody(event.getBody().replace("\"source\": \"library\"", "\"source\": \"" + source + "\""));
        }
        List<String> cookies = new ArrayList<>(event.getCookies());
        if (runnerId != null) {
            // a session started as the Auth function would, in the sessions table this function reads
            String cookie = new SessionCookies(sessions, SessionCookies.DEFAULT_LIFETIME, Clock.systemUTC(), false).issue(runnerId);
            cookies.add(cookie.substring(0, cookie.indexOf(';')));
        }
        event.setCookies(cookies);
        return event;
    }

    static JsonNode answer(RecommendHandler handler, APIGatewayV2HTTPEvent event, int status) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(status, response.getStatusCode(), response.getBody());
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void eachRunnerGetsOnlyTheirOwnLibraryInsideEveryHardConstraint() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        for (String runner : List.of("runner-9", "runner-10")) {
            Set<String> own = runner.equals("runner-9") ? ninesTracks : tensTracks;
            Set<String> others = runner.equals("runner-9") ? tensTracks : ninesTracks;
            JsonNode body = answer(handler, event(runner, null), 200);
            Set<String> songs = new HashSet<>();
            long total = 0;
            JsonNode previous = null;
            for (JsonNode t : body.get("tracks")) {
                assertTrue(own.contains(t.get("id").asText()), runner + " got " + t.get("id").asText());
                assertFalse(others.contains(t.get("id").asText()));
                assertTrue(t.get("fromLibrary").asBoolean());
                assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - t.get("targetTempo").asDouble()) <= 2, t.toString());
                assertTrue(songs.add(t.get("songKey").asText()), "no song twice");
                assertTrue(t.get("energy").asDouble() >= 0.5, "energy floor");
                assertTrue(previous == null || t.get("harmonic").asBoolean(), "Camelot-compatible");
                total += t.get("durationMs").asLong();
                previous = t;
            }
            assertTrue(total >= 30 * 60_000);
            assertEquals("library", body.get("summary").get("source").asText());
            assertEquals(body.get("tracks").size(), body.get("summary").get("fromLibrary").asInt());
        }
    }

    @Test
    void mixMarksEachTracksOriginAndCatalogIsOnlyTheCatalog() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        JsonNode mix = answer(handler, event("runner-9", "mix"), 200);
        int fromLibrary = 0;
        for (JsonNode t : mix.get("tracks")) {
            assertEquals(ninesTracks.contains(t.get("id").asText()), t.get("fromLibrary").asBoolean(), t.toString());
            assertFalse(tensTracks.contains(t.get("id").asText()));
            fromLibrary += t.get("fromLibrary").asBoolean() ? 1 : 0;
        }
        assertEquals(fromLibrary, mix.get("summary").get("fromLibrary").asInt());
        assertTrue(fromLibrary > 0);
        JsonNode catalog = answer(handler, event("runner-9", "catalog"), 200);
        assertEquals(0, catalog.get("summary").get("fromLibrary").asInt());
        for (JsonNode t : catalog.get("tracks")) {
            assertFalse(t.get("fromLibrary").asBoolean());
        }
    }

    @Test
    void aBadSourceIs400NamingIt() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        JsonNode error = answer(handler, event("runner-9", "spotify"), 400).get("error");
        assertEquals("source", error.get("field").asText());
    }

    @Test
    void libraryNeedsASignedInRunnerWithALibrary() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        assertEquals("not_signed_in", answer(handler, event(null, null), 401).get("error").get("code").asText());
        JsonNode none = answer(handler, event("runner-without-library", null), 422).get("error");
        assertEquals("no_library", none.get("code").asText());
        assertEquals("source", none.get("field").asText());
        assertTrue(none.get("message").asText().contains("import"), none.toString());
        // Signed out, the default is the catalog.
        APIGatewayV2HTTPEvent anonymous = event(null, null);
        anonymous.setBody(anonymous.getBody().replace("\"source\": \"library\", ", ""));
        assertEquals("catalog", answer(handler, anonymous, 200).get("summary").get("source").asText());
    }

    @Test
    void aLibraryTooSmallForThePlanIs422WithSuggestions() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        JsonNode error = answer(handler, event("runner-tiny", null), 422).get("error");
        assertEquals("no_playlist", error.get("code").asText());
        assertEquals("source", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("too few"), error.toString());
        assertEquals("source", error.get("suggestions").get(0).get("field").asText());
        assertEquals("mix", error.get("suggestions").get(0).get("value").asText());
        assertEquals("options.tempoToleranceBpm", error.get("suggestions").get(1).get("field").asText());
    }

    @Test
    void aReimportIsSeenAndADeletedLibraryIsGone() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        answer(handler, event("runner-tiny", null), 422);
        List<Track> bigger = new ArrayList<>();
        for (JsonNode t : answer(handler, event("runner-10", null), 200).get("tracks")) {
            bigger.add(new Track(t.get("id").asText().substring(1) + "xxxx", t.get("name").asText(), t.get("artist").asText(), "",
                    0, new AudioFeatures(0.1, 0.7, 0.8, 0, 0.1, -5, 0.05, 0.5, t.get("key").asInt(), t.get("mode").asInt(),
                    t.get("tempo").asDouble(), t.get("durationMs").asLong())));
        }
        libraries.delete("runner-tiny");
        assertEquals("no_library", answer(handler, event("runner-tiny", null), 422).get("error").get("code").asText());
        Set<String> reimported = store("runner-tiny", bigger);
        for (JsonNode t : answer(handler, event("runner-tiny", null), 200).get("tracks")) {
            assertTrue(reimported.contains(t.get("id").asText()));
        }
    }
}

package com.runtothebeats.functions.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.aws.TableDefinitions;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.aws.S3BlobStore;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.heartrate.RunnerHeartRate;
import com.runtothebeats.core.pipeline.CatalogSnapshotStore;
import com.runtothebeats.core.pipeline.CurrentCatalog;
import com.runtothebeats.core.pipeline.CurrentTransform;
import com.runtothebeats.core.pipeline.RunId;
import com.runtothebeats.core.pipeline.PipelineKeys;
import com.runtothebeats.lambda.JacksonJsonCodec;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.S3StandIn;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.TemplateTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The function as Lambda builds it (no-argument constructor, configuration from the environment) against
 * DynamoDB Local and the S3 stand-in: real tracks stored by the catalog adapter, the transform stored
 * where the pipeline leaves it, the runner's heart-rate state in the runners table.
 */
class RecommendFunctionStackTest {

    static DynamoDbLocalServer dynamoServer;
    static S3StandIn s3;
    static Map<String, String> env;
    static FeatureTransform storedTransform;
    static AwsClients aws;
    static List<Track> near165;
    static int buckets;

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
                "RUNNERS_TABLE", "runners",
                "DATA_BUCKET", "data",
                "SESSIONS_TABLE", "sessions",
                "BANNED_SONGS_TABLE", "bans"));
        aws = new AwsClients(LambdaEnvironment.of(env));
        DynamoDbClient dynamo = aws.dynamoDb();
        SamTemplate template = SamTemplate.load(templateFile());
        for (SamTemplate.TableDefinition table : template.tables()) {
            if (table.logicalId().equals("TracksTable")) {
                TemplateTables.create(dynamo, table, "tracks");
            }
            if (table.logicalId().equals("BannedSongsTable")) {
                TemplateTables.create(dynamo, table, "bans");
            }
        }
        dynamo.createTable(TableDefinitions.sessions("sessions"));
        dynamo.createTable(r -> r.tableName("runners").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("runnerId").attributeType("S"))
                .keySchema(k -> k.attributeName("runnerId").keyType("HASH")));

        // The tracks a 30-minute run at 165 BPM can use (and their half-time cousins), from the real split.
        Path csv = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../../shared/data"), "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(csv), "the real dataset is needed at " + csv.toAbsolutePath());
        List<Track> all = DatasetTracks.read(csv);
        storedTransform = FeatureTransform.fit("run-1", all.stream().map(Track::features).toList());
        near165 = all.stream().filter(t -> Math.abs(t.tempo() - 165) <= 3 || Math.abs(t.tempo() - 82.5) <= 1.5).toList();
        new DynamoTrackCatalog(dynamo, "tracks").putAll(near165, "run-1");

        JacksonJsonCodec json = new JacksonJsonCodec();
        S3BlobStore data = new S3BlobStore(aws.s3(), "data");
        data.put("transform/run-1/feature-transform.json", json.write(storedTransform), "application/json");
        data.put(PipelineKeys.CURRENT_TRANSFORM, json.write(new CurrentTransform("run-1",
                "transform/run-1/feature-transform.json", "transform/run-1/sequences.jsonl")), "application/json");

        new DynamoRunnerHeartRates(dynamo, "runners").replaceIfVersion("runner-7", RunnerHeartRate.unknown()
                .observe(List.of(new HeartRateSample(Instant.parse("2026-11-24T20:00:00Z"), 153)), RunnerHeartRate.SOURCE_MANUAL), 0);
    }

    @AfterAll
    static void stop() {
        s3.close();
        dynamoServer.close();
    }

    static Path templateFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found");
    }

    /** A session started as the Auth function would, in the sessions table this function reads. */
    private static String signIn(String runnerId) {
        return new SessionCookies(new DynamoSessionStore(aws.dynamoDb(), "sessions"), SessionCookies.DEFAULT_LIFETIME,
                java.time.Clock.systemUTC(), false).issue(runnerId);
    }

    private static APIGatewayV2HTTPEvent request(String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../../events/recommend/recommend.json");
        event.setBody(body);
        return event;
    }

    @Test
    void lambdaConstructedHandlerServesFromTheStoredCatalogAndTransform() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30}"), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        long total = 0;
        for (JsonNode t : body.get("tracks")) {
            assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - 165) <= 2, t.toString());
            total += t.get("durationMs").asLong();
        }
        assertTrue(total >= 30 * 60_000);
        assertEquals(1.0, body.get("summary").get("harmonicShare").asDouble());
        // The flow distances are measured in the stored transform's space.
        assertTrue(handler.service().builder().index().transform().equals(storedTransform));
    }

    @Test
    void currentTargetComesFromTheSignedInRunnersHeartRate() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        String cookie = signIn("runner-7");
        APIGatewayV2HTTPEvent event = request("{\"target\":{\"type\":\"current\"},\"minutes\":20}");
        event.setCookies(List.of(cookie.substring(0, cookie.indexOf(';'))));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        int expected = RunnerHeartRate.unknown().observe(List.of(new HeartRateSample(Instant.parse("2026-11-24T20:00:00Z"), 153)),
                RunnerHeartRate.SOURCE_MANUAL).suggestedTargetTempo();
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals(165, expected, "a heart rate of 153 suggests 165 BPM with the default estimates");
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("current", body.get("target").get("source").asText());
        assertEquals(165.0, body.get("target").get("bpm").asDouble());
        APIGatewayV2HTTPResponse anonymous = handler.handleRequest(request("{\"target\":{\"type\":\"current\"},\"minutes\":20}"), null);
        assertEquals(400, anonymous.getStatusCode());
        assertEquals("target", Json.MAPPER.readTree(anonymous.getBody()).get("error").get("field").asText());
    }

    /** A fresh bucket holding the transform as the pipeline leaves it, plus {@code snapshot} promoted if given. */
    static S3BlobStore bucketWith(List<Track> snapshotTracks) {
        String bucket = "snapshots-" + ++buckets;
        aws.s3().createBucket(b -> b.bucket(bucket));
        S3BlobStore data = new S3BlobStore(aws.s3(), bucket);
        JacksonJsonCodec json = new JacksonJsonCodec();
        data.put("transform/run-1/feature-transform.json", json.write(storedTransform), "application/json");
        data.put(PipelineKeys.CURRENT_TRANSFORM, json.write(new CurrentTransform("run-1",
                "transform/run-1/feature-transform.json", "transform/run-1/sequences.jsonl")), "application/json");
        if (snapshotTracks != null) {
            RunId run = new RunId("run-1");
            new CatalogSnapshotStore(data, json).storeAndPromote(run, CatalogSnapshotStore.encode(run, snapshotTracks,
                    "transform/run-1/feature-transform.json", "run-1"), snapshotTracks.size(), "transform/run-1/feature-transform.json");
        }
        return data;
    }

    static CatalogIndexSource.Catalog load(S3BlobStore data) {
        return new CatalogIndexSource(data, new DynamoTrackCatalog(aws.dynamoDb(), "tracks"), new JacksonJsonCodec()).get();
    }

    @Test
    void thePromotedSnapshotIsTheCatalogAndTheTableIsNotRead() {
        // a snapshot that differs from the table (a third of its tracks) proves where the index came from
        List<Track> third = near165.stream().filter(t -> t.id().hashCode() % 3 == 0).toList();
        CatalogIndexSource.Catalog catalog = load(bucketWith(third));
        assertEquals(third.stream().sorted(java.util.Comparator.comparing(Track::id)).toList(), catalog.tracks());
        assertEquals(storedTransform, catalog.transform().orElseThrow());
        assertEquals("catalog snapshot of run run-1", catalog.source());
    }

    @Test
    void withoutASnapshotTheTableIsReadThroughTheTempoIndex() {
        CatalogIndexSource.Catalog catalog = load(bucketWith(null));
        assertEquals(near165.stream().sorted(java.util.Comparator.comparing(Track::id)).toList(), catalog.tracks());
        assertEquals(storedTransform, catalog.transform().orElseThrow());
        assertEquals("tracks table", catalog.source());
    }

    @Test
    void aPointerToAMissingSnapshotOrAnUnknownSchemaVersionFallsBackToTheTable() {
        S3BlobStore vanished = bucketWith(near165.subList(0, 5));
        vanished.delete("catalog/run-1/catalog.snapshot");
        assertEquals("tracks table", load(vanished).source());

        S3BlobStore newer = bucketWith(near165.subList(0, 5));
        byte[] bytes = newer.get("catalog/run-1/catalog.snapshot").orElseThrow();
        bytes[9] = (byte) (CatalogSnapshotFormat.SCHEMA_VERSION + 1); // a newer schema version, as a newer pipeline would write
        newer.put("catalog/run-1/catalog.snapshot", bytes, "application/octet-stream");
        CatalogIndexSource.Catalog catalog = load(newer);
        assertEquals("tracks table", catalog.source());
        assertEquals(near165.size(), catalog.tracks().size());

        S3BlobStore newerPointer = bucketWith(near165.subList(0, 5));
        newerPointer.put(PipelineKeys.CURRENT_CATALOG, new JacksonJsonCodec().write(new CurrentCatalog("run-1",
                "catalog/run-1/catalog.snapshot", CatalogSnapshotFormat.SCHEMA_VERSION + 1, 5, "transform/run-1/feature-transform.json")), "application/json");
        assertEquals("tracks table", load(newerPointer).source());
    }

    @Test
    void aCorruptSnapshotIsRefusedAndTheFunctionAnswers503UntilItIsReplaced() throws Exception {
        S3BlobStore data = bucketWith(near165);
        byte[] bytes = data.get("catalog/run-1/catalog.snapshot").orElseThrow();
        bytes[bytes.length - 1] ^= 0x01; // the stored checksum: every column still reads, only the checksum can tell
        data.put("catalog/run-1/catalog.snapshot", bytes, "application/octet-stream");

        CatalogUnavailableException refused = assertThrows(CatalogUnavailableException.class, () -> load(data));
        assertTrue(refused.getMessage().contains("catalog/run-1/catalog.snapshot") && refused.getMessage().contains("checksum"),
                refused.getMessage());

        Map<String, String> corruptEnv = new HashMap<>(env);
        corruptEnv.put("DATA_BUCKET", data.bucket());
        RecommendHandler handler = LambdaEnvironment.with(corruptEnv, RecommendHandler::new);
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30}"), null);
        assertEquals(503, response.getStatusCode(), response.getBody());
        assertEquals("catalog_unavailable", Json.MAPPER.readTree(response.getBody()).get("error").get("code").asText());

        // the next pipeline run promotes a good snapshot: the same container recovers on its next request
        RunId run = new RunId("run-2");
        new CatalogSnapshotStore(data, new JacksonJsonCodec()).storeAndPromote(run, CatalogSnapshotStore.encode(run, near165,
                "transform/run-1/feature-transform.json", "run-1"), near165.size(), "transform/run-1/feature-transform.json");
        assertEquals(200, handler.handleRequest(request("{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30}"), null).getStatusCode());
    }

    private static APIGatewayV2HTTPEvent signedIn(String route, String body, boolean csrf) {
        APIGatewayV2HTTPEvent event = request(body);
        event.setRouteKey(route);
        event.getRequestContext().getHttp().setMethod(route.substring(0, route.indexOf(' ')));
        String cookie = signIn("runner-9");
        event.setCookies(List.of(cookie.substring(0, cookie.indexOf(';')), "__Host-beats_csrf=token-1"));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (csrf) {
            headers.put("x-csrf-token", "token-1");
        }
        event.setHeaders(headers);
        return event;
    }

    @Test
    void aBannedSongNeverReturnsForThatRunnerUntilTheBanIsUndone() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        String run = "{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30}";
        JsonNode first = Json.MAPPER.readTree(handler.handleRequest(signedIn("POST /api/recommendations", run, true), null).getBody());
        JsonNode banned = first.get("tracks").get(0);

        assertEquals(403, handler.handleRequest(signedIn("POST /api/bans", "{\"trackId\":\"" + banned.get("id").asText() + "\"}", false), null)
                .getStatusCode(), "a ban without the CSRF header is refused");
        APIGatewayV2HTTPEvent anonymous = request("{\"trackId\":\"" + banned.get("id").asText() + "\"}");
        anonymous.setRouteKey("POST /api/bans");
        assertEquals(401, handler.handleRequest(anonymous, null).getStatusCode());
        assertEquals(400, handler.handleRequest(signedIn("POST /api/bans", "{\"trackId\":\"nope\"}", true), null).getStatusCode());

        APIGatewayV2HTTPResponse ban = handler.handleRequest(signedIn("POST /api/bans", "{\"trackId\":\"" + banned.get("id").asText() + "\"}", true), null);
        assertEquals(201, ban.getStatusCode(), ban.getBody());
        assertEquals(banned.get("songKey").asText(), Json.MAPPER.readTree(ban.getBody()).get("songKey").asText());
        JsonNode listed = Json.MAPPER.readTree(handler.handleRequest(signedIn("GET /api/bans", null, false), null).getBody());
        assertEquals(banned.get("songKey").asText(), listed.get("bans").get(0).get("songKey").asText());
        assertEquals(banned.get("name").asText(), listed.get("bans").get(0).get("name").asText());

        for (String bpm : List.of("165", "164", "166")) {
            JsonNode again = Json.MAPPER.readTree(handler.handleRequest(signedIn("POST /api/recommendations",
                    "{\"target\":{\"type\":\"tempo\",\"bpm\":" + bpm + "},\"minutes\":30}", true), null).getBody());
            for (JsonNode t : again.get("tracks")) {
                assertTrue(!t.get("songKey").asText().equals(banned.get("songKey").asText()), "banned song returned at " + bpm);
            }
        }
        // Another runner (no session here) still gets it when it is the best start.
        JsonNode other = Json.MAPPER.readTree(handler.handleRequest(request(run), null).getBody());
        assertEquals(banned.get("id").asText(), other.get("tracks").get(0).get("id").asText());

        APIGatewayV2HTTPEvent undo = signedIn("DELETE /api/bans", null, true);
        undo.setQueryStringParameters(Map.of("songKey", banned.get("songKey").asText()));
        JsonNode undone = Json.MAPPER.readTree(handler.handleRequest(undo, null).getBody());
        assertTrue(undone.get("removed").asBoolean());
        assertEquals(0, Json.MAPPER.readTree(handler.handleRequest(signedIn("GET /api/bans", null, false), null).getBody()).get("bans").size());
    }

    @Test
    void alternativesKeepTheSlotsTempoAndKeyWithBothNeighbours() throws Exception {
        RecommendHandler handler = LambdaEnvironment.with(env, RecommendHandler::new);
        String run = "{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30}";
        JsonNode playlist = Json.MAPPER.readTree(handler.handleRequest(request(run), null).getBody());
        StringBuilder ids = new StringBuilder();
        for (JsonNode t : playlist.get("tracks")) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(t.get("id").asText()).append('"');
        }
        APIGatewayV2HTTPEvent event = request("{\"request\":" + run + ",\"trackIds\":[" + ids + "],\"position\":2,\"limit\":3}");
        event.setRouteKey("POST /api/recommendations/alternatives");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals(2, body.get("position").asInt());
        assertTrue(body.get("alternatives").size() > 0 && body.get("alternatives").size() <= 3);
        for (JsonNode a : body.get("alternatives")) {
            JsonNode t = a.get("track");
            assertTrue(Math.abs(t.get("effectiveTempo").asDouble() - 165) <= 2);
            JsonNode edited = a.get("playlist").get("tracks");
            assertEquals(t.get("id").asText(), edited.get(2).get("id").asText());
            assertTrue(edited.get(2).get("harmonic").asBoolean() && edited.get(3).get("harmonic").asBoolean());
        }
        APIGatewayV2HTTPEvent bad = request("{\"request\":" + run + ",\"trackIds\":[" + ids + "],\"position\":99}");
        bad.setRouteKey("POST /api/recommendations/alternatives");
        APIGatewayV2HTTPResponse refused = handler.handleRequest(bad, null);
        assertEquals(400, refused.getStatusCode());
        assertEquals("position", Json.MAPPER.readTree(refused.getBody()).get("error").get("field").asText());
    }
}

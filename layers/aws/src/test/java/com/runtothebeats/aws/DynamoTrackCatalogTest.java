package com.runtothebeats.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against DynamoDB Local, with the tracks table created from template.yaml. */
class DynamoTrackCatalogTest {

    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();
    static DynamoDbClient dynamo;
    String table;
    DynamoTrackCatalog catalog;

    @BeforeAll
    static void start() {
        dynamo = new AwsClients(LambdaEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.server().endpoint().toString(),
                "AWS_REGION", DynamoDbLocalServer.REGION,
                "AWS_ACCESS_KEY_ID", DynamoDbLocalServer.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", DynamoDbLocalServer.SECRET_ACCESS_KEY))).dynamoDb();
    }

    @BeforeEach
    void freshTable() {
        table = DYNAMO.table("TracksTable");
        catalog = new DynamoTrackCatalog(dynamo, table);
    }

    static Track track(String id, double tempo, int key, int mode) {
        return new Track(id, "Song " + id, "Artist", "", 50,
                new AudioFeatures(0.102, 0.748, 0.916, 2.33e-5, 0.0653, -2.634, 0.0583, 0.518, key, mode, tempo, 194_754));
    }

    @Test
    void storesEveryTrackAcrossManyBatchesAndReadsThemBack() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            tracks.add(track("t" + i, 80 + i * 0.73, i % 12, i % 2));
        }
        catalog.putAll(tracks, "run-1");
        List<Track> all = catalog.all();
        assertEquals(137, all.size());
        assertEquals(tracks.stream().sorted(java.util.Comparator.comparing(Track::id)).toList(), all);
        assertEquals(Optional.of(tracks.get(42)), catalog.find("t42"));
        assertEquals(Optional.empty(), catalog.find("missing"));
    }

    @Test
    void detailsRoundTripAndUnknownOnesStayAbsent() {
        Track known = new Track("known", "Waltz", "Artist", "Album", 40, track("x", 165, 0, 1).features(),
                new TrackDetails(2011, true, "3/4", 82.5));
        Track unknown = track("unknown", 150, 1, 0);
        catalog.putAll(List.of(known, unknown), "run-8");
        assertEquals(Optional.of(known), catalog.find("known"));
        assertEquals(Optional.of(unknown), catalog.find("unknown"));
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("trackId", AttributeValue.fromS("unknown")))).item();
        assertFalse(item.containsKey("releaseYear") || item.containsKey("explicit") || item.containsKey("timeSignature"));
    }

    @Test
    void allReadsEveryTempoBandFromTheSlowestToTheFastestStorableTempo() {
        List<Track> tracks = List.of(track("slowest", 0.5, 1, 0), track("band-zero-edge", 0.999, 2, 1),
                track("fastest", 300.0, 3, 1), track("just-below", 299.999, 4, 0), track("mid", 170.0, 5, 1));
        catalog.putAll(tracks, "run-1");
        assertEquals(tracks.stream().sorted(java.util.Comparator.comparing(Track::id)).toList(), catalog.all());
    }

    @Test
    void anItemCarriesTheContractAttributes() {
        catalog.putAll(List.of(track("c-major", 122.036, 0, 1), track("a-minor", 99.5, 9, 0)), "run-7");
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("trackId", AttributeValue.fromS("c-major")))).item();
        assertEquals("8B", item.get("camelot").s());
        assertEquals("0", item.get("fifths").n());
        assertEquals("122", item.get("tempoBand").n());
        assertEquals("122.036", item.get("tempo").n());
        assertEquals("0.0000233", item.get("instrumentalness").n());
        assertEquals("run-7", item.get("transformVersion").s());
        assertEquals("run-7", item.get("runId").s());
        assertEquals("", item.get("album").s());
        assertEquals("8A", dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("trackId", AttributeValue.fromS("a-minor")))).item().get("camelot").s());
    }

    @Test
    void findsATempoRangeThroughTheIndexWithExactEdges() {
        double[] tempos = {119.999, 120.0, 120.5, 121.0, 123.25, 127.999, 128.0, 128.5, 60.0, 240.0};
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < tempos.length; i++) {
            tracks.add(track("tempo-" + i, tempos[i], 5, 1));
        }
        catalog.putAll(tracks, "run-1");
        List<Double> found = catalog.findByTempo(120.0, 128.0).stream().map(Track::tempo).toList();
        assertEquals(List.of(120.0, 120.5, 121.0, 123.25, 127.999), found);
        assertEquals(List.of(120.5, 121.0), catalog.findByTempo(120.2, 121.0001).stream().map(Track::tempo).toList());
        assertEquals(List.of(), catalog.findByTempo(130, 130));
        assertEquals(List.of(240.0), catalog.findByTempo(239.5, 241).stream().map(Track::tempo).toList());
    }

    @Test
    void writingTheSameTracksAgainChangesNothing() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tracks.add(track("r" + i, 100 + i, i % 12, 1));
        }
        catalog.putAll(tracks, "run-1");
        catalog.putAll(tracks, "run-1");
        // The same id twice in one call is one item, not a rejected batch.
        catalog.putAll(List.of(tracks.get(0), tracks.get(0)), "run-1");
        assertEquals(30, catalog.all().size());
        assertEquals(30, dynamo.scan(b -> b.tableName(table).select("COUNT")).count());
    }

    @Test
    void backoffGrowsWithEachAttemptAndStaysCapped() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(DynamoBatchWrites.MAX_BACKOFF_MS, DynamoBatchWrites.FIRST_BACKOFF_MS << (attempt - 1));
            long wait = DynamoBatchWrites.backoff(attempt);
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + " waited " + wait);
        }
    }
}

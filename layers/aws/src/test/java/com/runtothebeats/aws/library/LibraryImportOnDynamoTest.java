package com.runtothebeats.aws.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.runtothebeats.aws.DynamoTrackCatalog;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.library.BatchFeatureLookup;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.ImportQueue;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.core.library.LibraryImportWorker;
import com.runtothebeats.core.library.LibraryImports;
import com.runtothebeats.core.library.LibraryScan;
import com.runtothebeats.core.library.LibraryStatus;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.MusicLibrary;
import com.runtothebeats.core.library.SongSearch;
import com.runtothebeats.core.library.TrackListing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The import worker on the real stores (DynamoDB Local: the libraries table and the shared tracks table), with
 * the providers replaced by fakes that count what they are asked (the providers themselves are tested against
 * WireMock).
 */
class LibraryImportOnDynamoTest {

    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");

    AmazonDynamoDBLocal local;
    DynamoDbClient dynamo;
    DynamoRunnerLibraries libraries;
    DynamoTrackFeatureCache cache;
    Map<String, List<TrackListing>> libraryOf = new HashMap<>();
    List<List<String>> batchCalls = new ArrayList<>();
    List<String> songSearches = new ArrayList<>();
    int failBatchCall = -1;
    List<String> queued = new ArrayList<>();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "LibrariesTable", "libraries");
        TemplateTables.createProjectTable(dynamo, "TracksTable", "tracks");
        libraries = new DynamoRunnerLibraries(dynamo, "libraries");
        cache = new DynamoTrackFeatureCache(dynamo, "tracks");
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    /** Tracks "t<i>": multiples of 10 unknown to the batch lookup; of those, multiples of 20 found by the song search. */
    static List<TrackListing> tracks(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new TrackListing(String.format("t%021d", i), "Song " + i,
                List.of("Artist " + i), "Album", 180_000 + i)).toList();
    }

    static int number(String id) {
        return Integer.parseInt(id.substring(1));
    }

    LibraryImportWorker worker() {
        MusicLibrary library = runnerId -> new LibraryScan(libraryOf.get(runnerId), 2, 1, 3);
        BatchFeatureLookup batch = new BatchFeatureLookup() {
            @Override
            public int maxBatch() {
                return 40;
            }

            @Override
            public Map<String, AudioFeatures> features(List<String> ids) {
                if (batchCalls.size() == failBatchCall) {
                    failBatchCall = -1;
                    throw new IllegalStateException("the worker's container died here");
                }
                batchCalls.add(ids);
                Map<String, AudioFeatures> found = new LinkedHashMap<>();
                for (String id : ids) {
                    int n = number(id);
                    if (n % 10 != 0) {
                        found.put(id, new AudioFeatures(0.1, 0.7, 0.8, 0.0, 0.1, -5, 0.05, 0.6, n % 12, n % 2, 120 + n % 60, 0));
                    }
                }
                return found;
            }
        };
        SongSearch songs = listing -> {
            songSearches.add(listing.id());
            return number(listing.id()) % 20 == 0 ? Optional.of(AudioFeatures.tempoAndKey(170, 9, 0, 0)) : Optional.empty();
        };
        return new LibraryImportWorker(library, batch, songs, cache, libraries, clock);
    }

    LibraryImports imports() {
        ImportQueue queue = (runnerId, importId) -> queued.add(runnerId + "/" + importId);
        return new LibraryImports(libraries, queue, clock);
    }

    String importFor(String runnerId) {
        return imports().start(runnerId).importId();
    }

    @Test
    void everyTrackIsStoredWithItsSourceAndTheCountsAddUp() {
        libraryOf.put("ada", tracks(1, 101));
        String importId = importFor("ada");

        assertTrue(worker().run("ada", importId).done());

        LibraryImportState state = libraries.state("ada").orElseThrow();
        assertEquals(LibraryStatus.DONE, state.status());
        assertEquals(100, state.tracks());
        assertEquals(Map.of(FeatureSource.RECCOBEATS, 90, FeatureSource.GETSONGBPM, 5, FeatureSource.NONE, 5), state.sources());
        assertEquals(95, state.withTempo());
        assertEquals(1, state.playlistsSkipped());
        assertEquals(100, state.done());
        assertEquals(List.of(40, 40, 20), batchCalls.stream().map(List::size).toList());
        assertEquals(10, songSearches.size(), "only what the batch lookup lacked is searched by title");
        List<LibraryTrack> stored = libraries.tracks("ada");
        assertEquals(100, stored.size());
        LibraryTrack byTitle = stored.stream().filter(t -> t.id().equals(String.format("t%021d", 20))).findFirst().orElseThrow();
        assertEquals(FeatureSource.GETSONGBPM, byTitle.source());
        assertEquals(170, byTitle.features().tempo());
        assertFalse(byTitle.features().hasFlowFeatures(), "unknown flow features stay unknown, not zero");
        assertEquals(180_020, byTitle.asTrack().orElseThrow().durationMs(), "the duration is Spotify's");
    }

    @Test
    void aTrackKnownForOneRunnerCostsTheNextNothing() {
        libraryOf.put("ada", tracks(1, 81));
        worker().run("ada", importFor("ada"));
        batchCalls.clear();
        songSearches.clear();
        libraryOf.put("ben", tracks(41, 121));

        worker().run("ben", importFor("ben"));

        assertEquals(List.of(40), batchCalls.stream().map(List::size).toList(), "only t81..t120 are asked for");
        assertTrue(batchCalls.get(0).stream().allMatch(id -> number(id) > 80));
        assertTrue(songSearches.stream().allMatch(id -> number(id) > 80));
        assertEquals(80, libraries.state("ben").orElseThrow().tracks());
        assertEquals(80, libraries.tracks("ada").size(), "ada's library is her own");
    }

    @Test
    void anImportThatCrashedMidwayResumesWithNothingLostOrDuplicated() {
        libraryOf.put("ada", tracks(1, 161));
        String importId = importFor("ada");
        failBatchCall = 2;

        assertThrows(IllegalStateException.class, () -> worker().run("ada", importId));
        LibraryImportState midway = libraries.state("ada").orElseThrow();
        assertEquals(LibraryStatus.RUNNING, midway.status());
        assertEquals(80, midway.done());
        assertEquals(160, midway.total());

        assertTrue(worker().run("ada", importId).done(), "the queue delivers the same import again");

        assertEquals(4, batchCalls.size(), "two batches before the crash, the two left after it: none asked twice");
        assertEquals(160, libraries.tracks("ada").size());
        assertEquals(160, libraries.state("ada").orElseThrow().tracks());
        assertEquals(144, libraries.state("ada").orElseThrow().sources().get(FeatureSource.RECCOBEATS));
    }

    @Test
    void aReimportForgetsTracksTheLibraryNoLongerHolds() {
        libraryOf.put("ada", tracks(1, 61));
        worker().run("ada", importFor("ada"));
        libraryOf.put("ada", tracks(31, 71));
        batchCalls.clear();

        worker().run("ada", importFor("ada"));

        assertEquals(40, libraries.tracks("ada").size());
        assertEquals(List.of(10), batchCalls.stream().map(List::size).toList());
    }

    @Test
    void whileAnImportRunsStartingAgainAnswersWithIt() {
        String first = importFor("ada");
        String again = importFor("ada");

        assertEquals(first, again);
        assertEquals(1, queued.size());
        assertEquals(LibraryStatus.RUNNING, libraries.state("ada").orElseThrow().status());
    }

    @Test
    void aStalledImportIsReplacedByANewOne() {
        String first = imports().start("ada").importId();
        Clock later = Clock.fixed(NOW.plus(LibraryImportState.STALLED_AFTER).plus(Duration.ofMinutes(1)), ZoneOffset.UTC);

        String second = new LibraryImports(libraries, (r, i) -> queued.add(i), later).start("ada").importId();

        assertNotEquals(first, second);
        libraryOf.put("ada", tracks(1, 3));
        assertFalse(worker().run("ada", first).done(), "the stalled worker, if it wakes, writes nothing");
    }

    @Test
    void deleteForgetsTheLibraryAndALateWorkerWritesNothing() {
        libraryOf.put("ada", tracks(1, 41));
        worker().run("ada", importFor("ada"));
        libraryOf.put("ada", tracks(1, 81));
        String running = importFor("ada");

        imports().delete("ada");

        assertEquals(Optional.empty(), libraries.state("ada"));
        assertEquals(List.of(), libraries.tracks("ada"));
        assertFalse(worker().run("ada", running).done());
        assertEquals(List.of(), libraries.tracks("ada"));
    }

    @Test
    void aQueueThatRefusesTheImportLeavesItFailedNotRunning() {
        LibraryImports refusing = new LibraryImports(libraries, (r, i) -> {
            throw new IllegalStateException("queue down");
        }, clock);

        assertThrows(IllegalStateException.class, () -> refusing.start("ada"));

        assertEquals(LibraryStatus.FAILED, libraries.state("ada").orElseThrow().status());
        assertNotEquals(libraries.state("ada").orElseThrow().importId(), importFor("ada"), "a new import may start at once");
    }

    @Test
    void cacheItemsStayOutOfTheCatalog() {
        libraryOf.put("ada", tracks(1, 11));
        worker().run("ada", importFor("ada"));

        assertEquals(List.of(), new DynamoTrackCatalog(dynamo, "tracks").all());
        assertEquals(10, cache.find(tracks(1, 11).stream().map(TrackListing::id).toList()).size());
    }
}

package com.runtothebeats.core.playlist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshot;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat;
import com.runtothebeats.core.catalog.snapshot.SnapshotTracks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An index built straight from a snapshot's columns (song keys read, not worked out; ids already in order; no
 * track kept as an object) is the index built from the same tracks as objects, value for value.
 */
class TempoIndexFromSnapshotTest {

    static List<Track> real;
    static FeatureTransform transform;

    @BeforeAll
    static void readDataset() {
        real = DatasetTracks.read(RealCatalog.csv());
        transform = FeatureTransform.fit("test", real.stream().map(Track::features).toList());
    }

    static CatalogSnapshot roundTrip(List<Track> tracks, int version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogSnapshotFormat.write(new CatalogSnapshot(new CatalogSnapshot.Header(version, "run-1", "transform.json", "test",
                tracks.size()), tracks), out);
        return CatalogSnapshotFormat.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void theIndexOfASnapshotsColumnsIsTheIndexOfItsTracks() {
        for (int version : new int[] {CatalogSnapshotFormat.OLDEST_READ, CatalogSnapshotFormat.SCHEMA_VERSION}) {
            CatalogSnapshot snapshot = roundTrip(real, version);
            assertInstanceOf(SnapshotTracks.class, snapshot.tracks(), "a read snapshot's tracks stay columns");
            TempoIndex fromColumns = TempoIndex.build(snapshot.tracks(), snapshot.songKeys(), transform);
            List<Track> byId = new ArrayList<>(real);
            byId.sort(Comparator.comparing(Track::id));
            TempoIndex fromTracks = TempoIndex.build(byId, transform);
            assertSameIndex(fromTracks, fromColumns, "version " + version);
        }
    }

    @Test
    void tracksWithoutATempoAreLeftOutOfASnapshotsIndexToo() {
        List<Track> some = new ArrayList<>(real.subList(0, 3000));
        Track first = some.get(0);
        some.set(0, new Track(first.id(), first.name(), first.artist(), first.album(), first.popularity(),
                com.runtothebeats.core.catalog.AudioFeatures.tempoAndKey(0, 5, 1, 200_000), first.albumId(), first.details()));
        CatalogSnapshot snapshot = roundTrip(some, CatalogSnapshotFormat.SCHEMA_VERSION);
        TempoIndex fromColumns = TempoIndex.build(snapshot.tracks(), snapshot.songKeys(), transform);
        some.sort(Comparator.comparing(Track::id));
        assertSameIndex(TempoIndex.build(some, transform), fromColumns, "one track without a tempo");
        assertEquals(2999, fromColumns.size());
    }

    static void assertSameIndex(TempoIndex expected, TempoIndex actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        assertEquals(expected.tracks(), actual.tracks(), what);
        assertEquals(expected.genres().labels(), actual.genres().labels(), what);
        assertEquals(expected.maxDurationMs(), actual.maxDurationMs(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.tempo(i), actual.tempo(i), what);
            assertEquals(expected.durationMs(i), actual.durationMs(i), what);
            assertEquals(expected.key(i), actual.key(i), what);
            assertEquals(expected.song(i), actual.song(i), what + ": song of " + i);
            assertEquals(expected.allowedFactors(i), actual.allowedFactors(i), what);
            assertEquals(expected.genres().mask(i), actual.genres().mask(i), what);
            assertArrayEquals(expected.vector(i), actual.vector(i), what);
            assertEquals(i, actual.indexOf(expected.track(i).id()).getAsInt(), what);
            // artists are numbered differently; what matters is which tracks share one, and the lookup by name
            String primary = expected.track(i).songKey().primaryArtist();
            assertEquals(expected.artistId(primary) == expected.artist(i), actual.artistId(primary) == actual.artist(i), what);
        }
        Random random = new Random(5);
        for (int probe = 0; probe < 2000; probe++) {
            int a = random.nextInt(expected.size());
            int b = random.nextInt(expected.size());
            assertEquals(expected.artist(a) == expected.artist(b), actual.artist(a) == actual.artist(b), what + ": artists of " + a + ", " + b);
        }
        for (int k = 0; k < TempoIndex.KEYS; k++) {
            assertArrayEquals(expected.ordered(k), actual.ordered(k), what + ": key " + k);
        }
        assertEquals(-1, actual.artistId("no such artist"));
        assertEquals(true, actual.indexOf("not-a-track").isEmpty());
    }

    @Test
    void theTempoSortIsStableAndByTempo() {
        Random random = new Random(11);
        double[] tempo = new double[5000];
        for (int i = 0; i < tempo.length; i++) {
            tempo[i] = 60 + random.nextInt(40) * 2.5; // many ties
        }
        int[] order = new int[3001];
        for (int i = 0; i < order.length; i++) {
            order[i] = i; // ascending indices, as the index fills them
        }
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.<Integer>comparingDouble(i -> tempo[i]).thenComparingInt(i -> i));
        assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), TempoOrder.sortStable(order, tempo));
        assertArrayEquals(new int[0], TempoOrder.sortStable(new int[0], tempo));
        assertArrayEquals(new int[] {7}, TempoOrder.sortStable(new int[] {7}, tempo));
    }
}

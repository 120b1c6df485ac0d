package com.runtothebeats.core.catalog.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogSnapshotFormatTest {

    static List<Track> real;

    @BeforeAll
    static void readDataset() {
        Path csv = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../../shared/data"), "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(csv), "the real dataset is needed at " + csv.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        real = DatasetTracks.read(csv);
    }

    static byte[] encode(List<Track> tracks) {
        return encode(tracks, CatalogSnapshotFormat.SCHEMA_VERSION);
    }

    static byte[] encode(List<Track> tracks, int version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogSnapshotFormat.write(new CatalogSnapshot(new CatalogSnapshot.Header(version,
                "run-1", "transform/run-1/feature-transform.json", "run-1", tracks.size()), tracks), out);
        return out.toByteArray();
    }

    static CatalogSnapshot decode(byte[] bytes) {
        return CatalogSnapshotFormat.read(new ByteArrayInputStream(bytes));
    }

    static List<Track> byId(List<Track> tracks) {
        List<Track> sorted = new ArrayList<>(tracks);
        sorted.sort(Comparator.comparing(Track::id));
        return sorted;
    }

    @Test
    void everyFieldOfEveryRealTrackReadsBackIdentical() {
        byte[] bytes = encode(real);
        CatalogSnapshot back = decode(bytes);

        assertEquals(new CatalogSnapshot.Header(CatalogSnapshotFormat.SCHEMA_VERSION, "run-1", "transform/run-1/feature-transform.json", "run-1", real.size()), back.header());
        List<Track> expected = byId(real);
        assertEquals(expected.size(), back.tracks().size());
        for (int i = 0; i < expected.size(); i++) {
            // records compare doubles bit for bit (Double.compare), so this is every field, exactly
            assertEquals(expected.get(i), back.tracks().get(i), "track " + i);
        }
        // ~171 bytes a track (~25 the album id, which is nearly as distinct as the track id; ~22 the song keys of
        // version 4, less the ~14 that dictionary numbers of 1-2 bytes save; 163 as version 3):
        // every feature of the dataset fits a scaled 32-bit decimal (float64 would add 36)
        assertTrue(back.tracks().stream().anyMatch(t -> t.details().releaseYear() != null), "release years are kept");
        assertTrue(back.tracks().stream().anyMatch(t -> t.details().genres().size() > 1), "genres are kept");
        assertTrue(bytes.length < real.size() * 175, bytes.length + " bytes for " + real.size() + " tracks");
    }

    @Test
    void everyTracksSongKeyIsStoredAndReadsBackAsItsOwn() {
        CatalogSnapshot back = decode(encode(real));
        List<Track> expected = byId(real);
        assertEquals(expected.size(), back.songKeys().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(SongKey.of(expected.get(i)), back.songKeys().get(i), "track " + i);
        }
    }

    @Test
    void aVersion3SnapshotIsStillReadEveryFieldIdenticalAndItsSongKeysWorkedOut() {
        byte[] bytes = encode(real, 3);
        assertEquals(3, bytes[9], "the u16 after the magic is the version written");
        CatalogSnapshot back = decode(bytes);
        assertEquals(3, back.header().schemaVersion());
        List<Track> expected = byId(real);
        assertEquals(expected, back.tracks());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(SongKey.of(expected.get(i)), back.songKeys().get(i), "track " + i);
        }
    }

    @Test
    void dictionariesOfEveryNumberWidthRoundTrip() {
        // 70,000 names (4-byte numbers), 300 artists (2), 7 albums (1), on both sides of each width's limit
        assertEquals(1, CatalogSnapshotFormat.numberBytes(4, 256));
        assertEquals(2, CatalogSnapshotFormat.numberBytes(4, 257));
        assertEquals(2, CatalogSnapshotFormat.numberBytes(4, 65_536));
        assertEquals(4, CatalogSnapshotFormat.numberBytes(4, 65_537));
        assertEquals(4, CatalogSnapshotFormat.numberBytes(3, 2));
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            Track base = real.get(i % real.size());
            tracks.add(new Track(String.format("w%06d", i), "Title " + i, "Artist " + (i % 300), "Album " + (i % 7),
                    base.popularity(), base.features(), "", base.details()));
        }
        CatalogSnapshot back = decode(encode(tracks));
        assertEquals(tracks, back.tracks());
        assertEquals(tracks.stream().map(SongKey::of).toList(), back.songKeys());
    }

    @Test
    void aVersionThisCodeDoesNotReadIsNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> encode(real.subList(0, 3), CatalogSnapshotFormat.OLDEST_READ - 1));
        assertThrows(IllegalArgumentException.class, () -> encode(real.subList(0, 3), CatalogSnapshotFormat.SCHEMA_VERSION + 1));
    }

    @Test
    void valuesNoDecimalFitsAndOddTextReadBackIdentical() {
        Random random = new Random(7);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            AudioFeatures f = new AudioFeatures(random.nextDouble(), i == 0 ? -0.0 : 0.5, Math.PI / (i + 1), 1e-12 * i,
                    0.1 + 0.2, -60.0 + random.nextDouble(), Double.MIN_VALUE * i, 1.0 / 3, i % 12, i % 2,
                    60 + random.nextDouble() * 180, i == 1 ? 5_000_000_000L : 180_000 + i);
            tracks.add(new Track(String.format("id%05d", 299 - i), i == 2 ? "" : "Café 🎵 " + i + " \u0000nul",
                    i % 3 == 0 ? "Björk" : "日本語の歌手", i % 5 == 0 ? "" : "Album " + (i % 7), i == 3 ? 1000 : i % 101, f,
                    new TrackDetails(i % 4 == 0 ? null : 1950 + i % 70, i % 3 == 0 ? null : i % 3 == 1,
                            i % 5 == 0 ? "3/4" : i % 5 == 1 ? "6/8" : null, i % 6 == 0 ? null : 80 + random.nextDouble() * 100)));
        }
        for (int version = CatalogSnapshotFormat.OLDEST_READ; version <= CatalogSnapshotFormat.SCHEMA_VERSION; version++) {
            CatalogSnapshot back = decode(encode(tracks, version));
            assertEquals(byId(tracks), back.tracks(), "version " + version);
            assertEquals(byId(tracks).stream().map(SongKey::of).toList(), back.songKeys(), "version " + version);
        }
    }

    @Test
    void theSameTracksInAnyOrderGiveTheSameBytes() {
        List<Track> shuffled = new ArrayList<>(real);
        Collections.shuffle(shuffled, new Random(3));
        assertArrayEquals(encode(real), encode(shuffled));
    }

    @Test
    void anEmptyCatalogRoundTrips() {
        assertEquals(List.of(), decode(encode(List.of())).tracks());
    }

    @Test
    void aTrackIdTwiceIsRefusedWhenWriting() {
        assertThrows(IllegalArgumentException.class, () -> encode(List.of(real.get(0), real.get(0))));
    }

    @Test
    void aFlippedBitAnywhereIsDetected() {
        byte[] good = encode(real.subList(0, 2000));
        // header, header columns, string data, dictionary numbers, features, the checksum itself
        for (int position : new int[] {20, 60, 200, good.length / 3, good.length / 2, good.length - 100, good.length - 2}) {
            byte[] bad = good.clone();
            bad[position] ^= 0x10;
            assertThrows(CorruptSnapshotException.class, () -> decode(bad), "byte " + position);
        }
    }

    @Test
    void aTruncatedSnapshotIsCorruptNotShort() {
        byte[] good = encode(real.subList(0, 2000));
        for (int length : new int[] {0, 5, 12, 40, good.length / 2, good.length - 4, good.length - 1}) {
            assertThrows(CorruptSnapshotException.class, () -> decode(Arrays.copyOf(good, length)), "length " + length);
        }
    }

    @Test
    void bytesAfterTheChecksumAreCorrupt() {
        byte[] good = encode(real.subList(0, 10));
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> decode(Arrays.copyOf(good, good.length + 1)));
        assertTrue(e.getMessage().contains("after its checksum"), e.getMessage());
    }

    @Test
    void somethingElseEntirelyIsNotASnapshot() {
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                () -> decode("{\"runId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not a catalog snapshot"), e.getMessage());
    }

    @Test
    void anotherSchemaVersionIsUnsupportedNotCorrupt() {
        byte[] newer = encode(real.subList(0, 10));
        newer[9] = (byte) (CatalogSnapshotFormat.SCHEMA_VERSION + 1); // the u16 after the 8-byte magic
        UnsupportedSnapshotVersionException e = assertThrows(UnsupportedSnapshotVersionException.class, () -> decode(newer));
        assertEquals(CatalogSnapshotFormat.SCHEMA_VERSION + 1, e.version());
    }
}

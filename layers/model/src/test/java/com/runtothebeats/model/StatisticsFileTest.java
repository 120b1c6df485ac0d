package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.DatasetTracks;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.TempoIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking statistics file the serving side maps ({@link StatisticsFile}, format 2): it reads back exactly what
 * training counted, a model folder of the first format is served with the same scores and rank-next lines before
 * and after its file is rewritten, and a damaged file is refused.
 */
class StatisticsFileTest {

    private static TempoIndex index;

    @BeforeAll
    static void catalog() {
        List<Track> tracks = DatasetTracks.read(RealPlaylists.file());
        index = TempoIndex.build(tracks, FeatureTransform.fit("catalog", tracks.stream().map(Track::features).toList()));
    }

    @Test
    void formatTwoReadsBackWhatTrainingCounted(@TempDir Path dir) {
        PlaylistStatistics counted = FixtureModel.ranking().model().statistics();
        Path file = dir.resolve(RankingArtifacts.STATISTICS_FILE);
        StatisticsFile.write(counted, file);
        PlaylistStatistics read = StatisticsFile.read(file);
        assertSame(counted, read);
        Set<String> ids = new LinkedHashSet<>();
        for (PlaylistSequence p : FixtureModel.fixture()) {
            for (Track t : p.tracks()) {
                ids.add(t.id());
                ids.add(t.artist());
                ids.add(t.albumKey());
            }
        }
        ids.addAll(List.of("", "never-seen", "Ünïcode ārtist", "rock"));
        for (String id : ids) {
            assertEquals(counted.tracks.of(id), read.tracks.of(id), id);
            assertEquals(counted.artists.of(id), read.artists.of(id), id);
            assertEquals(counted.albums.of(id), read.albums.of(id), id);
        }
        assertTrue(read.tracks.of(FixtureModel.fixture().get(0).tracks().get(0).id()) > 0, "a training track is known");
        assertEquals(PlaylistStatistics.UNKNOWN, read.artists.of("never-seen"));
        assertEquals(PlaylistStatistics.UNKNOWN, read.artists.of(null));
    }

    @Test
    void aFirstFormatFolderIsServedWithTheSameScoresBeforeAndAfterItsFileIsRewritten(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("model");
        ModelArtifacts.save(FixtureModel.trained(), FixtureModel.ranking(), new ModelArtifacts.Provenance("run", "t", "s"), folder);
        Path file = folder.resolve(RankingArtifacts.STATISTICS_FILE);
        assertEquals(StatisticsFile.FORMAT, formatOf(file), "training writes the mapped format");
        double[] mapped = searchScores(ModelArtifacts.loadPlainRanking(folder).orElseThrow());
        List<String> mappedLines = rankNext(folder);

        writeFirstFormat(StatisticsFile.read(file), file);
        Files.delete(folder.resolve(RankingArtifacts.WEIGHTS_FILE)); // as a folder trained before the plain weights
        assertEquals(StatisticsFile.LEGACY_FORMAT, formatOf(file));
        List<String> firstFormatLines = rankNext(folder);
        assertEquals(StatisticsFile.LEGACY_FORMAT, formatOf(file), "the engine's load (rank-next, evaluate) only reads");
        double[] firstFormat = searchScores(ModelArtifacts.loadPlainRanking(folder).orElseThrow());
        assertEquals(StatisticsFile.FORMAT, formatOf(file), "serving rewrites the cached folder's file once");
        double[] rewritten = searchScores(ModelArtifacts.loadPlainRanking(folder).orElseThrow());

        assertArrayEquals(mapped, firstFormat, "scores from the first format");
        assertArrayEquals(mapped, rewritten, "scores from the rewritten file");
        assertEquals(mappedLines, firstFormatLines);
        assertTrue(mappedLines.size() > 100 && mappedLines.get(0).contains("\"ranked\""), mappedLines.get(0));
    }

    @Test
    void aDamagedFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RankingArtifacts.STATISTICS_FILE);
        StatisticsFile.write(FixtureModel.ranking().model().statistics(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(file, bytes);
        IllegalStateException flipped = assertThrows(IllegalStateException.class, () -> StatisticsFile.read(file));
        assertTrue(flipped.getMessage().contains("checksum"), flipped.getMessage());
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        assertThrows(IllegalStateException.class, () -> StatisticsFile.read(file));
        bytes[3] = 9;
        Files.write(file, bytes);
        IllegalStateException format = assertThrows(IllegalStateException.class, () -> StatisticsFile.read(file));
        assertTrue(format.getMessage().contains("format 9"), format.getMessage());
    }

    /** Every 50th catalog track's score after three played tracks, with and without a genre asked for. */
    private static double[] searchScores(PlainRankingModel model) {
        RankingScorer scorer = RankingScorer.prepare(model, index);
        List<Double> out = new ArrayList<>();
        for (String genre : new String[] {null, "rock"}) {
            NextTrackScorer.Context context = scorer.start(genre);
            for (int played : new int[] {7, 4321, 15000}) {
                context = context.then(played);
                for (int t = 0; t < index.size(); t += 50) {
                    out.add(context.score(t));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** rank-next's lines for the first two playlists of the real file, with the folder's ranking model and its engine. */
    private static List<String> rankNext(Path folder) throws IOException {
        List<DatasetRow> rows;
        try (InputStream in = Files.newInputStream(RealPlaylists.file())) {
            rows = PlaylistDatasetCsv.readAll(in).subList(0, 400);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        PlaylistDatasetCsv.write(rows.subList(0, 120), csv);
        DatasetPlaylists data = DatasetPlaylists.read(new ByteArrayInputStream(csv.toByteArray()));
        Set<String> seen = new java.util.HashSet<>();
        List<Track> candidates = rows.stream().map(DatasetRow::toTrack).filter(t -> seen.add(t.id())).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RankingModel model = ModelArtifacts.loadRanking(folder).orElseThrow()) {
            RankNextLines.write(data, candidates, model, 20, new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    private static void assertSame(PlaylistStatistics expected, PlaylistStatistics actual) {
        for (Vocabulary[] v : new Vocabulary[][] {{expected.tracks, actual.tracks}, {expected.artists, actual.artists},
                {expected.albums, actual.albums}, {expected.genres, actual.genres}, {expected.subgenres, actual.subgenres}}) {
            assertArrayEquals(v[0].chars, v[1].chars);
            assertArrayEquals(v[0].ends, v[1].ends);
            assertArrayEquals(v[0].slots, v[1].slots);
        }
        assertArrayEquals(expected.artistPlaylists, actual.artistPlaylists);
        assertArrayEquals(expected.trackPlaylists, actual.trackPlaylists);
        assertArrayEquals(expected.albumPlaylists, actual.albumPlaylists);
        assertArrayEquals(expected.neighbourStart, actual.neighbourStart);
        assertArrayEquals(expected.neighbours, actual.neighbours);
        assertArrayEquals(expected.neighbourCounts, actual.neighbourCounts);
        for (CountTable[] t : new CountTable[][] {{expected.artistGenre, actual.artistGenre}, {expected.artistSubgenre, actual.artistSubgenre},
                {expected.trackGenre, actual.trackGenre}, {expected.trackSubgenre, actual.trackSubgenre}}) {
            assertEquals(t[0].columns, t[1].columns);
            assertArrayEquals(t[0].cells, t[1].cells);
        }
    }

    private static int formatOf(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return in.readInt();
        }
    }

    /** The file as Train wrote it before format 2 (big-endian stream, names in modified UTF-8, a table row at a time). */
    private static void writeFirstFormat(PlaylistStatistics s, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(StatisticsFile.LEGACY_FORMAT);
            for (Vocabulary v : List.of(s.tracks, s.artists, s.albums, s.genres, s.subgenres)) {
                out.writeInt(v.size() - 1);
                for (int i = 1; i < v.size(); i++) {
                    out.writeUTF(v.name(i));
                }
            }
            for (int[] values : List.of(s.artistPlaylists, s.trackPlaylists, s.albumPlaylists, s.neighbourStart, s.neighbours, s.neighbourCounts)) {
                writeInts(out, values);
            }
            for (CountTable t : List.of(s.artistGenre, s.artistSubgenre, s.trackGenre, s.trackSubgenre)) {
                out.writeInt(t.rows);
                for (int r = 0; r < t.rows; r++) {
                    writeInts(out, java.util.Arrays.copyOfRange(t.cells, r * t.columns, (r + 1) * t.columns));
                }
            }
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }
}

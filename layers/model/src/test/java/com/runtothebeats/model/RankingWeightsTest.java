package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking model's plain weights, what the recommender serves from without the native engine: the same
 * vectors as the network computes, written and read back bit for bit, a damaged file refused, and a model folder
 * saved before the weights file existed served from weights the loader writes into its cache copy.
 */
class RankingWeightsTest {

    private static RankingModel model;
    private static List<Track> tracks;

    @BeforeAll
    static void load() {
        model = FixtureModel.ranking().model();
        tracks = FixtureModel.fixture().stream().flatMap(p -> p.tracks().stream()).limit(300).toList();
    }

    @Test
    void plainVectorsAreTheNetworksOwn() {
        TrackProfile[] profiles = tracks.stream().map(t -> TrackProfile.of(t, model.statistics(), model.transform())).toArray(TrackProfile[]::new);
        float[][] network = model.vectors(profiles);
        RankingWeights weights = model.plain().weights();
        boolean seenKnownTrack = false;
        for (int i = 0; i < profiles.length; i++) {
            assertArrayEquals(network[i], weights.trackVector(profiles[i]), 1e-5f, tracks.get(i).id());
            seenKnownTrack |= profiles[i].trackIndex() != PlaylistStatistics.UNKNOWN;
        }
        assertTrue(seenKnownTrack, "the fixture's tracks include tracks the model learnt an embedding for");
        float[] mean = network[0];
        float[] last = network[1];
        assertArrayEquals(model.context(mean, last, 1, 2), weights.contextVector(mean, last, 1, 2), 1e-5f);
    }

    @Test
    void weightsReadBackBitForBit(@TempDir Path dir) {
        RankingWeights written = model.plain().weights();
        written.write(dir.resolve("w.bin"));
        RankingWeights read = RankingWeights.read(dir.resolve("w.bin"));
        assertEquals(written.dimension, read.dimension);
        for (String name : RankingWeights.NAMES) {
            assertArrayEquals(written.tensor(name), read.tensor(name), name);
        }
    }

    @Test
    void aDamagedFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.bin");
        model.plain().weights().write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        IllegalStateException flipped = assertThrows(IllegalStateException.class, () -> RankingWeights.read(file));
        assertTrue(flipped.getMessage().contains("checksum"), flipped.getMessage());
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThrows(IllegalStateException.class, () -> RankingWeights.read(file));
    }

    @Test
    void aFolderSavedBeforeTheWeightsFileGetsThemOnFirstLoad(@TempDir Path dir) {
        Path folder = dir.resolve("model");
        ModelArtifacts.save(FixtureModel.trained(), FixtureModel.ranking(), new ModelArtifacts.Provenance("run", "t", "s"), folder);
        Path weights = folder.resolve(RankingArtifacts.WEIGHTS_FILE);
        assertTrue(Files.exists(weights), "training writes the plain weights beside the engine's parameters");
        PlainRankingModel fromFile = ModelArtifacts.loadPlainRanking(folder).orElseThrow();

        ModelArtifacts.save(FixtureModel.trained(), FixtureModel.ranking(), new ModelArtifacts.Provenance("run", "t", "s"), folder);
        assertTrue(weights.toFile().delete());
        assertFalse(Files.exists(weights));
        PlainRankingModel fromEngine = ModelArtifacts.loadPlainRanking(folder).orElseThrow();
        assertTrue(Files.exists(weights), "the loader keeps the weights it read out of the engine's parameters");
        PlainRankingModel cached = ModelArtifacts.loadPlainRanking(folder).orElseThrow();
        for (String name : RankingWeights.NAMES) {
            assertArrayEquals(fromFile.weights().tensor(name), fromEngine.weights().tensor(name), name);
            assertArrayEquals(fromFile.weights().tensor(name), cached.weights().tensor(name), name);
        }
        assertEquals(ModelArtifacts.readManifest(folder).version(), cached.version());
    }
}

package com.runtothebeats.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.pipeline.HarvestManifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JacksonJsonCodecTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void aFittedFeatureTransformReadsBackEqual() {
        List<AudioFeatures> sample = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double u = (i + 0.5) / 200;
            sample.add(new AudioFeatures(u * u, 0.4 + 0.5 * u, u, Math.pow(u, 8), 0.1 + 0.3 * u, -20 + 17 * u,
                    0.03 + 0.2 * u * u * u, 1 - u, i % 12, i % 2, 90 + u * 80, 180_000));
        }
        FeatureTransform transform = FeatureTransform.fit("20261124T203000Z", sample);
        byte[] json = codec.write(transform);
        FeatureTransform back = codec.read(json, FeatureTransform.class);
        assertEquals(transform, back);
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"version\":\"20261124T203000Z\"") && text.contains("\"lambdas\":["), text);
        double[] z = back.standardise(sample.get(17));
        assertEquals(0, java.util.Arrays.compare(transform.standardise(sample.get(17)), z));
    }

    @Test
    void aPlaylistSequenceReadsBackEqual() {
        Track track = new Track("6f807x0ima9a1j3VPbc7VN", "A \"quoted\", name", "Artist", "Album", 66,
                new AudioFeatures(0.102, 0.748, 0.916, 0, 0.0653, -2.634, 0.0583, 0.518, 6, 1, 122.036, 194754));
        PlaylistSequence sequence = new PlaylistSequence("37i9dQZF1DXcZDD7cfEKhW", "pop", "dance pop", List.of(track, track));
        byte[] json = codec.write(sequence);
        assertTrue(new String(json, StandardCharsets.UTF_8).indexOf('\n') < 0, "one JSON document per line");
        assertEquals(sequence, codec.read(json, PlaylistSequence.class));
    }

    @Test
    void aManifestReadsBackAndGarbageIsRefused() {
        HarvestManifest manifest = new HarvestManifest("r1", "dataset:/tmp/x.csv", 3, 1, 3, "ab12", "2026-11-24T20:30:00Z");
        assertEquals(manifest, codec.read(codec.write(manifest), HarvestManifest.class));
        assertThrows(IllegalArgumentException.class,
                () -> codec.read("{not json".getBytes(StandardCharsets.UTF_8), HarvestManifest.class));
    }
}

package com.runtothebeats.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.runtothebeats.core.validation.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunIdTest {

    @Test
    void defaultsToTheStartTimeInUtc() {
        assertEquals("20261124T203000Z", RunId.startedAt(Instant.parse("2026-11-24T20:30:00.250Z")).value());
    }

    @Test
    void acceptsKeySafeNamesOnly() {
        assertEquals("weekly-2026.47_b", new RunId("weekly-2026.47_b").value());
        for (String bad : new String[] {"", "../raw", "a/b", "-x", "a..b", "with space", "x".repeat(81)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new RunId(bad), bad);
            assertEquals("runId", e.field());
        }
        assertThrows(InvalidInputException.class, () -> new RunId(null));
    }

    @Test
    void keysLiveUnderTheRun() {
        RunId run = new RunId("r1");
        assertEquals("raw/r1/tracks.csv", PipelineKeys.rawTracks(run));
        assertEquals("raw/r1/manifest.json", PipelineKeys.rawManifest(run));
        assertEquals("transform/r1/feature-transform.json", PipelineKeys.featureTransform(run));
        assertEquals("transform/r1/sequences.jsonl", PipelineKeys.sequences(run));
        assertEquals("transform/r1/report.json", PipelineKeys.report(run));
    }
}

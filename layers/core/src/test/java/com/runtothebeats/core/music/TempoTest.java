package com.runtothebeats.core.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TempoTest {

    @Test
    void aHalfTimeTrackIsHeardDoubled() {
        assertEquals(170.2, Tempo.effective(85.1, 170, true), 1e-9);
        assertEquals(2.0, Tempo.foldFactor(85.1, 170, true));
    }

    @Test
    void aDoubleTimeTrackIsHeardHalved() {
        assertEquals(120.0, Tempo.effective(240.0, 121, true), 1e-9);
    }

    @Test
    void aTrackNearTheTargetKeepsItsOwnTempo() {
        assertEquals(172.0, Tempo.effective(172.0, 170, true), 1e-9);
        assertEquals(120.0, Tempo.effective(120.0, 170, true), 1e-9, "240 would be further from 170 than 120");
    }

    @Test
    void tiesKeepTheTracksOwnTempo() {
        assertEquals(100.0, Tempo.effective(100.0, 150, true), 1e-9);
    }

    @Test
    void foldingOffMeansTheTracksOwnTempo() {
        assertEquals(85.1, Tempo.effective(85.1, 170, false), 1e-9);
        assertArrayEquals(new double[] {1.0}, Tempo.factors(false));
        assertEquals(3, Tempo.factors(true).length);
    }
}

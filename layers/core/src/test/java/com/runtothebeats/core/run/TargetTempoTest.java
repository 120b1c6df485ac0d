package com.runtothebeats.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class TargetTempoTest {

    @Test
    void explicitTempoWithinRange() {
        assertEquals(170, TargetTempo.explicit(170, "target.bpm").bpm());
        InvalidInputException low = assertThrows(InvalidInputException.class, () -> TargetTempo.explicit(39.9, "target.bpm"));
        assertEquals("target.bpm", low.field());
        assertThrows(InvalidInputException.class, () -> TargetTempo.explicit(240.5, "target.bpm"));
        assertThrows(InvalidInputException.class, () -> TargetTempo.explicit(Double.NaN, "target.bpm"));
    }

    @Test
    void heartRateIsTheTargetClampedToARunnableRange() {
        TargetTempo running = TargetTempo.fromHeartRate(152, "target.bpm");
        assertEquals(152, running.bpm());
        assertFalse(running.clamped());
        TargetTempo resting = TargetTempo.fromHeartRate(58, "target.bpm");
        assertEquals(TargetTempo.HEART_RATE_TARGET_MIN, resting.bpm());
        assertTrue(resting.clamped());
        assertEquals(58, resting.requested());
        assertEquals(TargetTempo.HEART_RATE_TARGET_MAX, TargetTempo.fromHeartRate(215, "x").bpm());
        assertEquals("heartRate", resting.source());
        assertEquals("target.bpm", assertThrows(InvalidInputException.class, () -> TargetTempo.fromHeartRate(250, "target.bpm")).field());
    }

    @Test
    void cadenceIsOneBeatPerStep() {
        TargetTempo t = TargetTempo.fromCadence(172, "target.stepsPerMinute");
        assertEquals(172, t.bpm());
        assertEquals("cadence", t.source());
        assertEquals("target.stepsPerMinute",
                assertThrows(InvalidInputException.class, () -> TargetTempo.fromCadence(20, "target.stepsPerMinute")).field());
    }
}

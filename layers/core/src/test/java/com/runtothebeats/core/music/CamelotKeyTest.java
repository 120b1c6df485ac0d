package com.runtothebeats.core.music;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CamelotKeyTest {

    /** The DJ's Camelot chart, written out key by key (pitch class with C = 0). */
    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource({
            "C major, 0, 1, 8B", "Db major, 1, 1, 3B", "D major, 2, 1, 10B", "Eb major, 3, 1, 5B",
            "E major, 4, 1, 12B", "F major, 5, 1, 7B", "F# major, 6, 1, 2B", "G major, 7, 1, 9B",
            "Ab major, 8, 1, 4B", "A major, 9, 1, 11B", "Bb major, 10, 1, 6B", "B major, 11, 1, 1B",
            "C minor, 0, 0, 5A", "C# minor, 1, 0, 12A", "D minor, 2, 0, 7A", "Eb minor, 3, 0, 2A",
            "E minor, 4, 0, 9A", "F minor, 5, 0, 4A", "F# minor, 6, 0, 11A", "G minor, 7, 0, 6A",
            "G# minor, 8, 0, 1A", "A minor, 9, 0, 8A", "Bb minor, 10, 0, 3A", "B minor, 11, 0, 10A"})
    void mapsEveryKeyToItsCamelotCode(String name, int pitchClass, int mode, String camelot) {
        assertEquals(camelot, CamelotKey.of(pitchClass, mode).toString(), name);
        assertEquals(CamelotKey.of(pitchClass, mode), CamelotKey.parse(camelot));
    }

    @Test
    void the24KeysAreDistinct() {
        Set<CamelotKey> keys = new HashSet<>();
        for (int pc = 0; pc < 12; pc++) {
            keys.add(CamelotKey.of(pc, 0));
            keys.add(CamelotKey.of(pc, 1));
        }
        assertEquals(24, keys.size());
    }

    @Test
    void compatibleMeansSameKeyOneHourOrRelative() {
        CamelotKey c = CamelotKey.parse("8B");
        assertTrue(c.isCompatibleWith(CamelotKey.parse("8B")));
        assertTrue(c.isCompatibleWith(CamelotKey.parse("7B")));
        assertTrue(c.isCompatibleWith(CamelotKey.parse("9B")));
        assertTrue(c.isCompatibleWith(CamelotKey.parse("8A")));
        assertFalse(c.isCompatibleWith(CamelotKey.parse("9A")));
        assertFalse(c.isCompatibleWith(CamelotKey.parse("10B")));
        assertTrue(CamelotKey.parse("12A").isCompatibleWith(CamelotKey.parse("1A")), "the wheel wraps round");
    }

    @Test
    void costGrowsWithStepsRoundTheWheel() {
        CamelotKey c = CamelotKey.parse("8B");
        assertEquals(0, c.stepsTo(CamelotKey.parse("8B")));
        assertEquals(1, c.stepsTo(CamelotKey.parse("9B")));
        assertEquals(2, c.stepsTo(CamelotKey.parse("10B")));
        assertEquals(3, c.stepsTo(CamelotKey.parse("10A")));
        assertEquals(6, c.stepsTo(CamelotKey.parse("2B")));
        assertEquals(7, c.stepsTo(CamelotKey.parse("2A")));
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThrows(IllegalArgumentException.class, () -> CamelotKey.of(12, 1));
        assertThrows(IllegalArgumentException.class, () -> CamelotKey.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> CamelotKey.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> CamelotKey.parse("13B"));
        assertThrows(IllegalArgumentException.class, () -> CamelotKey.parse("8C"));
    }
}

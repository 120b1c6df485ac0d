package com.runtothebeats.core.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CamelotKeyTest {

    // pitch class (C = 0), mode (1 major, 0 minor), the key's name, its Camelot code (the published wheel)
    @ParameterizedTest(name = "{2} is {3}")
    @CsvSource({
            "0, 1, C major, 8B", "7, 1, G major, 9B", "2, 1, D major, 10B", "9, 1, A major, 11B",
            "4, 1, E major, 12B", "11, 1, B major, 1B", "6, 1, F# major, 2B", "1, 1, Db major, 3B",
            "8, 1, Ab major, 4B", "3, 1, Eb major, 5B", "10, 1, Bb major, 6B", "5, 1, F major, 7B",
            "9, 0, A minor, 8A", "4, 0, E minor, 9A", "11, 0, B minor, 10A", "6, 0, F# minor, 11A",
            "1, 0, C# minor, 12A", "8, 0, G# minor, 1A", "3, 0, Eb minor, 2A", "10, 0, Bb minor, 3A",
            "5, 0, F minor, 4A", "0, 0, C minor, 5A", "7, 0, G minor, 6A", "2, 0, D minor, 7A"})
    void mapsEveryKeyToItsPlaceOnTheWheel(int pitchClass, int mode, String name, String camelot) {
        CamelotKey key = CamelotKey.of(pitchClass, mode);
        assertEquals(camelot, key.toString(), name);
        assertEquals(key, CamelotKey.parse(camelot));
    }

    @Test
    void the24KeysAreDistinctAndFifthsCountFromCMajor() {
        Set<CamelotKey> all = new HashSet<>();
        for (int pitch = 0; pitch < 12; pitch++) {
            for (int mode = 0; mode <= 1; mode++) {
                all.add(CamelotKey.of(pitch, mode));
            }
        }
        assertEquals(24, all.size());
        assertEquals(0, CamelotKey.of(0, 1).circleOfFifthsPosition());  // C major
        assertEquals(0, CamelotKey.of(9, 0).circleOfFifthsPosition());  // A minor, its relative
        assertEquals(1, CamelotKey.of(7, 1).circleOfFifthsPosition());  // G major, one sharp
        assertEquals(11, CamelotKey.of(5, 1).circleOfFifthsPosition()); // F major, one flat
        assertEquals(6, CamelotKey.of(6, 1).circleOfFifthsPosition());  // F# major, opposite C
    }

    @Test
    void neighboursOnTheWheelAreCompatible() {
        CamelotKey c = CamelotKey.parse("8B");
        assertTrue(c.isCompatibleWith(CamelotKey.parse("8A")));
        assertTrue(c.isCompatibleWith(CamelotKey.parse("9B")));
        assertTrue(c.isCompatibleWith(CamelotKey.parse("7B")));
        assertFalse(c.isCompatibleWith(CamelotKey.parse("9A")));
        assertEquals(1, CamelotKey.parse("12B").stepsTo(CamelotKey.parse("1B")));
        assertEquals(6, CamelotKey.parse("2B").stepsTo(CamelotKey.parse("8B")));
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

package com.runtothebeats.core.music;

/**
 * A musical key on the Camelot wheel: 12 hours round the circle of fifths, "B" for major and "A" for
 * minor. C major is 8B and its relative minor, A minor, is 8A. Neighbouring hours are a fifth apart,
 * so DJs mix between a key, its relative major/minor and the keys one hour either side.
 */
public record CamelotKey(int hour, boolean major) {

    public CamelotKey {
        if (hour < 1 || hour > 12) {
            throw new IllegalArgumentException("Camelot hour must be 1..12, was " + hour);
        }
    }

    /**
     * @param pitchClass 0..11 with C = 0
     * @param mode       1 = major, 0 = minor
     */
    public static CamelotKey of(int pitchClass, int mode) {
        if (pitchClass < 0 || pitchClass > 11) {
            throw new IllegalArgumentException("pitch class must be 0..11, was " + pitchClass);
        }
        if (mode != 0 && mode != 1) {
            throw new IllegalArgumentException("mode must be 0 (minor) or 1 (major), was " + mode);
        }
        // A minor key sits at the same hour as its relative major, three semitones up.
        int majorPitch = mode == 1 ? pitchClass : (pitchClass + 3) % 12;
        int stepsRoundFifths = (majorPitch * 7) % 12; // C=0, G=1, D=2, ...
        return new CamelotKey((stepsRoundFifths + 7) % 12 + 1, mode == 1);
    }

    /** Parses "8B", "11a" and the like. */
    public static CamelotKey parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.length() < 2 || (t.charAt(t.length() - 1) != 'A' && t.charAt(t.length() - 1) != 'B')) {
            throw new IllegalArgumentException("not a Camelot key: " + text);
        }
        int hour;
        try {
            hour = Integer.parseInt(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Camelot key: " + text, e);
        }
        return new CamelotKey(hour, t.charAt(t.length() - 1) == 'B');
    }

    /** Position on the circle of fifths, 0..11, counted from C major / A minor. */
    public int circleOfFifthsPosition() {
        return (hour + 4) % 12;
    }

    /**
     * Steps on the wheel between two keys: the hours apart round the circle (0..6) plus one for
     * changing between major and minor.
     */
    public int stepsTo(CamelotKey other) {
        int apart = Math.abs(hour - other.hour);
        int round = Math.min(apart, 12 - apart);
        return round + (major == other.major ? 0 : 1);
    }

    /** Same key, relative major/minor, or one hour either side in the same mode. */
    public boolean isCompatibleWith(CamelotKey other) {
        return stepsTo(other) <= 1;
    }

    @Override
    public String toString() {
        return hour + (major ? "B" : "A");
    }
}

package com.runtothebeats.providers.getsongbpm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetSongBPM's key names as pitch class (C = 0) and mode (1 major, 0 minor): {@code key_of} in letter notation
 * ("F♯m", "B♭", "Ebm", "C#"), else {@code open_key} in Open Key notation ("4m" = F♯ minor, "1d" = C major).
 */
final class SongKeyNames {

    /** Pitch class and mode, as Spotify's features give them. */
    record PitchKey(int key, int mode) {
    }

    private static final Pattern LETTER = Pattern.compile("^\\s*([A-Ga-g])\\s*([#♯b♭]?)\\s*(m|min|minor|maj|major)?\\s*$");
    private static final Pattern OPEN_KEY = Pattern.compile("^\\s*(\\d{1,2})\\s*([dDmM])\\s*$");
    private static final int[] NATURAL = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G

    private SongKeyNames() {
    }

    static Optional<PitchKey> parse(String keyOf, String openKey) {
        return letter(keyOf).or(() -> openKey(openKey));
    }

    static Optional<PitchKey> letter(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = LETTER.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int pitch = NATURAL[Character.toUpperCase(m.group(1).charAt(0)) - 'A'];
        String accidental = m.group(2);
        if (accidental.equals("#") || accidental.equals("♯")) {
            pitch += 1;
        } else if (accidental.equals("b") || accidental.equals("♭")) {
            pitch += 11;
        }
        boolean minor = m.group(3) != null && m.group(3).startsWith("m") && !m.group(3).startsWith("maj");
        return Optional.of(new PitchKey(pitch % 12, minor ? 0 : 1));
    }

    /** Open Key: 1d = C major, each step a fifth up; the minor of the same number is its relative minor. */
    static Optional<PitchKey> openKey(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = OPEN_KEY.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(1));
        if (number < 1 || number > 12) {
            return Optional.empty();
        }
        int major = (7 * (number - 1)) % 12;
        boolean minor = Character.toLowerCase(m.group(2).charAt(0)) == 'm';
        return Optional.of(minor ? new PitchKey((major + 9) % 12, 0) : new PitchKey(major, 1));
    }
}

package com.runtothebeats.providers.getsongbpm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Titles and artist names reduced to what identifies a recording, so Spotify's "Señorita - Remastered 2011
 * (feat. X)" finds the song database's "Senorita": accents and case dropped, featured artists and remaster or
 * edition labels removed, "&" read as "and", punctuation as spaces. Words that change the recording's tempo
 * (remix, live, acoustic, sped up) are kept, so such a version never matches the original.
 */
final class SongTitles {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** "(feat. X)", "[ft X]", "(with X)": the featured artists, in brackets. */
    private static final Pattern FEATURING_BRACKETS =
            Pattern.compile("[(\\[]\\s*(feat\\.?|ft\\.?|featuring|with)\\s[^)\\]]*[)\\]]", Pattern.CASE_INSENSITIVE);
    /** " feat. X" to the end when not in brackets. */
    private static final Pattern FEATURING_TAIL = Pattern.compile("\\s(feat\\.?|ft\\.?|featuring)\\s.*$", Pattern.CASE_INSENSITIVE);
    private static final String EDITION =
            "(\\d{4}\\s+)?(digital(ly)?\\s+)?(remaster(ed)?|re-?master(ed)?)(\\s+(version|edition))?(\\s+\\d{4})?"
                    + "|(\\d{4}\\s+)?(mono|stereo)(\\s+(version|mix))?|single\\s+version|album\\s+version|radio\\s+edit"
                    + "|(\\d{4}\\s+)?remaster(ed)?\\s+\\d{4}|original\\s+mix|explicit|clean";
    /** " - Remastered 2011", " - 2011 Remaster", " - Radio Edit" at the end. */
    private static final Pattern EDITION_TAIL = Pattern.compile("\\s+-\\s+(" + EDITION + ")\\s*$", Pattern.CASE_INSENSITIVE);
    /** "(Remastered 2009)", "[2011 Remaster]". */
    private static final Pattern EDITION_BRACKETS = Pattern.compile("[(\\[]\\s*(" + EDITION + ")\\s*[)\\]]", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern ARTIST_SEPARATORS = Pattern.compile("\\s*(,|&|\\band\\b|\\bx\\b|\\bfeat\\.?|\\bft\\.?|featuring|\\bwith\\b)\\s*");

    private SongTitles() {
    }

    /** The title without featured artists and edition labels, still readable: what to search for. */
    static String searchable(String title) {
        String t = title == null ? "" : title.trim();
        String previous;
        do {
            previous = t;
            t = FEATURING_BRACKETS.matcher(t).replaceAll("");
            t = EDITION_TAIL.matcher(t).replaceAll("");
            t = EDITION_BRACKETS.matcher(t).replaceAll("");
            t = FEATURING_TAIL.matcher(t).replaceAll("");
            t = t.trim();
        } while (!t.equals(previous));
        return t.isEmpty() ? (title == null ? "" : title.trim()) : t;
    }

    /** The title as compared: {@link #searchable} then {@link #plain}. */
    static String title(String title) {
        return plain(searchable(title));
    }

    /** An artist name as compared: plain, without a leading "the". */
    static String artist(String name) {
        String a = plain(name);
        return a.startsWith("the ") ? a.substring(4) : a;
    }

    /** Whether a listed artist is the one we look for (or, for "A & B" and "A feat. B", one of them). */
    static boolean sameArtist(String wanted, String listed) {
        String w = artist(wanted);
        if (w.isEmpty()) {
            return false;
        }
        if (w.equals(artist(listed))) {
            return true;
        }
        for (String part : credited(listed)) {
            if (w.equals(part)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> credited(String listed) {
        String lower = stripAccents(listed == null ? "" : listed).toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        for (String part : ARTIST_SEPARATORS.split(lower)) {
            String a = artist(part);
            if (!a.isEmpty()) {
                parts.add(a);
            }
        }
        return parts;
    }

    /** No accents, lower case, "&" as "and", apostrophes dropped, other punctuation as single spaces. */
    static String plain(String text) {
        String t = stripAccents(text == null ? "" : text).toLowerCase(Locale.ROOT)
                .replace("&", " and ").replace("'", "").replace("\u2019", "");
        return NOT_WORD.matcher(t).replaceAll(" ").trim();
    }

    private static String stripAccents(String text) {
        String t = text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss")
                .replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D");
        return MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFKD)).replaceAll("");
    }
}

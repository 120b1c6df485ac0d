package com.runtothebeats.core.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One song, whatever id, release or version it is listed under: the normalised title and primary artist.
 * The recommender treats it like a track id (never twice in a playlist; bans hold for every version) and
 * artist spacing uses its primary artist.
 *
 * <p>The rule (docs/recommender.md, "One song, once"): a song's <em>recording family</em> is everything its
 * primary artist released of it, so the key drops
 * <ul>
 *   <li>featured artists: "(feat. X)", "[with X]", "- feat. X", " ft. X" in the title, and "A feat. B" /
 *       "A with B" in the artist (the primary artist is A);</li>
 *   <li>version tags in brackets or after " - ": remaster(ed), radio/single/album/extended version or edit,
 *       mix and remix, live (also "ao vivo", "en vivo"), acoustic, instrumental, mono/stereo, clean/explicit,
 *       re-recorded, demo, "from <film>" — a remix or a live take is still the same song to a runner;</li>
 * </ul>
 * and keeps every other bracket ("Pt. 2", "Interlude", a subtitle), which names another piece. Case,
 * accents (NFD, marks removed), "&amp;"/"and" and punctuation are folded. A cover by another artist has
 * another primary artist and so is another song.
 */
public record SongKey(String title, String primaryArtist) {

    private static final Pattern FEATURING = Pattern.compile("^(feat\\.?|ft\\.?|featuring|with)\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION_WORDS = Pattern.compile(
            "\\b(re-?master(ed|izado)?|remix(ed)?|mix|edit|version|versi[oó]n|live|ao vivo|en vivo|acoustic|ac[uú]stico"
                    + "|instrumental|mono|stereo|clean|explicit|re-?recorded|demo|rework|vip|bootleg|radio|single|album"
                    + "|extended|original|bonus track)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Numbered parts and interludes name a different piece even inside a version-like bracket. */
    private static final Pattern FROM_SOURCE = Pattern.compile("^(from|taken from|music from)\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_PIECE = Pattern.compile("\\b(pt\\.?|part|interlude|intro|outro|skit|reprise)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKET = Pattern.compile("\\s*[(\\[]([^()\\[\\]]*)[)\\]]");
    private static final Pattern ARTIST_FEATURING = Pattern.compile("\\s+(feat\\.?|ft\\.?|featuring|with)\\s+.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_FEATURING = Pattern.compile("\\s+(feat\\.|ft\\.|featuring)\\s+.*$", Pattern.CASE_INSENSITIVE);
    // compiled once: String.split/replaceAll with these would compile them for every track of a catalog load
    private static final Pattern DASHED_TAIL = Pattern.compile("\\s+-\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static SongKey of(Track track) {
        return of(track.name(), track.artist());
    }

    public static SongKey of(String title, String artist) {
        return new SongKey(titleKey(title), primaryArtist(artist));
    }

    /**
     * The song keys of many tracks, in their order. The title part depends on the title alone and the artist part
     * on the artist alone, so each distinct title and artist is worked out once (a catalog repeats both often).
     */
    public static List<SongKey> allOf(List<Track> tracks) {
        Map<String, String> titles = new HashMap<>();
        Map<String, String> artists = new HashMap<>();
        SongKey[] keys = new SongKey[tracks.size()];
        for (int i = 0; i < keys.length; i++) {
            Track t = tracks.get(i);
            keys[i] = new SongKey(titles.computeIfAbsent(t.name(), SongKey::titleKey),
                    artists.computeIfAbsent(t.artist(), SongKey::primaryArtist));
        }
        return Arrays.asList(keys);
    }

    /** The title a song is known by: without featured artists and version tags, folded. */
    public static String titleKey(String title) {
        return fold(baseTitle(title == null ? "" : title));
    }

    /** The artist a track counts as for spacing and bans: the part before "feat."/"ft."/"with". */
    public static String primaryArtist(String artist) {
        String a = artist == null ? "" : artist.trim();
        return fold(ARTIST_FEATURING.matcher(a).replaceFirst(""));
    }

    /** The title without featured artists and version tags (not yet folded). */
    static String baseTitle(String title) {
        String t = title.trim();
        // Dashed tails: "Say It - Illenium Remix", "Song - 2011 Remaster", "Song - feat. X - Explicit".
        String[] parts = DASHED_TAIL.split(t);
        StringBuilder kept = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!isDroppable(parts[i])) {
                kept.append(" - ").append(parts[i]);
            }
        }
        t = kept.toString();
        // Bracketed tags, innermost first: "(feat. Tove Lo) [Illenium Remix]".
        StringBuilder out = new StringBuilder();
        Matcher m = BRACKET.matcher(t);
        int last = 0;
        while (m.find()) {
            out.append(t, last, m.start());
            if (!isDroppable(m.group(1))) {
                out.append(' ').append(m.group(1));
            }
            last = m.end();
        }
        out.append(t.substring(last));
        String base = TITLE_FEATURING.matcher(out.toString()).replaceFirst("").trim();
        return base.isEmpty() ? t : base;
    }

    private static boolean isDroppable(String tag) {
        String s = tag.trim();
        if (s.isEmpty() || FEATURING.matcher(s).matches() || FROM_SOURCE.matcher(s).matches()) {
            return true;
        }
        return VERSION_WORDS.matcher(s).find() && !OTHER_PIECE.matcher(s).find();
    }

    /** Lower case, accents removed, "&amp;" as "and", punctuation as space, spaces collapsed. */
    static String fold(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String lower = decomposed.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "").replace("’", "");
        return NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll(" ").trim();
    }

    /** As the API shows it: "title|primary artist". */
    @Override
    public String toString() {
        return title + "|" + primaryArtist;
    }

    /** Reads {@link #toString()} back (for stored bans). */
    public static SongKey parse(String text) {
        int bar = text.lastIndexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("a song key is 'title|artist', was '" + text + "'");
        }
        return new SongKey(text.substring(0, bar), text.substring(bar + 1));
    }
}

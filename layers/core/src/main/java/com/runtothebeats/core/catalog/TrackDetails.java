package com.runtothebeats.core.catalog;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What is known about a track beyond its audio features, each part optional (null = not known): the
 * dataset gives the release year; Spotify's track object gives {@code explicit}; GetSongBPM gives a
 * second tempo and the time signature ({@code time_sig}, e.g. "3/4"); the dataset's playlists give the genres.
 *
 * @param releaseYear   the year of the album release
 * @param explicit      true for explicit lyrics, false for a clean version
 * @param timeSignature beats per bar over the beat unit, "4/4", "3/4", "6/8"
 * @param otherTempo    the tempo another source measured, to catch octave errors
 * @param genres        the {@code playlist_genre} labels of the dataset playlists the track is in ("pop", "rap", "rock",
 *                      "latin", "r&b", "edm"), lower case, sorted, distinct; empty when not known (a track from a
 *                      runner's library, say). A track in playlists of several genres carries each of them.
 */
public record TrackDetails(Integer releaseYear, Boolean explicit, String timeSignature, Double otherTempo, List<String> genres) {

    public static final TrackDetails UNKNOWN = new TrackDetails(null, null, null, null);
    private static final Pattern SIGNATURE = Pattern.compile("\\d{1,2}/\\d{1,2}");

    public TrackDetails {
        if (timeSignature != null) {
            timeSignature = timeSignature.trim();
            if (!SIGNATURE.matcher(timeSignature).matches()) {
                timeSignature = null; // an unreadable signature is as good as none
            }
        }
        if (otherTempo != null && !(otherTempo > 0)) {
            otherTempo = null;
        }
        genres = genres == null || genres.isEmpty() ? List.of() : normalised(genres);
    }

    /** Details without genre labels. */
    public TrackDetails(Integer releaseYear, Boolean explicit, String timeSignature, Double otherTempo) {
        this(releaseYear, explicit, timeSignature, otherTempo, List.of());
    }

    private static List<String> normalised(List<String> labels) {
        TreeSet<String> out = new TreeSet<>();
        for (String label : labels) {
            String g = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            if (!g.isEmpty()) {
                out.add(g);
            }
        }
        return List.copyOf(out);
    }

    /** 3/4 and 6/8 (and 9/8, 12/8): three beats, or three-part beats, to the bar, so strides cannot pair with every other beat. */
    public boolean tripleMeter() {
        if (timeSignature == null) {
            return false;
        }
        int beats = Integer.parseInt(timeSignature.substring(0, timeSignature.indexOf('/')));
        return beats % 3 == 0;
    }

    public TrackDetails withExplicit(Boolean value) {
        return new TrackDetails(releaseYear, value, timeSignature, otherTempo, genres);
    }

    public TrackDetails withGenres(List<String> labels) {
        return new TrackDetails(releaseYear, explicit, timeSignature, otherTempo, labels);
    }
}

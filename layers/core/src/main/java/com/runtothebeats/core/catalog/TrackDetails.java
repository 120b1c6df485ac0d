package com.runtothebeats.core.catalog;

import java.util.regex.Pattern;

/**
 * What is known about a track beyond its audio features, each part optional (null = not known): the
 * dataset gives the release year; Spotify's track object gives {@code explicit}; GetSongBPM gives a
 * second tempo and the time signature ({@code time_sig}, e.g. "3/4").
 *
 * @param releaseYear   the year of the album release
 * @param explicit      true for explicit lyrics, false for a clean version
 * @param timeSignature beats per bar over the beat unit, "4/4", "3/4", "6/8"
 * @param otherTempo    the tempo another source measured, to catch octave errors
 */
public record TrackDetails(Integer releaseYear, Boolean explicit, String timeSignature, Double otherTempo) {

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
        return new TrackDetails(releaseYear, value, timeSignature, otherTempo);
    }
}

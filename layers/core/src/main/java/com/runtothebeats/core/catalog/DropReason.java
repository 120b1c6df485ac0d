package com.runtothebeats.core.catalog;

import java.util.Locale;

/**
 * Why Transform left a dataset row out of the catalog and the playlist sequences. Each reason is counted
 * and reported (report.json, the Transform output, metrics); none of them stops a run.
 */
public enum DropReason {
    /** track_id is empty. */
    MISSING_TRACK_ID,
    /** tempo is empty or NA. */
    MISSING_TEMPO,
    /** tempo is 0 (or below): Spotify's analysis found no beat, so the track cannot be placed on a tempo plan. */
    ZERO_TEMPO,
    /** A numeric value other than tempo is empty or NA. */
    MISSING_VALUE,
    /** A numeric column holds text that is not a finite number. */
    NOT_A_NUMBER,
    /** key is not a pitch class 0..11 (Spotify writes -1 when it detected no key). */
    BAD_KEY,
    /** mode is neither 0 (minor) nor 1 (major). */
    BAD_MODE,
    /** A value outside the range the feature is defined on (0..1 features, loudness, tempo, duration, popularity). */
    OUT_OF_RANGE,
    /** The same track a second time in one playlist block (playlist_id, genre, subgenre): only its first place counts. */
    DUPLICATE_IN_PLAYLIST,
    /** The same track id seen before with different audio features: the first occurrence is kept. */
    CONFLICTING_FEATURES;

    /** The name used in reports and metrics, e.g. {@code zero_tempo}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

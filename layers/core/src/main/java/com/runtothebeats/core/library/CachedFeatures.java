package com.runtothebeats.core.library;

import com.runtothebeats.core.catalog.AudioFeatures;
import java.time.Instant;
import java.util.Objects;

/**
 * What we learned about one Spotify track's features, shared by every runner whose library holds it.
 *
 * @param features null when {@code source} is {@link FeatureSource#NONE}: nobody knew the track when we asked
 * @param checkedAt when we asked; an unknown track is asked about again once {@link #UNKNOWN_RECHECK} has passed
 */
public record CachedFeatures(FeatureSource source, AudioFeatures features, Instant checkedAt) {

    /** Providers add tracks over time: "nobody knows it" is worth asking again after this long. */
    public static final java.time.Duration UNKNOWN_RECHECK = java.time.Duration.ofDays(30);

    public CachedFeatures {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if ((features == null) != (source == FeatureSource.NONE)) {
            throw new IllegalArgumentException("features are null exactly when the source is none");
        }
    }

    public static CachedFeatures unknown(Instant checkedAt) {
        return new CachedFeatures(FeatureSource.NONE, null, checkedAt);
    }

    /** Whether this answer still stands at {@code now} (known features always do). */
    public boolean currentAt(Instant now) {
        return source != FeatureSource.NONE || checkedAt.plus(UNKNOWN_RECHECK).isAfter(now);
    }
}

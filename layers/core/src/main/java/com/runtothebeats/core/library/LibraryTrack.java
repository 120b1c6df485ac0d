package com.runtothebeats.core.library;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import java.util.Objects;
import java.util.Optional;

/** One track of a runner's library with the features found for it (none when {@code source} is NONE). */
public record LibraryTrack(TrackListing listing, FeatureSource source, AudioFeatures features) {

    public LibraryTrack {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(source, "source");
        if ((features == null) != (source == FeatureSource.NONE)) {
            throw new IllegalArgumentException("features are null exactly when the source is none");
        }
    }

    public String id() {
        return listing.id();
    }

    public boolean hasTempo() {
        return features != null && features.tempo() > 0;
    }

    /**
     * As a recommendable track when it has a tempo and a key: the features with Spotify's duration (providers
     * do not know it) and popularity 0 (Spotify no longer tells development-mode apps).
     */
    public Optional<Track> asTrack() {
        if (!hasTempo() || features.key() < 0 || features.mode() < 0) {
            return Optional.empty();
        }
        AudioFeatures f = features;
        AudioFeatures withDuration = new AudioFeatures(f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(),
                f.liveness(), f.loudness(), f.speechiness(), f.valence(), f.key(), f.mode(), f.tempo(), listing.durationMs());
        return Optional.of(new Track(listing.id(), listing.name(), listing.mainArtist(), listing.album(), 0, withDuration));
    }
}

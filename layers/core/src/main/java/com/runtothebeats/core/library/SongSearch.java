package com.runtothebeats.core.library;

import com.runtothebeats.core.catalog.AudioFeatures;
import java.util.Optional;

/**
 * A provider that finds a song's tempo and key by its title and artist (GetSongBPM), for tracks the
 * batch lookup does not know. Its features carry tempo, key and mode; flow features it does not know are NaN
 * ({@link AudioFeatures#tempoAndKey}).
 */
public interface SongSearch {

    Optional<AudioFeatures> find(TrackListing track);
}

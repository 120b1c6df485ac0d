package com.runtothebeats.core.library;

import com.runtothebeats.core.catalog.AudioFeatures;
import java.util.List;
import java.util.Map;

/** A provider that knows tracks' features by Spotify id, many at a call (ReccoBeats). */
public interface BatchFeatureLookup {

    /** The most ids one {@link #features} call takes. */
    int maxBatch();

    /** Features of the ids it knows, by id; ids it does not know are simply absent. */
    Map<String, AudioFeatures> features(List<String> spotifyIds);
}

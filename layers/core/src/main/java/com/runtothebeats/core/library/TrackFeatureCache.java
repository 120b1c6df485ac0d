package com.runtothebeats.core.library;

import java.util.Collection;
import java.util.Map;

/** Features learned for Spotify tracks, shared across runners (items of the tracks table in AWS). */
public interface TrackFeatureCache {

    /** What is known of each id asked for; ids never looked up are absent. */
    Map<String, CachedFeatures> find(Collection<String> spotifyIds);

    /** Stores or replaces entries by id; idempotent. */
    void putAll(Map<String, CachedFeatures> entries);
}

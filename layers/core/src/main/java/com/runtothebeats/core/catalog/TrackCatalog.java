package com.runtothebeats.core.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The tracks we can recommend, with their features (DynamoDB's tracks table in AWS). */
public interface TrackCatalog {

    /** Stores or replaces tracks by id; idempotent, so a re-run of the same pipeline run changes nothing. */
    void putAll(Collection<Track> tracks, String transformVersion);

    Optional<Track> find(String trackId);

    /** Tracks whose tempo lies in [minBpm, maxBpm), through the tempo index. */
    List<Track> findByTempo(double minBpm, double maxBpm);

    /** Every track, for building an in-memory index once per container. */
    List<Track> all();
}

package com.runtothebeats.providers.reccobeats;

import com.runtothebeats.core.catalog.AudioFeatures;
import java.util.List;
import java.util.Map;

/** What a feature provider knew ({@code found}, by Spotify id) and the ids it did not know ({@code unknown}). */
public record AudioFeatureLookup(Map<String, AudioFeatures> found, List<String> unknown) {

    public AudioFeatureLookup {
        found = Map.copyOf(found);
        unknown = List.copyOf(unknown);
    }
}

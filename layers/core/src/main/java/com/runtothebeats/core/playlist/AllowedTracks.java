package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tracks one request may use: the catalog minus the runner's limits ({@link RunnerLimits}) and banned
 * songs. Worked out once per request (one pass over the index, only when there is a limit), then asked
 * once per candidate by the search.
 */
public final class AllowedTracks {

    public static final String BANS = "bans";
    private static final AllowedTracks ALL = new AllowedTracks(null, Map.of());

    private final boolean[] allowed;
    /** Per limit field, how many tracks it was the first to keep out. */
    private final Map<String, Integer> removedBy;

    private AllowedTracks(boolean[] allowed, Map<String, Integer> removedBy) {
        this.allowed = allowed;
        this.removedBy = removedBy;
    }

    public static AllowedTracks all() {
        return ALL;
    }

    public static AllowedTracks of(TempoIndex index, RunnerLimits limits, Set<SongKey> banned) {
        if (!limits.any() && banned.isEmpty()) {
            return ALL;
        }
        Set<Long> bannedHashes = new HashSet<>();
        for (SongKey key : banned) {
            bannedHashes.add(TempoIndex.songHash(key));
        }
        // an unknown label is the caller's mistake (400), not an empty catalog (422)
        long genres = limits.genres().isEmpty() ? 0 : index.genres().maskOf(limits.genres(), RunnerLimits.GENRES);
        Set<Integer> excludedArtists = new HashSet<>();
        for (String artist : limits.excludeArtists()) {
            excludedArtists.add(index.artistId(artist));
        }
        int n = index.size();
        boolean[] allowed = new boolean[n];
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Track t = index.track(i);
            String broken = bannedHashes.contains(index.song(i)) ? BANS : limits.brokenBy(t, excludedArtists.contains(index.artist(i)),
                    genres != 0 && (index.genres().mask(i) & genres) == 0);
            if (broken == null) {
                allowed[i] = true;
            } else {
                removed.merge(broken, 1, Integer::sum);
            }
        }
        return new AllowedTracks(allowed, Map.copyOf(removed));
    }

    public boolean allows(int track) {
        return allowed == null || allowed[track];
    }

    /** Whether any track is kept out (the search then checks every candidate). */
    public boolean limited() {
        return allowed != null;
    }

    /** How many tracks each limit kept out (the first limit a track breaks counts it). */
    public Map<String, Integer> removedBy() {
        return removedBy;
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.Track;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** A {@link TempoIndex}'s track ids in sorted order and where each sits in the index: a fraction of a HashMap's memory. */
final class TrackIds {

    private final String[] sortedIds;
    private final int[] positions;

    private TrackIds(String[] sortedIds, int[] positions) {
        this.sortedIds = sortedIds;
        this.positions = positions;
    }

    static TrackIds of(List<Track> tracks) {
        int n = tracks.size();
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, (a, b) -> tracks.get(a).id().compareTo(tracks.get(b).id()));
        String[] ids = new String[n];
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = tracks.get(byId[i]).id();
            positions[i] = byId[i];
        }
        return new TrackIds(ids, positions);
    }

    OptionalInt indexOf(String trackId) {
        int found = Arrays.binarySearch(sortedIds, trackId);
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(positions[found]);
    }
}

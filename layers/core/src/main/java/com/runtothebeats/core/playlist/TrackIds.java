package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.Track;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/** A {@link TempoIndex}'s track ids in sorted order and where each sits in the index: a fraction of a HashMap's memory. */
final class TrackIds {

    /** The id at each sorted position. */
    private final IntFunction<String> sortedIds;
    private final int size;
    /** Where each sorted id sits in the index; null when the index is in id order. */
    private final int[] positions;

    private TrackIds(IntFunction<String> sortedIds, int size, int[] positions) {
        this.sortedIds = sortedIds;
        this.size = size;
        this.positions = positions;
    }

    /**
     * The ids of an index already in id order, each once (a catalog snapshot's), read where they are: nothing to
     * sort or copy.
     */
    static TrackIds ascending(int size, IntFunction<String> idAt) {
        return new TrackIds(idAt, size, null);
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
        return new TrackIds(i -> ids[i], n, positions);
    }

    OptionalInt indexOf(String trackId) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = sortedIds.apply(mid).compareTo(trackId);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return OptionalInt.of(positions == null ? mid : positions[mid]);
            }
        }
        return OptionalInt.empty();
    }
}

package com.runtothebeats.core.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What validation kept and what it dropped, and why (stored as {@code report.json}).
 *
 * @param rows           rows read from the snapshot
 * @param valid          rows kept in the playlist sequences
 * @param distinctTracks distinct valid tracks (what the catalog stores)
 * @param playlists      playlist sequences with at least one valid track
 * @param dropped        dropped rows per {@link DropReason#code()}, every reason listed (0 when none)
 * @param examples       the first few dropped rows per reason, so a reader can find them in the file
 */
public record ValidationReport(
        long rows,
        long valid,
        long distinctTracks,
        long playlists,
        Map<String, Long> dropped,
        Map<String, List<DroppedRow>> examples) {

    public ValidationReport {
        // Sorted, so the stored report is byte-for-byte the same on every run of the same snapshot.
        dropped = Collections.unmodifiableSortedMap(new TreeMap<>(dropped));
        examples = Collections.unmodifiableSortedMap(new TreeMap<>(examples));
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One dropped row: where it is in the file and what is wrong with it. */
    public record DroppedRow(long line, String trackId, String field, String message) {
    }
}

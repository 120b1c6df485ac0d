package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.SnapshotTracks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The tracks an index holds, with their song keys, and whether their ids ascend (so each is there once; then
 * {@code ids} reads track {@code i}'s id). A snapshot's tracks, all kept, also give each track's primary artist
 * as a number ({@code artistEntry}, into {@code artistNames}); otherwise those are null and the index numbers them.
 */
record IndexedTracks(List<Track> tracks, List<SongKey> songKeys, boolean idsAscending, IntFunction<String> ids,
                      IntUnaryOperator artistEntry, List<String> artistNames) {

    /** @param songKeys the tracks' song keys, or null to work them out for the tracks kept */
    static IndexedTracks of(List<Track> all, List<SongKey> songKeys) {
        if (all instanceof SnapshotTracks columns && songKeys == columns.songKeys()) {
            IndexedTracks whole = whole(columns);
            if (whole != null) {
                return whole;
            }
        }
        IntFunction<String> idOf = i -> all.get(i).id();
        boolean ascending = true;
        for (int i = 1; i < all.size() && ascending; i++) {
            ascending = idOf.apply(i - 1).compareTo(idOf.apply(i)) < 0;
        }
        Set<String> seen = ascending ? null : new HashSet<>();
        List<Track> tracks = new ArrayList<>(all.size());
        List<SongKey> keys = songKeys == null ? null : new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Track t = all.get(i);
            if (t.tempo() > 0 && t.durationMs() > 0 && (ascending || seen.add(t.id()))) {
                tracks.add(t);
                if (keys != null) {
                    keys.add(songKeys.get(i));
                }
            }
        }
        List<Track> kept = List.copyOf(tracks);
        return new IndexedTracks(kept, keys == null ? SongKey.allOf(kept) : keys, ascending, i -> kept.get(i).id(), null, null);
    }

    /**
     * A snapshot's columns indexed as they are, when every track is usable and the ids ascend (a snapshot's do):
     * read from the columns, nothing is copied and no track is built to ask. Null when not.
     */
    private static IndexedTracks whole(SnapshotTracks columns) {
        String previous = null;
        for (int i = 0; i < columns.size(); i++) {
            String id = columns.id(i);
            if (!(columns.tempo(i) > 0 && columns.durationMs(i) > 0) || previous != null && previous.compareTo(id) >= 0) {
                return null;
            }
            previous = id;
        }
        List<String> artists = new ArrayList<>(columns.primaryArtists());
        for (int a = 0; a < columns.primaryArtists(); a++) {
            artists.add(columns.primaryArtist(a));
        }
        return new IndexedTracks(columns, columns.songKeys(), true, columns::id, columns::primaryArtistEntry, artists);
    }

    /** Each track's primary artist as a number (folded as {@link SongKey#primaryArtist}), filling {@code artists} (name → number). */
    int[] artistNumbers(Map<String, Integer> artists) {
        int[] numbers = new int[tracks.size()];
        if (artistEntry != null) {
            for (int a = 0; a < artistNames.size(); a++) {
                artists.put(artistNames.get(a), a);
            }
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = artistEntry.applyAsInt(i);
            }
        } else {
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = artists.computeIfAbsent(songKeys.get(i).primaryArtist(), a -> artists.size());
            }
        }
        return numbers;
    }
}

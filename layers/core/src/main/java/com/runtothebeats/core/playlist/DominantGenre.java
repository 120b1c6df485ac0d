package com.runtothebeats.core.playlist;

import java.util.Map;
import java.util.TreeMap;

/**
 * How much of a playlist is in one style: the catalog genre label the most tracks carry, and the share of
 * the playlist's tracks that carry it. A track with several labels counts for each, so the shares of two
 * genres may add up to more than 1. Ties go to the label first in alphabetical order.
 *
 * @param genre  the label, as the catalog spells it
 * @param tracks how many of the playlist's tracks carry it
 * @param share  tracks / the playlist's track count
 */
public record DominantGenre(String genre, int tracks, double share) {

    /** The playlist's dominant genre, or null when none of its tracks carries a label. */
    public static DominantGenre of(Playlist playlist) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PlacedTrack p : playlist.tracks()) {
            for (String g : p.track().details().genres()) {
                counts.merge(g, 1, Integer::sum);
            }
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best == null ? null : new DominantGenre(best, most, (double) most / playlist.tracks().size());
    }
}

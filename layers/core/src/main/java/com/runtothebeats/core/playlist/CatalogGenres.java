package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The catalog's genre labels ({@link TrackDetails#genres}: the dataset's {@code playlist_genre} values) and,
 * per track, the labels it carries as a bit mask, so a request's {@code genres} and a playlist's dominant
 * genre are a mask test per track. A track in playlists of several genres carries each of them: it is "of"
 * every one of them, and counts for each when a playlist's dominant genre is measured.
 */
public final class CatalogGenres {

    /** Labels past this many (sorted) are not indexed; the public dataset has six. */
    static final int MAX_LABELS = Long.SIZE;

    private final List<String> labels;
    private final long[] masks;

    private CatalogGenres(List<String> labels, long[] masks) {
        this.labels = labels;
        this.masks = masks;
    }

    /**
     * @param trackGenres each track's {@link TrackDetails#genres}, in index order
     * @param known       labels the index knows besides its tracks' (a library index knows the catalog's)
     */
    static CatalogGenres of(List<List<String>> trackGenres, Collection<String> known) {
        // a catalog has a few dozen distinct label lists over its tracks: work each out once
        Map<List<String>, Long> maskOf = new HashMap<>();
        for (List<String> genres : trackGenres) {
            maskOf.putIfAbsent(genres, 0L);
        }
        TreeSet<String> all = new TreeSet<>(known);
        maskOf.keySet().forEach(all::addAll);
        List<String> labels = new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_LABELS));
        maskOf.replaceAll((genres, unset) -> {
            long mask = 0;
            for (String g : genres) {
                int bit = labels.indexOf(g);
                if (bit >= 0) {
                    mask |= 1L << bit;
                }
            }
            return mask;
        });
        long[] masks = new long[trackGenres.size()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = maskOf.get(trackGenres.get(i));
        }
        return new CatalogGenres(List.copyOf(labels), masks);
    }

    /** The catalog's labels, sorted. */
    public List<String> labels() {
        return labels;
    }

    /** The labels track {@code i} carries, as bits in {@link #labels()} order (0 when it carries none). */
    public long mask(int i) {
        return masks[i];
    }

    /** The label of bit {@code bit}. */
    public String label(int bit) {
        return labels.get(bit);
    }

    /**
     * The mask of a request's genre labels (case and surrounding spaces do not matter).
     *
     * @throws InvalidInputException naming {@code field} for a label the catalog does not have
     */
    public long maskOf(Collection<String> requested, String field) {
        long mask = 0;
        for (String g : requested) {
            int bit = labels.indexOf(normalise(g));
            if (bit < 0) {
                throw new InvalidInputException(field, field + ": '" + g + "' is not a genre of this catalog; its genres are "
                        + (labels.isEmpty() ? "none (its tracks carry no genre labels)" : String.join(", ", labels)));
            }
            mask |= 1L << bit;
        }
        return mask;
    }

    static String normalise(String label) {
        return label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
    }
}

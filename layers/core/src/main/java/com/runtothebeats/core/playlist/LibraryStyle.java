package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a runner's library sounds like, so a mix fills up with catalog tracks that would not be out of place in
 * it. A catalog track is <em>close</em> when its artist is one of the library's (the surest sign of a taste), or
 * when its eight flow features lie within the library's own spread of the library's centroid: the distance, in
 * the catalog's standardised space, from the mean of the library's tracks that holds {@value #COVERED_PERCENT}%
 * of them (at least {@value #MIN_RADIUS}). A focused library (all metal, all house) so admits a narrow part of
 * the catalog, a wide one a wide part. Tracks known only by tempo and key (GetSongBPM) have no flow features and
 * do not shape the centroid; a library with none known at all admits the whole catalog, as nothing is known of
 * its sound.
 *
 * <p>A track close by sound must also share the library's genres when the library's tracks tell them: the catalog's
 * genre labels that at least {@value #GENRE_PERCENT}% of the library tracks with a label carry (a library track has
 * the labels of the same catalog track). With fewer than {@value #MIN_LABELLED} labelled tracks the genres are not
 * known well enough, and sound alone decides.
 *
 * @param centroid the mean standardised flow vector of the library tracks whose flow features are known; null when none
 * @param radius   how far from the centroid a catalog track may lie
 * @param artists  the library's primary artists, folded as {@code SongKey} does
 * @param genres   the library's genre labels; empty when not known
 */
public record LibraryStyle(double[] centroid, double radius, Set<String> artists, Set<String> genres) {

    static final int COVERED_PERCENT = 50;
    static final double MIN_RADIUS = 1.0;
    static final int GENRE_PERCENT = 20;
    static final int MIN_LABELLED = 20;

    public LibraryStyle {
        artists = Set.copyOf(artists);
        genres = Set.copyOf(genres);
    }

    /** The style of a library index's tracks; {@code flowKnown} says which rows have real (not stand-in) flow features. */
    static LibraryStyle of(TempoIndex library, boolean[] flowKnown) {
        Set<String> artists = new HashSet<>();
        for (int i = 0; i < library.size(); i++) {
            artists.add(library.track(i).songKey().primaryArtist());
        }
        List<double[]> known = new ArrayList<>();
        for (int i = 0; i < library.size(); i++) {
            if (flowKnown[i]) {
                known.add(library.vector(i));
            }
        }
        Set<String> genres = genres(library);
        if (known.isEmpty()) {
            return new LibraryStyle(null, Double.POSITIVE_INFINITY, artists, genres);
        }
        double[] centroid = new double[FlowFeature.COUNT];
        for (double[] v : known) {
            for (int j = 0; j < centroid.length; j++) {
                centroid[j] += v[j] / known.size();
            }
        }
        double[] distances = new double[known.size()];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = distance(known.get(i), centroid);
        }
        Arrays.sort(distances);
        int at = Math.min(distances.length - 1, (int) Math.ceil(distances.length * COVERED_PERCENT / 100.0) - 1);
        return new LibraryStyle(centroid, Math.max(MIN_RADIUS, distances[Math.max(0, at)]), artists, genres);
    }

    /** The labels at least {@value #GENRE_PERCENT}% of the labelled tracks carry, or none below {@value #MIN_LABELLED} of them. */
    private static Set<String> genres(TempoIndex library) {
        Map<String, Integer> counts = new HashMap<>();
        int labelled = 0;
        for (Track t : library.tracks()) {
            labelled += t.details().genres().isEmpty() ? 0 : 1;
            for (String g : t.details().genres()) {
                counts.merge(g, 1, Integer::sum);
            }
        }
        Set<String> out = new HashSet<>();
        if (labelled >= MIN_LABELLED) {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() * 100L >= (long) GENRE_PERCENT * labelled) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    /** The catalog's tracks close to this style, in catalog order. */
    List<Track> closeTracks(TempoIndex catalog) {
        Set<Integer> artistIds = new HashSet<>();
        for (String artist : artists) {
            artistIds.add(catalog.artistId(artist));
        }
        long genreMask = genres.isEmpty() ? 0 : catalog.genres().maskOf(genres, RunnerLimits.GENRES);
        List<Track> close = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            boolean sounds = centroid == null || catalog.flowDistance(i, centroid) <= radius;
            boolean genre = genreMask == 0 || (catalog.genres().mask(i) & genreMask) != 0;
            if (artistIds.contains(catalog.artist(i)) || sounds && genre) {
                close.add(catalog.track(i));
            }
        }
        return close;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(sum);
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.OctaveCheck;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.music.CamelotKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The catalog in memory, arranged for playlist search: one tempo-sorted list per Camelot key, so each
 * step of the search looks only at the keys it may move to and, within them, at the tempo window around
 * the slot's target (and its half and double). Built once per container from the catalog; read-only
 * afterwards, so one index serves concurrent requests.
 *
 * <p>Per-track data sits in parallel primitive arrays (a million tracks' standardised flow vectors take
 * 32 MB as floats) because the search touches thousands of candidates per step.
 */
public final class TempoIndex {

    /** Tracks per parallel range when building. */
    private static final int RANGE = 1 << 14;

    /** Camelot keys as bucket numbers 0..23: (hour − 1) × 2 + (major ? 1 : 0). */
    public static final int KEYS = 24;

    private final List<Track> tracks;
    private final FeatureTransform transform;
    private final TrackIds ids;
    private final double[] tempo;
    private final long[] durationMs;
    private final int[] key;
    /** The primary artist ("A" of "A feat. B"), folded as {@link SongKey} does, as an id. */
    private final int[] artist;
    private final Map<String, Integer> artistIds;
    /** The {@link SongKey} as a 64-bit hash, so one song listed under two ids is not played twice. */
    private final long[] song;
    private final double[] energy;
    private final double[] danceability;
    /** The factors each track may be heard at when folding ({@link OctaveCheck#allowedFactors}). */
    private final byte[] factors;
    private final float[] vectors;
    private final int[][] orderByKey;
    private final double[][] temposByKey;
    private final long maxDurationMs;
    private final CatalogGenres genres;
    /** Which tracks are the runner's own (null: none are, a catalog index), and what a catalog track costs in a mix. */
    private final boolean[] fromLibrary;
    private final double catalogCost;

    /** The ranking model prepared for this index when it was loaded for another (this is a library or mix). */
    final FlowScorerMemo flowScorers = new FlowScorerMemo(this);

    private TempoIndex(IndexedTracks usable, FeatureTransform transform, List<String> genreLabels, Set<String> libraryIds,
                       double catalogCost) {
        List<Track> tracks = usable.tracks();
        List<SongKey> songKeys = usable.songKeys();
        int n = tracks.size();
        this.tracks = tracks;
        this.transform = transform;
        this.fromLibrary = libraryIds.isEmpty() ? null : new boolean[n];
        this.catalogCost = catalogCost;
        this.tempo = new double[n];
        this.durationMs = new long[n];
        this.key = new int[n];
        this.song = new long[n];
        this.energy = new double[n];
        this.danceability = new double[n];
        this.factors = new byte[n];
        this.vectors = new float[n * FlowFeature.COUNT];
        List<String>[] trackGenres = newGenresArray(n);
        // each track's own values, in parallel ranges (a million tracks; every slot is written by one range only)
        this.maxDurationMs = IntStream.range(0, (n + RANGE - 1) / RANGE).parallel().mapToLong(r -> {
            long longest = 0;
            for (int i = r * RANGE; i < Math.min(n, (r + 1) * RANGE); i++) {
                Track t = tracks.get(i);
                tempo[i] = t.tempo();
                durationMs[i] = t.durationMs();
                longest = Math.max(longest, t.durationMs());
                key[i] = bucket(t.camelotKey());
                song[i] = songHash(songKeys.get(i));
                energy[i] = t.features().energy();
                danceability[i] = t.features().danceability();
                factors[i] = (byte) OctaveCheck.allowedFactors(t, true);
                trackGenres[i] = t.details().genres();
                if (fromLibrary != null) {
                    fromLibrary[i] = libraryIds.contains(t.id());
                }
                double[] v = transform.standardise(t.features());
                for (int j = 0; j < v.length; j++) {
                    vectors[i * FlowFeature.COUNT + j] = (float) v[j];
                }
            }
            return longest;
        }).max().orElse(0);
        Map<String, Integer> artists = new HashMap<>();
        this.artist = usable.artistNumbers(artists);
        this.genres = CatalogGenres.of(Arrays.asList(trackGenres), genreLabels);
        this.artistIds = Collections.unmodifiableMap(artists); // a copy would hash every artist again
        this.ids = usable.idsAscending() ? TrackIds.ascending(n, usable.ids()) : TrackIds.of(tracks);
        TempoOrder.ByKey byKey = TempoOrder.byKey(key, tempo, KEYS);
        this.orderByKey = byKey.orders();
        this.temposByKey = byKey.tempos();
    }

    /**
     * Indexes the tracks that have a usable tempo (above 0) and duration; a track id seen twice keeps its
     * first occurrence, so the dataset's one-row-per-playlist layout can be indexed directly.
     */
    public static TempoIndex build(Collection<Track> catalog, FeatureTransform transform) {
        return new TempoIndex(IndexedTracks.of(List.copyOf(catalog), null), transform, List.of(), Set.of(), 0);
    }

    /**
     * As {@link #build(Collection, FeatureTransform)}, for tracks whose song keys are already known (a catalog
     * snapshot stores them): {@code songKeys.get(i)} is {@code catalog.get(i)}'s. A catalog sorted by id (a
     * snapshot's) is indexed without the work of dropping duplicate ids or sorting them.
     */
    public static TempoIndex build(List<Track> catalog, List<SongKey> songKeys, FeatureTransform transform) {
        if (songKeys.size() != catalog.size()) {
            throw new IllegalArgumentException(catalog.size() + " tracks, " + songKeys.size() + " song keys");
        }
        return new TempoIndex(IndexedTracks.of(catalog, songKeys), transform, List.of(), Set.of(), 0);
    }

    /**
     * An index of a runner's tracks and catalog tracks, in the catalog's feature space and knowing the catalog's
     * genre labels (a request's {@code genres} means the same over it): {@code libraryIds} are the runner's own, and
     * each other track adds {@code catalogCost} to the step that places it, so the search takes the runner's track
     * unless a catalog one fits better by more than that ({@link TrackPool}).
     */
    public static TempoIndex build(Collection<Track> tracks, TempoIndex catalog, Set<String> libraryIds, double catalogCost) {
        return new TempoIndex(IndexedTracks.of(List.copyOf(tracks), null), catalog.transform, catalog.genres.labels(),
                Set.copyOf(libraryIds), catalogCost);
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] newGenresArray(int n) {
        return new List[n];
    }

    public static int bucket(CamelotKey camelot) {
        return (camelot.hour() - 1) * 2 + (camelot.major() ? 1 : 0);
    }

    public static CamelotKey camelotOf(int bucket) {
        return new CamelotKey(bucket / 2 + 1, bucket % 2 == 1);
    }

    /** Steps round the Camelot wheel between two buckets. */
    public static int wheelSteps(int a, int b) {
        return camelotOf(a).stepsTo(camelotOf(b));
    }

    /**
     * The same song is often listed under several ids (single, album, remix, clean/explicit). Two different
     * songs sharing this 64-bit hash would only keep one of them out: never a repeat.
     */
    public static long songHash(SongKey key) {
        return ((long) key.title().hashCode() << 32) ^ (key.primaryArtist().hashCode() & 0xffffffffL);
    }

    public int size() {
        return tracks.size();
    }

    public Track track(int i) {
        return tracks.get(i);
    }

    public List<Track> tracks() {
        return tracks;
    }

    public FeatureTransform transform() {
        return transform;
    }

    public CatalogGenres genres() {
        return genres;
    }

    public OptionalInt indexOf(String trackId) {
        return ids.indexOf(trackId);
    }

    public double tempo(int i) {
        return tempo[i];
    }

    public long durationMs(int i) {
        return durationMs[i];
    }

    public int key(int i) {
        return key[i];
    }

    public int artist(int i) {
        return artist[i];
    }

    public long song(int i) {
        return song[i];
    }

    /** The id of a primary artist (folded as {@link SongKey#primaryArtist}), or -1 when no track has it. */
    public int artistId(String foldedPrimaryArtist) {
        Integer id = artistIds.get(foldedPrimaryArtist);
        return id == null ? -1 : id;
    }

    /** Whether track {@code i} is from the runner's library. */
    public boolean fromLibrary(int i) {
        return fromLibrary != null && fromLibrary[i];
    }

    /** What placing track {@code i} costs for where it comes from: 0 for the runner's own, and in a catalog-only index. */
    public double originCost(int i) {
        return fromLibrary == null || fromLibrary[i] ? 0 : catalogCost;
    }

    public double energy(int i) {
        return energy[i];
    }

    public double danceability(int i) {
        return danceability[i];
    }

    /** The factors ({@code Tempo.AS_IS|DOUBLE|HALF}) track {@code i} may be heard at when folding is on. */
    public int allowedFactors(int i) {
        return factors[i];
    }

    /** The longest track, which bounds where a slot's midpoint can fall. */
    public long maxDurationMs() {
        return maxDurationMs;
    }

    /** Euclidean distance between track {@code i}'s standardised flow vector and {@code reference}. */
    public double flowDistance(int i, double[] reference) {
        int base = i * FlowFeature.COUNT;
        double sum = 0;
        for (int j = 0; j < FlowFeature.COUNT; j++) {
            double d = vectors[base + j] - reference[j];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    public double[] vector(int i) {
        double[] v = new double[FlowFeature.COUNT];
        for (int j = 0; j < v.length; j++) {
            v[j] = vectors[i * FlowFeature.COUNT + j];
        }
        return v;
    }

    /** Tracks of one key, sorted by tempo: the positions of {@link #ordered(int)} that hold tempos in [minBpm, maxBpm]. */
    public Window window(int keyBucket, double minBpm, double maxBpm) {
        double[] sorted = temposByKey[keyBucket];
        return new Window(SortedTempos.lowerBound(sorted, minBpm), SortedTempos.upperBound(sorted, maxBpm));
    }

    /** Positions [from, to) of one key's {@link #ordered(int) tempo order}. */
    public record Window(int from, int to) { }

    /** Track indices of one key in tempo order. */
    public int[] ordered(int keyBucket) { return orderByKey[keyBucket]; }

    /** Every track whose tempo lies in [minBpm, maxBpm], any key, in tempo order within each key. */
    public List<Track> inTempoRange(double minBpm, double maxBpm) {
        List<Track> out = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            Window w = window(k, minBpm, maxBpm);
            for (int j = w.from(); j < w.to(); j++) {
                out.add(tracks.get(orderByKey[k][j]));
            }
        }
        return out;
    }
}

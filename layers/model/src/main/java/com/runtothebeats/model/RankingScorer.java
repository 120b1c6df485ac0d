package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.TempoIndex;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The ranking model prepared for one catalog index, as the playlist search's flow term. Everything that
 * depends on one track is computed once here, when the model and the catalog load: its vector v(t) (one
 * batched pass of the track tower per chunk), its vocabulary indices, its standardised features and the part
 * of its pair features that does not depend on the playlist. A {@link Context} then computes u(h) with the
 * context MLP in plain Java from the mean and last played vectors, and a score is a dot product and the
 * pair features' weighted sum ({@link ScoredHistory}): no NDArray call after loading.
 *
 * <p>The playlist genre the model reads is the one the request asked for; without one, it is the catalog
 * genre label most of the tracks played so far carry (the first track sets it), so what follows keeps its
 * style. The subgenre is unknown to the recommender.
 */
public final class RankingScorer implements NextTrackScorer {

    /** Tracks per batched pass of the track tower while preparing (bounds the native memory of one pass). */
    private static final int CHUNK = 16_384;
    /**
     * Score units per unit of flow cost: a logit gap of 0.25 weighs like one Camelot step. Chosen on the
     * done-means requests (docs/sequence-model.md, "In the recommender"): 2.0 left the flow term too weak to
     * hold a style (mean dominant-genre share 0.47), 0.5 and 0.35 gave 0.65 and 0.63, 0.25 gave 0.69.
     */
    static final double TEMPERATURE = 0.25;

    private final RankingModel model;
    final String version;
    final TempoIndex index;
    final PlaylistStatistics statistics;
    final int dimension;
    /** v(t), row-major [track][dimension]. */
    final float[] vectors;
    /** Standardised flow features in the model's transform, [track][8]. */
    final float[] flow;
    final int[] modelTrack;
    final int[] modelArtist;
    /** The track's artist and album as ids of this catalog (same-artist / same-album tests for any track). */
    final int[] artist;
    final int[] album;
    final float[] tempo;
    final int[] year;
    final float[] popularity;
    /** Per catalog genre bit, the model's genre index (0 = a label the model never saw). */
    final int[] genreOfBit;
    final ContextTower tower;
    final float[] pairWeights;

    private RankingScorer(RankingModel model, TempoIndex index) {
        this.model = model;
        this.version = model.version();
        this.index = index;
        this.statistics = model.statistics();
        this.dimension = model.dimension();
        int n = index.size();
        this.vectors = new float[n * dimension];
        this.flow = new float[n * FlowFeature.COUNT];
        this.modelTrack = new int[n];
        this.modelArtist = new int[n];
        this.artist = new int[n];
        this.album = new int[n];
        this.tempo = new float[n];
        this.year = new int[n];
        this.popularity = new float[n];
        Map<String, Integer> artists = new HashMap<>();
        Map<String, Integer> albums = new HashMap<>();
        for (int from = 0; from < n; from += CHUNK) {
            TrackProfile[] profiles = new TrackProfile[Math.min(CHUNK, n - from)];
            for (int i = 0; i < profiles.length; i++) {
                int t = from + i;
                Track track = index.track(t);
                TrackProfile p = TrackProfile.of(track, statistics, model.transform());
                profiles[i] = p;
                modelTrack[t] = p.trackIndex();
                modelArtist[t] = p.artistIndex();
                artist[t] = artists.computeIfAbsent(track.artist(), a -> artists.size());
                album[t] = albums.computeIfAbsent(track.albumKey(), a -> albums.size());
                for (int j = 0; j < FlowFeature.COUNT; j++) {
                    flow[t * FlowFeature.COUNT + j] = (float) p.flow()[j];
                }
                tempo[t] = (float) track.tempo();
                year[t] = track.releaseYear();
                popularity[t] = track.popularity();
            }
            float[][] v = model.vectors(profiles);
            for (int i = 0; i < v.length; i++) {
                System.arraycopy(v[i], 0, vectors, (from + i) * dimension, dimension);
            }
        }
        this.genreOfBit = new int[index.genres().labels().size()];
        for (int b = 0; b < genreOfBit.length; b++) {
            genreOfBit[b] = statistics.genres.of(index.genres().label(b));
        }
        this.tower = ContextTower.of(model);
        this.pairWeights = model.pairWeights();
    }

    /** Prepares {@code model} for {@code index}: a pass over every track (seconds for a million). */
    public static RankingScorer prepare(RankingModel model, TempoIndex index) {
        return new RankingScorer(model, index);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public TempoIndex index() {
        return index;
    }

    /**
     * A runner's library or mix: its tracks get vectors from the track tower like the catalog's, those the model never
     * saw in a playlist from their content features and (when the statistics know them) their artist and album.
     */
    @Override
    public NextTrackScorer preparedFor(TempoIndex other) {
        return other == index ? this : prepare(model, other);
    }

    @Override
    public Context start(String genre) {
        int asked = PlaylistStatistics.UNKNOWN;
        if (genre != null) {
            int bit = index.genres().labels().indexOf(genre);
            asked = bit >= 0 ? genreOfBit[bit] : statistics.genres.of(genre);
        }
        return new ScoredHistory(this, null, -1, genre != null, asked);
    }

    /** The model genre index of the label most of the given tracks carry (ties: the first label), or unknown. */
    int dominantGenre(int[] tracks, int n) {
        int[] counts = new int[genreOfBit.length];
        for (int i = 0; i < n; i++) {
            long mask = index.genres().mask(tracks[i]);
            for (int b = 0; b < counts.length; b++) {
                counts[b] += (int) (mask >>> b) & 1;
            }
        }
        int best = -1;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0 && (best < 0 || counts[b] > counts[best])) {
                best = b;
            }
        }
        return best < 0 ? PlaylistStatistics.UNKNOWN : genreOfBit[best];
    }

    /** The context MLP u(h) = W2·relu(W1·[mean, last, genre, subgenre] + b1) + b2, read out of the network once. */
    record ContextTower(float[] w1, float[] b1, float[] w2, float[] b2, float[] genres, float[] subgenres, int dimension) {

        static ContextTower of(RankingModel model) {
            float[][] layers = model.contextLayers();
            return new ContextTower(layers[0], layers[1], layers[2], layers[3], model.genreTable(), model.subgenreTable(),
                    model.dimension());
        }

        float[] apply(float[] mean, float[] last, int genre, int subgenre) {
            int d = dimension;
            float[] input = new float[4 * d];
            System.arraycopy(mean, 0, input, 0, d);
            System.arraycopy(last, 0, input, d, d);
            System.arraycopy(genres, genre * d, input, 2 * d, d);
            System.arraycopy(subgenres, subgenre * d, input, 3 * d, d);
            float[] hidden = affine(w1, b1, input, true);
            return affine(w2, b2, hidden, false);
        }

        /** weight is [out][in] row-major, as DJL's Linear keeps it. */
        private static float[] affine(float[] weight, float[] bias, float[] input, boolean relu) {
            float[] out = Arrays.copyOf(bias, bias.length);
            int in = input.length;
            for (int o = 0; o < out.length; o++) {
                float s = out[o];
                for (int i = 0; i < in; i++) {
                    s += weight[o * in + i] * input[i];
                }
                out[o] = relu ? Math.max(0f, s) : s;
            }
            return out;
        }
    }
}

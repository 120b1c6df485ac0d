package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.TempoIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * The ranking model prepared for one catalog index, as the playlist search's flow term. Everything that
 * depends on one track is computed once here, when the model and the catalog load: its vector v(t) (the track
 * tower in plain Java, {@link RankingWeights}), its vocabulary indices, its standardised features and the part
 * of its pair features that does not depend on the playlist. A {@link Context} then computes u(h) with the
 * context MLP from the mean and last played vectors, and a score is a dot product and the pair features'
 * weighted sum ({@link ScoredHistory}): no native engine anywhere.
 *
 * <p>The playlist genre the model reads is the one the request asked for; without one, it is the catalog
 * genre label most of the tracks played so far carry (the first track sets it), so what follows keeps its
 * style. The subgenre is unknown to the recommender.
 */
public final class RankingScorer implements NextTrackScorer {

    /**
     * Score units per unit of flow cost: a logit gap of 0.25 weighs like one Camelot step. Chosen on the
     * done-means requests (docs/sequence-model.md, "In the recommender"): 2.0 left the flow term too weak to
     * hold a style (mean dominant-genre share 0.47), 0.5 and 0.35 gave 0.65 and 0.63, 0.25 gave 0.69.
     */
    static final double TEMPERATURE = 0.25;

    private final PlainRankingModel model;
    final String version;
    final TempoIndex index;
    final PlaylistStatistics statistics;
    final int dimension;
    /**
     * Per track, one row of {@link #row} floats — v(t) ({@code dimension} values from 0), its standardised flow
     * features in the model's transform (8 from {@link #flowAt}), tempo ({@link #tempoAt}) and popularity
     * ({@link #popularityAt}) — and one row of {@link #FACTS} ints: catalog artist and album ids (same-artist /
     * same-album tests for any track), model artist and track indices, release year. A search scores thousands
     * of candidates per step in tempo order, i.e. scattered over the catalog: a candidate's values side by side
     * are two or three cache lines instead of nine arrays' worth (the million-track ramp's cost).
     */
    final float[] rows;
    final int row;
    final int flowAt;
    final int tempoAt;
    final int popularityAt;
    final int[] facts;
    static final int FACTS = 5;
    static final int ARTIST = 0;
    static final int ALBUM = 1;
    static final int MODEL_ARTIST = 2;
    static final int MODEL_TRACK = 3;
    static final int YEAR = 4;
    /** Per catalog genre bit, the model's genre index (0 = a label the model never saw). */
    final int[] genreOfBit;
    final RankingWeights weights;
    final float[] pairWeights;

    private RankingScorer(PlainRankingModel model, TempoIndex index) {
        this.model = model;
        this.version = model.version();
        this.index = index;
        this.statistics = model.statistics();
        this.weights = model.weights();
        this.dimension = weights.dimension;
        int n = index.size();
        this.flowAt = dimension;
        this.tempoAt = flowAt + FlowFeature.COUNT;
        this.popularityAt = tempoAt + 1;
        this.row = popularityAt + 1;
        this.rows = new float[n * row];
        this.facts = new int[n * FACTS];
        Map<String, Integer> artists = new HashMap<>();
        Map<String, Integer> albums = new HashMap<>();
        for (int t = 0; t < n; t++) {
            Track track = index.track(t);
            TrackProfile p = TrackProfile.of(track, statistics, model.transform());
            int f = t * FACTS;
            facts[f + MODEL_TRACK] = p.trackIndex();
            facts[f + MODEL_ARTIST] = p.artistIndex();
            facts[f + ARTIST] = artists.computeIfAbsent(track.artist(), a -> artists.size());
            facts[f + ALBUM] = albums.computeIfAbsent(track.albumKey(), a -> albums.size());
            facts[f + YEAR] = track.releaseYear();
            int r = t * row;
            System.arraycopy(weights.trackVector(p), 0, rows, r, dimension);
            for (int j = 0; j < FlowFeature.COUNT; j++) {
                rows[r + flowAt + j] = (float) p.flow()[j];
            }
            rows[r + tempoAt] = (float) track.tempo();
            rows[r + popularityAt] = track.popularity();
        }
        this.genreOfBit = new int[index.genres().labels().size()];
        for (int b = 0; b < genreOfBit.length; b++) {
            genreOfBit[b] = statistics.genres.of(index.genres().label(b));
        }
        this.pairWeights = weights.pairWeights();
    }

    /** Prepares {@code model} for {@code index}: a pass over every track (seconds for a million). */
    public static RankingScorer prepare(PlainRankingModel model, TempoIndex index) {
        return new RankingScorer(model, index);
    }

    /** Prepares a model loaded with its engine (training, evaluation), reading its weights out once. */
    public static RankingScorer prepare(RankingModel model, TempoIndex index) {
        return prepare(model.plain(), index);
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
}

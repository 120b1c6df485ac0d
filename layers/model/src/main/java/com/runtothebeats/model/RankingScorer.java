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
        for (int t = 0; t < n; t++) {
            Track track = index.track(t);
            TrackProfile p = TrackProfile.of(track, statistics, model.transform());
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
            System.arraycopy(weights.trackVector(p), 0, vectors, t * dimension, dimension);
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

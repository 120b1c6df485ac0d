package com.runtothebeats.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.NextTrackRanker;
import com.runtothebeats.core.flow.PlaylistContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained ranking model serving scores: candidates' vectors v(c) are computed once per candidate set
 * (one batched forward pass); each played track updates the playlist's {@link PlaylistHistory}; scoring a
 * position is one forward pass for u(h) and then, per candidate, a dot product and the pair features'
 * weighted sum. Thread-safe: sessions hold their own state and the network is only read.
 */
public final class RankingModel implements NextTrackRanker, AutoCloseable {

    private final Model model;
    private final RankingNetwork network;
    private final PlaylistStatistics statistics;
    private final FeatureTransform transform;
    private final String version;
    private final float[] pairWeights;

    RankingModel(Model model, PlaylistStatistics statistics, FeatureTransform transform, String version) {
        this.model = model;
        this.network = (RankingNetwork) model.getBlock();
        this.statistics = statistics;
        this.transform = transform;
        this.version = version;
        this.pairWeights = network.pairWeights();
    }

    @Override
    public String version() {
        return version;
    }

    public FeatureTransform transform() {
        return transform;
    }

    PlaylistStatistics statistics() {
        return statistics;
    }

    Model djlModel() {
        return model;
    }

    @Override
    public Candidates prepare(List<Track> candidates) {
        List<Track> tracks = List.copyOf(candidates);
        TrackProfile[] profiles = new TrackProfile[tracks.size()];
        for (int c = 0; c < profiles.length; c++) {
            profiles[c] = TrackProfile.of(tracks.get(c), statistics, transform);
        }
        float[][] vectors = vectors(profiles);
        Map<String, Integer> indexOf = new HashMap<>();
        for (int c = 0; c < profiles.length; c++) {
            indexOf.putIfAbsent(tracks.get(c).id(), c);
        }
        return new Candidates() {
            @Override
            public List<Track> tracks() {
                return tracks;
            }

            @Override
            public Session start(PlaylistContext context) {
                return new RankingSession(profiles, vectors, indexOf, context);
            }
        };
    }

    /** v(t) for each profile, one batched pass. */
    float[][] vectors(TrackProfile[] profiles) {
        int d = dimension();
        float[][] out = new float[profiles.length][];
        if (profiles.length == 0) {
            return out;
        }
        long[] ids = new long[profiles.length * 3];
        float[] content = new float[profiles.length * TrackProfile.CONTENT];
        for (int i = 0; i < profiles.length; i++) {
            ids[3 * i] = profiles[i].trackIndex();
            ids[3 * i + 1] = profiles[i].artistIndex();
            ids[3 * i + 2] = profiles[i].albumIndex();
            System.arraycopy(profiles[i].content(), 0, content, i * TrackProfile.CONTENT, TrackProfile.CONTENT);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray v = network.trackVectors(new ParameterStore(manager, false),
                    manager.create(ids, new Shape(profiles.length, 3)),
                    manager.create(content, new Shape(profiles.length, TrackProfile.CONTENT)), false);
            float[] flat = v.toFloatArray();
            for (int i = 0; i < profiles.length; i++) {
                out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
            }
        }
        return out;
    }

    int dimension() {
        return (int) network.dimension();
    }

    /** The same model for serving in plain Java: its weights read out of the network once. */
    public PlainRankingModel plain() {
        return new PlainRankingModel(version, statistics, transform, RankingWeights.of(network));
    }

    /** u(h) from the mean and last played vectors and the playlist's labels. */
    float[] context(float[] mean, float[] last, int genre, int subgenre) {
        int d = mean.length;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray u = network.contextVectors(new ParameterStore(manager, false), manager.create(mean, new Shape(1, d)),
                    manager.create(last, new Shape(1, d)), manager.create(new long[] {genre, subgenre}, new Shape(1, 2)), false);
            return u.toFloatArray();
        }
    }

    private final class RankingSession implements Session {
        private final TrackProfile[] profiles;
        private final float[][] vectors;
        private final Map<String, Integer> indexOf;
        private final PlaylistHistory history;
        private final double[] nearest;
        private final float[] sum;
        private float[] last;
        private final float[] features = new float[PlaylistHistory.SIZE];

        RankingSession(TrackProfile[] profiles, float[][] vectors, Map<String, Integer> indexOf, PlaylistContext context) {
            this.profiles = profiles;
            this.vectors = vectors;
            this.indexOf = indexOf;
            this.history = new PlaylistHistory(statistics, context.genre(), context.subgenre());
            this.nearest = new double[profiles.length];
            java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            this.sum = new float[dimension()];
        }

        @Override
        public void play(Track track) {
            Integer c = indexOf.get(track.id());
            TrackProfile profile = c != null ? profiles[c] : TrackProfile.of(track, statistics, transform);
            float[] v = c != null ? vectors[c] : vectors(new TrackProfile[] {profile})[0];
            history.play(profile);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += v[j];
            }
            last = v;
            for (int k = 0; k < profiles.length; k++) {
                nearest[k] = Math.min(nearest[k], PlaylistHistory.distance(profiles[k].flow(), profile.flow()));
            }
        }

        @Override
        public double[] scores() {
            int n = history.size();
            if (n == 0) {
                throw new IllegalStateException("a ranking needs at least one played track");
            }
            float[] mean = new float[sum.length];
            for (int j = 0; j < sum.length; j++) {
                mean[j] = sum[j] / n;
            }
            float[] u = context(mean, last, history.genre(), history.subgenre());
            double[] out = new double[profiles.length];
            for (int k = 0; k < profiles.length; k++) {
                float[] v = vectors[k];
                double s = 0;
                for (int j = 0; j < u.length; j++) {
                    s += u[j] * v[j];
                }
                history.features(profiles[k], nearest[k], features, 0);
                for (int f = 0; f < features.length; f++) {
                    s += pairWeights[f] * features[f];
                }
                out[k] = s;
            }
            return out;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

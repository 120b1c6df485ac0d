package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simple rankings a learnt ranking model has to beat (issue 13): the candidates closest to the running
 * median of the playlist's standardised flow features; the same, but tracks by an artist already played
 * first; and the most popular tracks first.
 */
public final class RankingBaseline implements NextTrackRanker {

    public enum Kind {
        FEATURE_DISTANCE("feature-distance"),
        SAME_ARTIST_THEN_DISTANCE("same-artist-then-distance"),
        POPULARITY("popularity");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Larger than any distance in the standardised space, so a played artist always ranks first. */
    private static final double SAME_ARTIST_BONUS = 1e6;

    private final Kind kind;
    private final FeatureTransform transform;

    public RankingBaseline(Kind kind, FeatureTransform transform) {
        this.kind = kind;
        this.transform = transform;
    }

    public static List<RankingBaseline> all(FeatureTransform transform) {
        List<RankingBaseline> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            out.add(new RankingBaseline(kind, transform));
        }
        return out;
    }

    @Override
    public String version() {
        return kind.label();
    }

    @Override
    public Candidates prepare(List<Track> candidates) {
        List<Track> tracks = List.copyOf(candidates);
        double[][] standardised = new double[tracks.size()][];
        for (int c = 0; c < tracks.size(); c++) {
            standardised[c] = transform.standardise(tracks.get(c).features());
        }
        return new Candidates() {
            @Override
            public List<Track> tracks() {
                return tracks;
            }

            @Override
            public Session start(PlaylistContext context) {
                return new BaselineSession(tracks, standardised);
            }
        };
    }

    private final class BaselineSession implements Session {
        private final List<Track> candidates;
        private final double[][] standardised;
        private final RunningFlowStatistics statistics = new RunningFlowStatistics(FlowFeature.COUNT, 16);
        private final Set<String> artists = new HashSet<>();

        BaselineSession(List<Track> candidates, double[][] standardised) {
            this.candidates = candidates;
            this.standardised = standardised;
        }

        @Override
        public void play(Track track) {
            statistics.add(transform.standardise(track.features()));
            artists.add(track.artist());
        }

        @Override
        public double[] scores() {
            if (statistics.count() == 0) {
                throw new IllegalStateException("a ranking needs at least one played track");
            }
            double[] out = new double[candidates.size()];
            double[] median = kind == Kind.POPULARITY ? null : statistics.median();
            for (int c = 0; c < out.length; c++) {
                Track candidate = candidates.get(c);
                out[c] = switch (kind) {
                    case POPULARITY -> candidate.popularity();
                    case FEATURE_DISTANCE -> -Math.sqrt(NextTrackEvaluation.squaredDistance(median, standardised[c]));
                    case SAME_ARTIST_THEN_DISTANCE -> (artists.contains(candidate.artist()) ? SAME_ARTIST_BONUS : 0)
                            - Math.sqrt(NextTrackEvaluation.squaredDistance(median, standardised[c]));
                };
            }
            return out;
        }
    }
}

package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple predictions a learnt model has to beat: the catalog's mean track (the origin of the
 * standardised space), the last track, and the running mean or median of the playlist so far. Each is a
 * {@link SequenceModel} too, so the recommender can fall back on one when no model is promoted.
 */
public final class NextTrackBaseline implements SequenceModel {

    public enum Kind {
        GLOBAL_MEAN("global-mean"),
        LAST_TRACK("last-track"),
        RUNNING_MEAN("running-mean"),
        RUNNING_MEDIAN("running-median");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final FeatureTransform transform;

    public NextTrackBaseline(Kind kind, FeatureTransform transform) {
        this.kind = kind;
        this.transform = transform;
    }

    public static List<NextTrackBaseline> all(FeatureTransform transform) {
        List<NextTrackBaseline> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            out.add(new NextTrackBaseline(kind, transform));
        }
        return out;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public double[] predictNext(List<AudioFeatures> history) {
        List<double[]> all = predictEachNext(history);
        return all.get(all.size() - 1);
    }

    @Override
    public List<double[]> predictEachNext(List<AudioFeatures> playlist) {
        if (playlist.isEmpty()) {
            throw new IllegalArgumentException("a history needs at least one track");
        }
        RunningFlowStatistics statistics = new RunningFlowStatistics(FlowFeature.COUNT, playlist.size());
        List<double[]> out = new ArrayList<>(playlist.size());
        for (AudioFeatures track : playlist) {
            double[] standardised = transform.standardise(track);
            statistics.add(standardised);
            out.add(switch (kind) {
                case GLOBAL_MEAN -> new double[FlowFeature.COUNT];
                case LAST_TRACK -> standardised;
                case RUNNING_MEAN -> statistics.mean();
                case RUNNING_MEDIAN -> statistics.median();
            });
        }
        return out;
    }

    @Override
    public String version() {
        return kind.label();
    }
}

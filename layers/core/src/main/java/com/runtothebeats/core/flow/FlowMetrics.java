package com.runtothebeats.core.flow;

/**
 * How well a next-track predictor did on held-out playlists.
 *
 * @param mae         mean absolute error over the eight standardised flow features and every predicted position
 * @param hitRateAt10 share of positions whose true next track ranks in the 10 candidates nearest the prediction
 * @param mrr         mean reciprocal rank of the true next track among the candidates
 * @param predictions number of positions scored
 */
public record FlowMetrics(double mae, double hitRateAt10, double mrr, long predictions) {

    /** True when this is better than {@code other} on all three measures (lower MAE, higher hit rate and MRR). */
    public boolean beatsOnEveryMeasure(FlowMetrics other) {
        return mae < other.mae && hitRateAt10 > other.hitRateAt10 && mrr > other.mrr;
    }
}

package com.runtothebeats.core.flow;

/**
 * How well a next-track ranker did on held-out playlists: for every position i &ge; 1 the true track i is
 * ranked among all candidates except tracks 0..i-1 of its playlist.
 *
 * @param hitRateAt10  share of positions whose true track is in the top 10
 * @param hitRateAt100 share of positions whose true track is in the top 100
 * @param mrr          mean reciprocal rank of the true track (0 where it is not a candidate)
 * @param positions    number of positions scored
 */
public record RankingMetrics(double hitRateAt10, double hitRateAt100, double mrr, long positions) {

    /** True when this is better than {@code other} on HitRate@10 and on MRR. */
    public boolean beats(RankingMetrics other) {
        return hitRateAt10 > other.hitRateAt10 && mrr > other.mrr;
    }
}

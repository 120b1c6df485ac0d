package com.runtothebeats.core.playlist;

/**
 * The ranking model's scorer prepared for one index that is not the catalog the model was loaded with (a runner's
 * library or mix): prepared on the first playlist built over the index, and again only when another model is
 * promoted, so a runner's requests after the first pay nothing for it. Lives as long as its index.
 */
final class FlowScorerMemo {

    private final TempoIndex index;
    private NextTrackScorer preparedFrom;
    private NextTrackScorer prepared;

    FlowScorerMemo(TempoIndex index) {
        this.index = index;
    }

    /** {@code scorer} itself when it is for this index, else the same model prepared for it. */
    synchronized NextTrackScorer from(NextTrackScorer scorer) {
        if (scorer.index() == index) {
            return scorer;
        }
        if (scorer != preparedFrom) {
            prepared = scorer.preparedFor(index);
            preparedFrom = scorer;
        }
        return prepared;
    }
}

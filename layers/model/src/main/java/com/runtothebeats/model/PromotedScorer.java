package com.runtothebeats.model;

import com.runtothebeats.core.playlist.NextTrackScorer;
import com.runtothebeats.core.playlist.TempoIndex;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The promoted ranking model prepared for the container's catalog index: prepared once per model (a new
 * promotion is prepared on the next playlist that finds it), and empty when nothing is promoted, so the
 * search falls back on its other flow term.
 */
public final class PromotedScorer implements Supplier<Optional<NextTrackScorer>> {

    private final Supplier<Optional<PlainRankingModel>> models;
    private final TempoIndex index;
    private PlainRankingModel preparedFor;
    private RankingScorer scorer;

    public PromotedScorer(Supplier<Optional<PlainRankingModel>> models, TempoIndex index) {
        this.models = models;
        this.index = index;
    }

    @Override
    public synchronized Optional<NextTrackScorer> get() {
        Optional<PlainRankingModel> model = models.get();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        if (model.get() != preparedFor) {
            scorer = RankingScorer.prepare(model.get(), index);
            preparedFor = model.get();
        }
        return Optional.of(scorer);
    }
}

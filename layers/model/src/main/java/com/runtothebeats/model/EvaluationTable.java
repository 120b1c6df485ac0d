package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.flow.FlowMetrics;
import com.runtothebeats.core.flow.NextTrackEvaluation;
import com.runtothebeats.core.flow.SequenceModel;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ./beats evaluate} prints: MAE (standardised space), HitRate@10 and MRR of the model and of
 * the baselines on the playlists of a file, the true next track ranked among all the file's tracks.
 */
public final class EvaluationTable {

    private EvaluationTable() {
    }

    /** @param rows the model first, then the baselines in their usual order */
    public record Result(Map<String, FlowMetrics> rows, int playlists, int candidates) {
    }

    /** The label of the {@code --headroom} row: not a predictor, it sees the tracks after the one it predicts. */
    public static final String HINDSIGHT_ROW = "hindsight (not a predictor)";

    public static Result evaluate(List<PlaylistSequence> playlists, SequenceModel model, FeatureTransform transform) {
        return evaluate(playlists, model, transform, false);
    }

    /**
     * @param withHindsight add a last row scoring each track by the median of the <em>other</em> tracks of its
     *                      playlist, future ones included ({@link NextTrackEvaluation#evaluateHindsight()}): how
     *                      far below the baselines anything that reads only the playlist's own tracks can get
     */
    public static Result evaluate(List<PlaylistSequence> playlists, SequenceModel model, FeatureTransform transform,
            boolean withHindsight) {
        NextTrackEvaluation evaluation = new NextTrackEvaluation(transform, playlists);
        Map<String, FlowMetrics> rows = new LinkedHashMap<>();
        rows.put("model " + model.version(), evaluation.evaluate(model));
        rows.putAll(evaluation.evaluateBaselines());
        if (withHindsight) {
            rows.put(HINDSIGHT_ROW, evaluation.evaluateHindsight());
        }
        return new Result(rows, playlists.size(), evaluation.candidateCount());
    }

    public static void print(Result result, PrintStream out) {
        Map<String, FlowMetrics> rows = result.rows();
        out.printf(Locale.ROOT, "%d playlists, %d distinct candidate tracks; MAE in the model's Yeo-Johnson + z-score space%n",
                result.playlists(), result.candidates());
        int width = Math.max(16, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %8s %11s %8s %11s%n", "predictor", "MAE", "HitRate@10", "MRR", "predictions");
        rows.forEach((name, m) -> out.printf(Locale.ROOT, "%-" + width + "s %8.4f %11.4f %8.4f %11d%n",
                name, m.mae(), m.hitRateAt10(), m.mrr(), m.predictions()));
        out.flush();
    }
}

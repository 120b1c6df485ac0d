package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.flow.NextTrackRanker;
import com.runtothebeats.core.flow.NextTrackRanking;
import com.runtothebeats.core.flow.RankingMetrics;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranking half of {@code ./beats evaluate}: HitRate@10, HitRate@100 and MRR of the ranking model and the
 * ranking baselines, every position's true track ranked among all distinct tracks of the file except the
 * tracks already played, as {@code rank-next} ranks them.
 */
public final class RankingTable {

    private RankingTable() {
    }

    /** @param rows the model first, then the baselines */
    public record Result(Map<String, RankingMetrics> rows, int playlists, int candidates) {
    }

    public static Result evaluate(List<PlaylistSequence> playlists, NextTrackRanker model, FeatureTransform transform) {
        NextTrackRanking ranking = new NextTrackRanking(playlists, NextTrackRanking.tracksOf(playlists));
        Map<String, RankingMetrics> rows = new LinkedHashMap<>();
        rows.put("ranking model " + model.version(), ranking.evaluate(model));
        rows.putAll(ranking.evaluateBaselines(transform));
        return new Result(rows, playlists.size(), ranking.candidateCount());
    }

    public static void print(Result result, PrintStream out) {
        out.printf(Locale.ROOT, "next-track ranking: %d playlists, each position's true track among %d candidates "
                + "(the file's tracks, less those already played)%n", result.playlists(), result.candidates());
        int width = Math.max(16, result.rows().keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %11s %12s %8s %10s%n", "ranker", "HitRate@10", "HitRate@100", "MRR", "positions");
        result.rows().forEach((name, m) -> out.printf(Locale.ROOT, "%-" + width + "s %11.4f %12.4f %8.4f %10d%n",
                name, m.hitRateAt10(), m.hitRateAt100(), m.mrr(), m.positions()));
        out.flush();
    }
}

package com.runtothebeats.local;

import com.runtothebeats.model.EvaluationTable;
import com.runtothebeats.model.RankingTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./beats evaluate --playlists FILE.csv}: MAE, HitRate@10 and MRR of the promoted flow model and of the
 * baselines (global mean, last track, running mean, running median) on the playlists of a file; with
 * {@code --headroom} also the hindsight yardstick (median of each playlist's other tracks). Then HitRate@10,
 * HitRate@100 and MRR of the promoted ranking model and the ranking baselines (feature distance to the running
 * median, same artist then distance, popularity).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores the promoted sequence model and the baselines on the playlists of a dataset-format CSV:",
                "MAE over the 8 standardised flow features, HitRate@10 and MRR of the true next track among all tracks of the file;",
                "then the ranking model and the ranking baselines: HitRate@10, HitRate@100, MRR among the same tracks."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    PlaylistsFileOptions input;

    @Option(names = "--headroom", description = {"Also score the hindsight yardstick: each track predicted by the median of",
            "the other tracks of its playlist, later ones included. Not a predictor; it shows how much room",
            "the playlist's own tracks leave below the baselines."})
    boolean headroom;

    @Override
    public Integer call() throws Exception {
        return LocalModels.withPromotedModels(input, (data, model, ranking, out, err) -> {
            EvaluationTable.print(EvaluationTable.evaluate(data.playlists(), model, model.transform(), headroom), out);
            out.println();
            if (ranking.isPresent()) {
                RankingTable.print(RankingTable.evaluate(data.playlists(), ranking.get(), ranking.get().transform()), out);
            } else {
                err.println("the promoted model " + model.version() + " has no ranking model (trained before it existed)");
            }
        });
    }
}

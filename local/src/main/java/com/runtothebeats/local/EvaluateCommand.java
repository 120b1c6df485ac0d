package com.runtothebeats.local;

import com.runtothebeats.model.EvaluationTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./beats evaluate --playlists FILE.csv}: MAE, HitRate@10 and MRR of the promoted model and of the
 * baselines (global mean, last track, running mean, running median) on the playlists of a file; with
 * {@code --headroom} also the hindsight yardstick (median of each playlist's other tracks).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores the promoted sequence model and the baselines on the playlists of a dataset-format CSV:",
                "MAE over the 8 standardised flow features, HitRate@10 and MRR of the true next track among all tracks of the file."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    PlaylistsFileOptions input;

    @Option(names = "--headroom", description = {"Also score the hindsight yardstick: each track predicted by the median of",
            "the other tracks of its playlist, later ones included. Not a predictor; it shows how much room",
            "the playlist's own tracks leave below the baselines."})
    boolean headroom;

    @Override
    public Integer call() throws Exception {
        return LocalModels.withPromotedModel(input, (data, model, out, err) ->
                EvaluationTable.print(EvaluationTable.evaluate(data.playlists(), model, model.transform(), headroom), out));
    }
}

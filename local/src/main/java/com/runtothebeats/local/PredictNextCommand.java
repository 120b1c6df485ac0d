package com.runtothebeats.local;

import com.runtothebeats.model.PredictNextLines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./beats predict-next --playlists FILE.csv}: one JSON line per playlist position i &ge; 1 with the
 * promoted model's prediction for track i from tracks 0..i-1, in the dataset's original units.
 */
@Command(name = "predict-next", mixinStandardHelpOptions = true,
        description = {"Predicts every next track of every playlist in a dataset-format CSV with the promoted model:",
                "one JSON object per line (playlist_id, playlist_genre, playlist_subgenre, position, track_id, predicted{8 features})."})
final class PredictNextCommand implements Callable<Integer> {

    @Mixin
    PlaylistsFileOptions input;

    @Override
    public Integer call() throws Exception {
        return LocalModels.withPromotedModel(input, (data, model, out, err) -> {
            long lines = PredictNextLines.write(data, model, model.transform(), out);
            err.printf("%d predictions from model %s for %d playlists%n", lines, model.version(), data.playlists().size());
        });
    }
}

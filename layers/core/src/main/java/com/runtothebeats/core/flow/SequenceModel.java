package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.AudioFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts what the next track of a playlist should sound like from the tracks so far: the eight flow
 * features ({@link com.runtothebeats.core.catalog.FlowFeature} order) in the feature transform's
 * standardised space. Candidates close to the prediction flow best after the history.
 */
public interface SequenceModel {

    /**
     * @param history the playlist so far, oldest first; never empty
     * @return the predicted next track's flow features, standardised
     */
    double[] predictNext(List<AudioFeatures> history);

    /**
     * The same prediction for a playlist whose genre and subgenre are known; models that condition on them
     * override this, the others ignore the context.
     */
    default double[] predictNext(PlaylistContext context, List<AudioFeatures> history) {
        return predictNext(history);
    }

    /** Many histories at once; implementations batch them. */
    default List<double[]> predictNextBatch(List<List<AudioFeatures>> histories) {
        List<double[]> out = new ArrayList<>(histories.size());
        for (List<AudioFeatures> h : histories) {
            out.add(predictNext(h));
        }
        return out;
    }

    /**
     * Predictions after every prefix of a playlist: element k is the prediction for track k + 1 made from
     * tracks 0..k only (the last one predicts a track beyond the playlist). Implementations that read a
     * sequence once (a recurrent network) override this to score a whole playlist in one pass.
     */
    default List<double[]> predictEachNext(List<AudioFeatures> playlist) {
        List<double[]> out = new ArrayList<>(playlist.size());
        for (int k = 1; k <= playlist.size(); k++) {
            out.add(predictNext(playlist.subList(0, k)));
        }
        return out;
    }

    /** {@link #predictEachNext(List)} for a playlist whose genre and subgenre are known. */
    default List<double[]> predictEachNext(PlaylistContext context, List<AudioFeatures> playlist) {
        return predictEachNext(playlist);
    }

    /** Identifies the model (its version in the model store), for explanations and logs. */
    String version();
}

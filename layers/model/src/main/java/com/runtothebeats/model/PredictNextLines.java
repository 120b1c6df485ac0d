package com.runtothebeats.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.PlaylistContext;
import com.runtothebeats.core.flow.SequenceModel;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./beats predict-next} prints: for every playlist block of a dataset file and every position
 * i &ge; 1, one JSON line with the model's prediction for track i made from tracks 0..i-1 only, in the
 * dataset's original units. Positions are the rows' positions within their block in the file; rows whose
 * values cannot be a track are neither history nor target (the caller reports them).
 */
public final class PredictNextLines {

    private static final ObjectMapper LINE = new ObjectMapper();

    private PredictNextLines() {
    }

    /** Writes the lines; returns how many predictions were written. */
    public static long write(DatasetPlaylists data, SequenceModel model, FeatureTransform transform, PrintStream out) {
        long written = 0;
        for (int b = 0; b < data.playlists().size(); b++) {
            PlaylistSequence playlist = data.playlists().get(b);
            int[] positions = data.positions().get(b);
            List<Track> tracks = playlist.tracks();
            if (tracks.size() < 2) {
                continue;
            }
            List<AudioFeatures> features = tracks.stream().map(Track::features).toList();
            // element k is the prediction from tracks 0..k, i.e. for the track after k
            List<double[]> predictions = model.predictEachNext(
                    new PlaylistContext(playlist.genre(), playlist.subgenre()), features.subList(0, features.size() - 1));
            for (int k = 1; k < tracks.size(); k++) {
                double[] original = transform.toOriginal(predictions.get(k - 1));
                Map<String, Object> predicted = new LinkedHashMap<>();
                for (FlowFeature feature : FlowFeature.values()) {
                    predicted.put(feature.columnName(), original[feature.ordinal()]);
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("playlist_id", playlist.playlistId());
                line.put("playlist_genre", playlist.genre());
                line.put("playlist_subgenre", playlist.subgenre());
                line.put("position", positions[k]);
                line.put("track_id", tracks.get(k).id());
                line.put("predicted", predicted);
                try {
                    out.println(LINE.writeValueAsString(line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                written++;
            }
        }
        out.flush();
        return written;
    }
}

package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.PlaylistContext;
import com.runtothebeats.core.flow.RunningFlowStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How tracks of each subgenre (and genre) sound, learnt from the training playlists only: the median of
 * every standardised flow feature over their tracks. Early in a playlist the running median of two or three
 * tracks is noisy, and the playlist's subgenre says where its tracks usually sit; the network reads this
 * prior and learns how far to trust it against the history. An unknown subgenre falls back on the genre,
 * an unknown genre on nothing (the network was trained on such playlists too).
 */
public record SubgenrePriors(Map<String, double[]> bySubgenre, Map<String, double[]> byGenre) {

    public static final String FILE = "subgenre-priors.json";
    public static final SubgenrePriors NONE = new SubgenrePriors(Map.of(), Map.of());

    public SubgenrePriors {
        bySubgenre = Map.copyOf(bySubgenre);
        byGenre = Map.copyOf(byGenre);
    }

    public static SubgenrePriors learn(List<PlaylistSequence> training, FeatureTransform transform) {
        Map<String, List<double[]>> subgenres = new TreeMap<>();
        Map<String, List<double[]>> genres = new TreeMap<>();
        for (PlaylistSequence playlist : training) {
            for (Track track : playlist.tracks()) {
                double[] z = transform.standardise(track.features());
                subgenres.computeIfAbsent(playlist.subgenre(), s -> new ArrayList<>()).add(z);
                genres.computeIfAbsent(playlist.genre(), g -> new ArrayList<>()).add(z);
            }
        }
        return new SubgenrePriors(medians(subgenres), medians(genres));
    }

    /** The prior for a playlist's labels, or empty when neither label was seen in training. */
    public Optional<double[]> of(PlaylistContext context) {
        if (context == null) {
            return Optional.empty();
        }
        double[] prior = context.subgenre() == null ? null : bySubgenre.get(context.subgenre());
        if (prior == null && context.genre() != null) {
            prior = byGenre.get(context.genre());
        }
        return Optional.ofNullable(prior);
    }

    private static Map<String, double[]> medians(Map<String, List<double[]>> groups) {
        Map<String, double[]> out = new TreeMap<>();
        groups.forEach((label, vectors) -> {
            if (label == null) {
                return;
            }
            RunningFlowStatistics statistics = new RunningFlowStatistics(FlowFeature.COUNT, vectors.size());
            vectors.forEach(statistics::add);
            out.put(label, statistics.median());
        });
        return out;
    }
}

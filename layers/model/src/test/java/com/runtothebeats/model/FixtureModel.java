package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.util.List;

/** One small model trained on a fixture of real playlists, shared by the tests of this JVM (training costs seconds). */
public final class FixtureModel {

    static final TrainingOptions SMALL = new TrainingOptions(12, 0.1f, 0.01f, 0.01f, 8, 25, 5, 0.25, 7L);

    private static List<PlaylistSequence> fixture;
    private static FeatureTransform transform;
    private static FlowModelTrainer.Trained trained;
    private static RankingModelTrainer.Trained ranking;
    static final RankingOptions SMALL_RANKING = new RankingOptions(8, 16, 0.01f, 1e-4f, 4, 64, 2, 1, 2, 7L);

    private FixtureModel() {
    }

    public static synchronized FlowModelTrainer.Trained trained() {
        if (trained == null) {
            trained = new FlowModelTrainer(SMALL).train(fixture(), transform(), "fixture-model");
        }
        return trained;
    }

    /** A ranking model trained on the same fixture and split (two epochs: enough to learn the pair weights' signs). */
    public static synchronized RankingModelTrainer.Trained ranking() {
        if (ranking == null) {
            ranking = new RankingModelTrainer(SMALL_RANKING, e -> { }).train(trained().split(), transform(), "fixture-model");
        }
        return ranking;
    }

    public static synchronized List<PlaylistSequence> fixture() {
        if (fixture == null) {
            fixture = RealPlaylists.sample(6, 40);
        }
        return fixture;
    }

    public static synchronized FeatureTransform transform() {
        if (transform == null) {
            transform = FeatureTransform.fit("fixture", fixture().stream().flatMap(p -> p.tracks().stream()).map(Track::features).toList());
        }
        return transform;
    }
}

package com.runtothebeats.model;

import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.FeatureTransform;
import java.io.FileInputStream;
import java.io.InputStream;

/** Trains on the real training split with given seeds and prints validation metrics against the baselines. */
public final class TrainingExperiment {
    public static void main(String[] args) throws Exception {
        DatasetPlaylists data;
        try (InputStream in = new FileInputStream(args[0])) {
            data = DatasetPlaylists.read(in);
        }
        FeatureTransform transform = FeatureTransform.fit("experiment", data.allFeatures());
        TrainingOptions d = TrainingOptions.defaults();
        TrainingOptions base = new TrainingOptions(Integer.getInteger("hidden", d.hiddenSize()),
                Float.parseFloat(System.getProperty("dropout", "" + d.dropout())),
                Float.parseFloat(System.getProperty("lr", "" + d.learningRate())),
                Float.parseFloat(System.getProperty("wd", "" + d.weightDecay())),
                Integer.getInteger("batch", d.batchSize()), Integer.getInteger("epochs", d.maxEpochs()),
                Integer.getInteger("patience", d.patience()), d.validationShare(), d.seed());
        System.out.println(base);
        for (int i = 1; i < args.length; i++) {
            TrainingOptions options = base.withSeed(Long.parseLong(args[i]));
            FlowModelTrainer.Trained trained = new FlowModelTrainer(options,
                    e -> System.err.print(".")).train(data.playlists(), transform, "experiment");
            TrainingReport r = trained.report();
            System.err.println();
            System.out.printf("seed %d: %.1fs epochs %d best %d train %d val %d%n", options.seed(), r.seconds(), r.epochsRun(),
                    r.bestEpoch(), r.trainingPlaylists(), r.validationPlaylists());
            System.out.printf("  model  %s%n", r.validation());
            r.baselines().forEach((k, v) -> System.out.printf("  %-15s %s%n", k, v));
            // what the recommender sees: the same model asked without the playlist's labels
            var blind = new com.runtothebeats.core.flow.SequenceModel() {
                public double[] predictNext(java.util.List<com.runtothebeats.core.catalog.AudioFeatures> h) {
                    return trained.model().predictNext(h);
                }

                public java.util.List<double[]> predictEachNext(java.util.List<com.runtothebeats.core.catalog.AudioFeatures> p) {
                    return trained.model().predictEachNext(p);
                }

                public String version() {
                    return "no-labels";
                }
            };
            System.out.printf("  no labels %s%n", new com.runtothebeats.core.flow.NextTrackEvaluation(transform,
                    trained.split().validation()).evaluate(blind));
            System.out.printf("  hindsight %s%n", new com.runtothebeats.core.flow.NextTrackEvaluation(transform,
                    trained.split().validation()).evaluateHindsight());
            System.out.println("  share " + r.inwardShare() + " trials " + r.inwardShareTrials());
            trained.model().close();
        }
    }
}

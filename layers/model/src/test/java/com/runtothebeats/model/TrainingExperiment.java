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
            System.out.println("  share " + r.inwardShare() + " trials " + r.inwardShareTrials());
            trained.model().close();
        }
    }
}

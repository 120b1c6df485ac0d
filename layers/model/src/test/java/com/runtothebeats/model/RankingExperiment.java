package com.runtothebeats.model;

import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.flow.NextTrackRanking;
import com.runtothebeats.core.flow.PlaylistSplit;
import java.io.FileInputStream;
import java.io.InputStream;

/**
 * Trains the ranking model on 80 % of the playlists of a dataset file (split by playlist, 20 % held out per
 * subgenre, seed = each argument after the file) and ranks the held-out playlists' next tracks among all
 * held-out tracks, as {@code rank-next} + outside scoring would; prints the model and the baselines.
 * {@code java -cp <model test classpath> com.runtothebeats.model.RankingExperiment FILE.csv 1 2 3}
 */
public final class RankingExperiment {
    public static void main(String[] args) throws Exception {
        DatasetPlaylists data;
        try (InputStream in = new FileInputStream(args[0])) {
            data = DatasetPlaylists.read(in);
        }
        RankingOptions d = RankingOptions.defaults();
        RankingOptions options = new RankingOptions(Integer.getInteger("dim", d.dimension()), Integer.getInteger("hidden", d.hidden()),
                Float.parseFloat(System.getProperty("lr", "" + d.learningRate())),
                Float.parseFloat(System.getProperty("wd", "" + d.weightDecay())),
                Integer.getInteger("perBatch", d.playlistsPerBatch()), Integer.getInteger("uniform", d.uniformNegatives()),
                Integer.getInteger("epochs", d.maxEpochs()), Integer.getInteger("patience", d.patience()),
                Integer.getInteger("folds", d.folds()), d.seed());
        System.out.println(options);
        for (int i = 1; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            PlaylistSplit outer = PlaylistSplit.bySubgenre(data.playlists(), 0.2, seed);
            FeatureTransform transform = FeatureTransform.fit("experiment",
                    outer.training().stream().flatMap(p -> p.tracks().stream()).map(t -> t.features()).toList());
            PlaylistSplit inner = PlaylistSplit.bySubgenre(outer.training(), 0.2, 20260124L);
            long started = System.nanoTime();
            RankingModelTrainer.Trained trained = new RankingModelTrainer(options, e -> System.err.print("."))
                    .train(inner, transform, "experiment");
            System.err.println();
            RankingReport r = trained.report();
            System.out.printf("seed %d: %.1fs epochs %d best %d; inner validation %s%n", seed, r.seconds(), r.epochsRun(),
                    r.bestEpoch(), r.validation());
            for (int e = 0; e < r.validationByEpoch().size(); e++) {
                System.out.printf("   epoch %d loss %.4f %s%n", e + 1, r.trainingLoss().get(e), r.validationByEpoch().get(e));
            }
            NextTrackRanking held = new NextTrackRanking(outer.validation(), NextTrackRanking.tracksOf(outer.validation()));
            System.out.printf("  held-out %d playlists, %d candidates%n", outer.validation().size(), held.candidateCount());
            System.out.printf("  model %s (%.1fs)%n", held.evaluate(trained.model()), (System.nanoTime() - started) / 1e9);
            held.evaluateBaselines(transform).forEach((k, v) -> System.out.printf("  %-26s %s%n", k, v));
            System.out.printf("  process CPU so far %.1fs%n", ProcessHandle.current().info().totalCpuDuration()
                    .map(cpu -> cpu.toMillis() / 1000.0).orElse(Double.NaN));
            trained.model().close();
        }
    }
}

package com.runtothebeats.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;


import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.NextTrackRanking;
import com.runtothebeats.core.flow.PlaylistSplit;
import com.runtothebeats.core.flow.RankingMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Trains the ranking model with a sampled softmax (InfoNCE): every position i &ge; 1 of a training playlist
 * scores its true track i against a pool of the batch's other playlists' tracks, which are of the same
 * genre (hard negatives: the genre alone no longer separates them), and tracks drawn uniformly from the
 * catalog (easy negatives, as the evaluation's candidates are: every distinct track once, so no popularity
 * correction is needed). Statistics and identities a playlist's features read are counted out-of-fold, so
 * training sees them as an unseen playlist will. Early stopping on the validation playlists' MRR, ranked
 * among all their tracks exactly as {@code evaluate} ranks them; the best epoch's parameters are kept.
 */
public final class RankingModelTrainer {

    static final String MODEL_NAME = "ranking";

    private final RankingOptions options;
    private final IntConsumer epochListener;

    public RankingModelTrainer(RankingOptions options, IntConsumer epochListener) {
        this.options = options;
        this.epochListener = epochListener;
    }

    public record Trained(RankingModel model, RankingShape shape, RankingReport report) {
    }

    /** One fold: its playlists, the statistics counted without them, and its tracks as the model sees them. */
    private record Fold(List<PlaylistSequence> playlists, PlaylistStatistics statistics, Map<String, TrackProfile> profiles,
                        List<TrackProfile> catalog) {
    }

    public Trained train(PlaylistSplit split, FeatureTransform transform, String version) {
        long started = System.nanoTime();
        List<PlaylistSequence> training = split.training().stream().filter(p -> p.tracks().size() >= 2).toList();
        List<PlaylistSequence> validation = split.validation().stream().filter(p -> p.tracks().size() >= 2).toList();
        if (training.isEmpty() || validation.isEmpty()) {
            throw new NotEnoughPlaylistsException("ranking needs playlists of two or more tracks on both sides of the split; "
                    + "this run has " + training.size() + " for training and " + validation.size() + " for validation");
        }
        PlaylistStatistics statistics = PlaylistStatistics.learn(training);
        List<Fold> folds = folds(training, transform);
        RankingShape shape = new RankingShape(statistics.tracks.size(), statistics.artists.size(), statistics.albums.size(),
                statistics.genres.size(), statistics.subgenres.size(), options.dimension(), options.hidden(),
                TrackProfile.CONTENT, PlaylistHistory.SIZE);
        CpuTraining.oneThread();
        Engine.getEngine(FlowModelTrainer.ENGINE).setRandomSeed((int) options.seed());
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), FlowModelTrainer.ENGINE);
        model.setBlock(shape.build());
        NextTrackRanking validationRanking = new NextTrackRanking(validation, NextTrackRanking.tracksOf(validation));
        // early stopping reads every third validation playlist (all validation tracks still the candidates):
        // the epochs' ranking passes cost as much as training, and the kept epoch is rescored on all of them
        List<PlaylistSequence> stoppingPlaylists = new ArrayList<>();
        for (int i = 0; i < validation.size(); i += 3) {
            stoppingPlaylists.add(validation.get(i));
        }
        NextTrackRanking stopping = new NextTrackRanking(stoppingPlaylists, NextTrackRanking.tracksOf(validation));
        Random random = new Random(options.seed());
        List<Double> trainingLoss = new ArrayList<>();
        List<RankingMetrics> validationMetrics = new ArrayList<>();
        float[][] best = null;
        RankingMetrics bestMetrics = null;
        int bestEpoch = 0;
        DefaultTrainingConfig config = CpuTraining.adamW(new SampledSoftmaxLoss(), options.learningRate(), options.weightDecay());
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(2, 3), new Shape(2, TrackProfile.CONTENT), new Shape(1, 2), new Shape(1, 2),
                    new Shape(1, 2), new Shape(1, 2, PlaylistHistory.SIZE));
            // the pair weights start at 0: the first epochs then rank by what the features say, not by noise
            ((RankingNetwork) model.getBlock()).zeroPairWeights();
            for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
                List<Batch> batches = new ArrayList<>();
                for (Fold fold : folds) {
                    batches.addAll(batchesOf(fold, random));
                }
                Collections.shuffle(batches, random);
                double lossSum = 0;
                long encodeNanos = 0;
                long stepNanos = 0;
                for (Batch batch : batches) {
                    try (NDManager manager = trainer.getManager().newSubManager()) {
                        long t0 = System.nanoTime();
                        Encoded encoded = encode(batch, random);
                        encodeNanos += System.nanoTime() - t0;
                        t0 = System.nanoTime();
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predicted = trainer.forward(encoded.inputs(manager));
                            NDArray loss = trainer.getLoss().evaluate(encoded.labels(manager), predicted);
                            collector.backward(loss);
                            lossSum += loss.getFloat();
                        }
                        trainer.step();
                        stepNanos += System.nanoTime() - t0;
                    }
                }
                long t1 = System.nanoTime();
                trainingLoss.add(lossSum / batches.size());
                RankingMetrics metrics = stopping.evaluate(new RankingModel(model, statistics, transform, version));
                validationMetrics.add(metrics);
                if (Boolean.getBoolean("ranking.timing")) {
                    System.err.printf("epoch %d: encode %.1fs, network %.1fs, validation %.1fs; %s%n", epoch, encodeNanos / 1e9,
                            stepNanos / 1e9, (System.nanoTime() - t1) / 1e9, metrics);
                }
                epochListener.accept(epoch);
                if (bestMetrics == null || metrics.mrr() > bestMetrics.mrr()) {
                    bestMetrics = metrics;
                    bestEpoch = epoch;
                    best = ParameterSnapshot.of(model);
                } else if (epoch - bestEpoch >= options.patience()) {
                    break;
                }
            }
        }
        ParameterSnapshot.restore(model, best);
        RankingModel ranking = new RankingModel(model, statistics, transform, version);
        RankingMetrics kept = validationRanking.evaluate(ranking);
        Map<String, RankingMetrics> baselines = validationRanking.evaluateBaselines(transform);
        double seconds = (System.nanoTime() - started) / 1e9;
        RankingReport report = new RankingReport(options, training.size(), validation.size(), validationRanking.candidateCount(),
                validationMetrics.size(), bestEpoch, trainingLoss, validationMetrics, seconds, kept, baselines);
        return new Trained(ranking, shape, report);
    }

    private List<Fold> folds(List<PlaylistSequence> training, FeatureTransform transform) {
        List<String> ids = new ArrayList<>(new java.util.TreeSet<>(training.stream().map(PlaylistSequence::playlistId).toList()));
        Collections.shuffle(ids, new Random(options.seed() + 1));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            foldOf.put(ids.get(i), i % options.folds());
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < options.folds(); f++) {
            int fold = f;
            List<PlaylistSequence> inFold = training.stream().filter(p -> foldOf.get(p.playlistId()) == fold).toList();
            List<PlaylistSequence> others = training.stream().filter(p -> foldOf.get(p.playlistId()) != fold).toList();
            PlaylistStatistics statistics = PlaylistStatistics.learn(training, others);
            Map<String, TrackProfile> profiles = new LinkedHashMap<>();
            for (PlaylistSequence p : inFold) {
                for (Track t : p.tracks()) {
                    profiles.computeIfAbsent(t.id(), id -> TrackProfile.of(t, statistics, transform));
                }
            }
            out.add(new Fold(inFold, statistics, profiles, List.copyOf(profiles.values())));
        }
        return out;
    }

    private record Batch(Fold fold, List<PlaylistSequence> playlists) {
    }

    /** The fold's playlists grouped by genre, shuffled, in batches of {@code playlistsPerBatch}. */
    private List<Batch> batchesOf(Fold fold, Random random) {
        Map<String, List<PlaylistSequence>> byGenre = new TreeMap<>();
        for (PlaylistSequence p : fold.playlists()) {
            byGenre.computeIfAbsent(p.genre(), g -> new ArrayList<>()).add(p);
        }
        List<Batch> out = new ArrayList<>();
        for (List<PlaylistSequence> genre : byGenre.values()) {
            Collections.shuffle(genre, random);
            for (int from = 0; from < genre.size(); from += options.playlistsPerBatch()) {
                out.add(new Batch(fold, genre.subList(from, Math.min(genre.size(), from + options.playlistsPerBatch()))));
            }
        }
        return out;
    }

    /** A batch as arrays: pool [P], examples [E]. */
    private record Encoded(int examples, int pool, long[] ids, float[] content, float[] history, float[] last,
                           long[] labels, float[] pair, float[] valid, float[] target) {

        NDList inputs(NDManager m) {
            return new NDList(m.create(ids, new Shape(pool, 3)), m.create(content, new Shape(pool, TrackProfile.CONTENT)),
                    m.create(history, new Shape(examples, pool)), m.create(last, new Shape(examples, pool)),
                    m.create(labels, new Shape(examples, 2)), m.create(pair, new Shape(examples, pool, PlaylistHistory.SIZE)));
        }

        NDList labels(NDManager m) {
            return new NDList(m.create(valid, new Shape(examples, pool)), m.create(target, new Shape(examples, pool)));
        }
    }

    private Encoded encode(Batch batch, Random random) {
        List<TrackProfile> pool = new ArrayList<>();
        int[] offsets = new int[batch.playlists().size()];
        int examples = 0;
        for (int b = 0; b < offsets.length; b++) {
            offsets[b] = pool.size();
            for (Track t : batch.playlists().get(b).tracks()) {
                pool.add(batch.fold().profiles().get(t.id()));
            }
            examples += batch.playlists().get(b).tracks().size() - 1;
        }
        List<TrackProfile> catalog = batch.fold().catalog();
        for (int u = 0; u < options.uniformNegatives(); u++) {
            pool.add(catalog.get(random.nextInt(catalog.size())));
        }
        int p = pool.size();
        int f = PlaylistHistory.SIZE;
        long[] ids = new long[p * 3];
        float[] content = new float[p * TrackProfile.CONTENT];
        for (int j = 0; j < p; j++) {
            TrackProfile t = pool.get(j);
            ids[3 * j] = t.trackIndex();
            ids[3 * j + 1] = t.artistIndex();
            ids[3 * j + 2] = t.albumIndex();
            System.arraycopy(t.content(), 0, content, j * TrackProfile.CONTENT, TrackProfile.CONTENT);
        }
        float[] history = new float[examples * p];
        float[] last = new float[examples * p];
        long[] labels = new long[examples * 2];
        float[] pair = new float[examples * p * f];
        float[] valid = new float[examples * p];
        float[] target = new float[examples * p];
        PlaylistStatistics statistics = batch.fold().statistics();
        int e = 0;
        for (int b = 0; b < offsets.length; b++) {
            PlaylistSequence playlist = batch.playlists().get(b);
            Set<String> own = new HashSet<>();
            playlist.tracks().forEach(t -> own.add(t.id()));
            PlaylistHistory played = new PlaylistHistory(statistics, playlist.genre(), playlist.subgenre());
            double[] nearest = new double[p];
            java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            List<Track> tracks = playlist.tracks();
            for (int i = 0; i < tracks.size(); i++) {
                if (i > 0) {
                    int positive = offsets[b] + i;
                    for (int j = 0; j < p; j++) {
                        played.features(pool.get(j), nearest[j], pair, (e * p + j) * f);
                        valid[e * p + j] = j == positive || !own.contains(pool.get(j).track().id()) ? 1f : 0f;
                    }
                    for (int k = 0; k < i; k++) {
                        history[e * p + offsets[b] + k] = 1f / i;
                    }
                    last[e * p + offsets[b] + i - 1] = 1f;
                    labels[2 * e] = played.genre();
                    labels[2 * e + 1] = played.subgenre();
                    target[e * p + positive] = 1f;
                    e++;
                }
                TrackProfile now = pool.get(offsets[b] + i);
                played.play(now);
                for (int j = 0; j < p; j++) {
                    nearest[j] = Math.min(nearest[j], PlaylistHistory.distance(pool.get(j).flow(), now.flow()));
                }
            }
        }
        return new Encoded(examples, p, ids, content, history, last, labels, pair, valid, target);
    }
}

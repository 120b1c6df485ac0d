package com.runtothebeats.model;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.flow.PlaylistContext;
import com.runtothebeats.core.flow.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The trained sequence model serving predictions. DJL predictors are not thread-safe, so each call
 * borrows one from a pool (created on first need, reused afterwards: a warm Lambda container or the
 * recommender's threads never rebuild them). Histories asked for together run as one padded batch.
 */
public final class FlowSequenceModel implements SequenceModel, AutoCloseable {

    private static final int F = FlowFeature.COUNT;

    private final Model model;
    private final FeatureTransform transform;
    private final String version;
    private final double inwardShare;
    private final SubgenrePriors priors;
    private final int inputWidth;
    private final ConcurrentLinkedDeque<Predictor<PaddedBatch, float[]>> idle = new ConcurrentLinkedDeque<>();
    private final List<Predictor<PaddedBatch, float[]>> created = new ArrayList<>();

    /**
     * @param inwardShare how much of the network's pull towards the catalog's centre (the origin of the
     *                    standardised space) is kept, 0..1; pulls outwards are always kept. See
     *                    {@link FlowModelTrainer} for why and how it is chosen.
     */
    public FlowSequenceModel(Model model, FeatureTransform transform, String version, double inwardShare) {
        this(model, transform, version, inwardShare, SubgenrePriors.NONE, FlowInputEncoding.SIZE);
    }

    public FlowSequenceModel(Model model, FeatureTransform transform, String version, double inwardShare,
                             SubgenrePriors priors) {
        this(model, transform, version, inwardShare, priors, FlowInputEncoding.SIZE);
    }

    /**
     * @param priors     the subgenre priors learnt with the network ({@link SubgenrePriors#NONE} when unknown)
     * @param inputWidth the network's inputs per step: {@link FlowInputEncoding#SIZE_WITHOUT_PRIOR} for a model
     *                   trained before the prior was an input
     */
    public FlowSequenceModel(Model model, FeatureTransform transform, String version, double inwardShare,
                             SubgenrePriors priors, int inputWidth) {
        if (!(inwardShare >= 0 && inwardShare <= 1)) {
            throw new IllegalArgumentException("inward share must be within 0..1, was " + inwardShare);
        }
        this.model = model;
        this.transform = transform;
        this.version = version;
        this.inwardShare = inwardShare;
        this.priors = priors;
        this.inputWidth = inputWidth;
    }

    /** The same network with another inward share (shares its parameters and predictors). */
    FlowSequenceModel withInwardShare(double share) {
        return new FlowSequenceModel(model, transform, version, share, priors, inputWidth);
    }

    public double inwardShare() {
        return inwardShare;
    }

    public SubgenrePriors priors() {
        return priors;
    }

    public FeatureTransform transform() {
        return transform;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public double[] predictNext(List<AudioFeatures> history) {
        return predictNextBatch(List.of(history)).get(0);
    }

    @Override
    public double[] predictNext(PlaylistContext context, List<AudioFeatures> history) {
        return predictNextBatch(List.of(history), prior(context)).get(0);
    }

    @Override
    public List<double[]> predictNextBatch(List<List<AudioFeatures>> histories) {
        return predictNextBatch(histories, null);
    }

    private List<double[]> predictNextBatch(List<List<AudioFeatures>> histories, double[] prior) {
        if (histories.isEmpty()) {
            return List.of();
        }
        List<FlowInputEncoding.Encoded> encoded = new ArrayList<>(histories.size());
        for (List<AudioFeatures> history : histories) {
            if (history.isEmpty()) {
                throw new IllegalArgumentException("a history needs at least one track");
            }
            encoded.add(FlowInputEncoding.encode(history, transform, prior, inputWidth));
        }
        PaddedBatch batch = PaddedBatch.of(encoded);
        float[] offsets = run(batch);
        List<double[]> out = new ArrayList<>(histories.size());
        for (int b = 0; b < encoded.size(); b++) {
            int last = encoded.get(b).length() - 1;
            out.add(prediction(encoded.get(b), offsets, (b * batch.steps() + last) * F, last));
        }
        return out;
    }

    @Override
    public List<double[]> predictEachNext(List<AudioFeatures> playlist) {
        return predictEachNext(PlaylistContext.UNKNOWN, playlist);
    }

    @Override
    public List<double[]> predictEachNext(PlaylistContext context, List<AudioFeatures> playlist) {
        if (playlist.isEmpty()) {
            return List.of();
        }
        FlowInputEncoding.Encoded encoded = FlowInputEncoding.encode(playlist, transform, prior(context), inputWidth);
        float[] offsets = run(PaddedBatch.of(List.of(encoded)));
        List<double[]> out = new ArrayList<>(encoded.length());
        for (int t = 0; t < encoded.length(); t++) {
            out.add(prediction(encoded, offsets, t * F, t));
        }
        return out;
    }

    private double[] prior(PlaylistContext context) {
        return priors.of(context).orElse(null);
    }

    private double[] prediction(FlowInputEncoding.Encoded encoded, float[] offsets, int from, int step) {
        double[] median = encoded.medians()[step];
        double[] out = new double[F];
        for (int j = 0; j < F; j++) {
            double offset = offsets[from + j];
            boolean inward = offset * median[j] < 0;
            out[j] = median[j] + (inward ? offset * inwardShare : offset);
        }
        return out;
    }

    private float[] run(PaddedBatch batch) {
        Predictor<PaddedBatch, float[]> predictor = borrow();
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("the sequence model failed to predict", e);
        } finally {
            idle.push(predictor);
        }
    }

    private Predictor<PaddedBatch, float[]> borrow() {
        Predictor<PaddedBatch, float[]> predictor = idle.poll();
        if (predictor != null) {
            return predictor;
        }
        synchronized (created) {
            predictor = model.newPredictor(new OffsetTranslator());
            created.add(predictor);
            return predictor;
        }
    }

    /** Writes the DJL parameters ({@code flow-gru-0000.params}) into {@code dir}. */
    void saveParameters(java.nio.file.Path dir) throws java.io.IOException {
        model.setProperty("Epoch", "0"); // one file name per artifact, whatever the folder held before
        model.save(dir, model.getName());
    }

    @Override
    public void close() {
        synchronized (created) {
            created.forEach(Predictor::close);
            created.clear();
            idle.clear();
        }
        model.close();
    }

    /** Padded step inputs in, the network's offsets from the running median out ([batch, steps, 8], flat). */
    private static final class OffsetTranslator implements NoBatchifyTranslator<PaddedBatch, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, PaddedBatch input) {
            return new NDList(input.toArray(ctx.getNDManager()));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }
    }
}

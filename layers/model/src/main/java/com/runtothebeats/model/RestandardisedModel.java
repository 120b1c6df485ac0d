package com.runtothebeats.model;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.flow.PlaylistContext;
import com.runtothebeats.core.flow.SequenceModel;
import java.util.List;

/**
 * A model trained in one feature transform, answering in another: its predictions go back to original
 * units through its own transform and are standardised again in the target one. This is how the promotion
 * gate compares the current model with a new one trained on a later pipeline run's fit.
 */
final class RestandardisedModel implements SequenceModel {

    private final FlowSequenceModel model;
    private final FeatureTransform target;

    RestandardisedModel(FlowSequenceModel model, FeatureTransform target) {
        this.model = model;
        this.target = target;
    }

    static SequenceModel into(FlowSequenceModel model, FeatureTransform target) {
        return model.transform().equals(target) ? model : new RestandardisedModel(model, target);
    }

    @Override
    public double[] predictNext(List<AudioFeatures> history) {
        return convert(model.predictNext(history));
    }

    @Override
    public List<double[]> predictEachNext(List<AudioFeatures> playlist) {
        return model.predictEachNext(playlist).stream().map(this::convert).toList();
    }

    @Override
    public double[] predictNext(PlaylistContext context, List<AudioFeatures> history) {
        return convert(model.predictNext(context, history));
    }

    @Override
    public List<double[]> predictEachNext(PlaylistContext context, List<AudioFeatures> playlist) {
        return model.predictEachNext(context, playlist).stream().map(this::convert).toList();
    }

    private double[] convert(double[] standardised) {
        return target.standardise(model.transform().toOriginal(standardised));
    }

    @Override
    public String version() {
        return model.version();
    }
}

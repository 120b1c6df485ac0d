package com.runtothebeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Mean absolute error over the real (unpadded) steps of a batch. L1 because the judged metric is MAE:
 * its minimiser is the conditional median, which also shrugs off the outlier tracks (a spoken intro, a
 * live recording) that drag a squared loss, and the conditional mean it seeks, away from the bulk.
 * Labels: [target offsets from the running median (batch, steps, 8), mask (batch, steps, 1)];
 * predictions: offsets (batch, steps, 8).
 */
final class FlowLoss extends Loss {

    FlowLoss() {
        super("MaskedL1");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray targets = labels.get(0);
        NDArray mask = labels.get(1);
        NDArray errors = predictions.singletonOrThrow().sub(targets).abs().mul(mask);
        NDArray weight = mask.sum().mul(targets.getShape().get(2)).maximum(1f);
        return errors.sum().div(weight);
    }
}

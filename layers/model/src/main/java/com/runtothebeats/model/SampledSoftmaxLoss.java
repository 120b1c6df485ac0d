package com.runtothebeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy of the true next track against a sampled pool of candidates (InfoNCE): labels are
 * [E,P] validity (1 = a candidate for this example, 0 = left out: the playlist's own other tracks, which are
 * played already or still to come and so neither answer nor fair negative) and [E,P] one-hot of the true track.
 */
final class SampledSoftmaxLoss extends Loss {

    private static final float LEFT_OUT = 1e4f;

    SampledSoftmaxLoss() {
        super("sampled-softmax");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        NDArray valid = labels.get(0);
        NDArray target = labels.get(1);
        NDArray logProbabilities = scores.add(valid.sub(1f).mul(LEFT_OUT)).logSoftmax(1);
        return logProbabilities.mul(target).sum(new int[] {1}).neg().mean();
    }
}

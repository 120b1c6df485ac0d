package com.runtothebeats.model;

import ai.djl.Device;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/** How our models train: on the CPU (Lambda has no GPU), AdamW at a fixed rate, gradients clipped at 1. */
final class CpuTraining {

    private CpuTraining() {
    }

    static DefaultTrainingConfig adamW(Loss loss, float learningRate, float weightDecay) {
        return new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adamW()
                        .optLearningRateTracker(Tracker.fixed(learningRate))
                        .optWeightDecays(weightDecay)
                        .optClipGrad(1f)
                        .build());
    }
}

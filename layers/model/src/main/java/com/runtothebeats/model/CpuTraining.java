package com.runtothebeats.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/** How our models train: on the CPU (Lambda has no GPU), AdamW at a fixed rate, gradients clipped at 1. */
final class CpuTraining {

    /** DJL's own setting; when an operator sets it, it wins over {@link #oneThread}. */
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private CpuTraining() {
    }

    /**
     * Loads the engine and has PyTorch run this thread's operations on one OpenMP thread. Our tensors are small
     * (a GRU of 8 units, ranking batches of a few hundred tracks), so a second thread gains nothing, and its cost
     * is large where cores are shared: in {@code ./beats pipeline} on a 2-core machine with other builds running,
     * about 90 % of Train's CPU went to libgomp spin-waiting at barriers (perf), and Train ran past its 960 s timeout;
     * on one thread it takes about a minute (docs/sequence-model.md). The setting is per thread, hence per call.
     */
    static void oneThread() {
        Engine.getEngine(FlowModelTrainer.ENGINE);
        if (System.getProperty(THREADS_PROPERTY) == null) {
            JniUtils.setNumThreads(1);
        }
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

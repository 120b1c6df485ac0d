package com.runtothebeats.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import com.runtothebeats.core.catalog.FlowFeature;
import java.util.List;

/**
 * The network's architecture, stored in the manifest so a saved model can be rebuilt before its
 * parameters are loaded: a one-layer GRU read batch-first over the step inputs, dropout and a linear head,
 * plus a linear shortcut from the step inputs, summed into the offset from the running median.
 * The shortcut lets the network express linear corrections of the robust statistics directly; the GRU
 * adds what depends on the order and shape of the history.
 */
public record FlowNetworkShape(String cell, int inputSize, int hiddenSize, int layers, float dropout) {

    public static FlowNetworkShape gru(int hiddenSize, float dropout) {
        return new FlowNetworkShape("gru", FlowInputEncoding.SIZE, hiddenSize, 1, dropout);
    }

    public Block build() {
        if (!"gru".equals(cell)) {
            throw new IllegalArgumentException("unknown recurrent cell '" + cell + "'");
        }
        if (inputSize != FlowInputEncoding.SIZE && inputSize != FlowInputEncoding.SIZE_WITHOUT_PRIOR) {
            throw new IllegalArgumentException("the model reads " + inputSize + " inputs per step but this code encodes "
                    + FlowInputEncoding.SIZE + " (or " + FlowInputEncoding.SIZE_WITHOUT_PRIOR + " without the subgenre prior)");
        }
        // Each branch reads its own copy of the input list: the GRU appends its initial state to the list it is given.
        Block recurrent = new SequentialBlock()
                .add(FlowNetworkShape::outputsOnly)
                .add(GRU.builder().setStateSize(hiddenSize).setNumLayers(layers).optBatchFirst(true).build())
                .add(FlowNetworkShape::outputsOnly)
                .add(Dropout.builder().optRate(dropout).build())
                .add(FlowNetworkShape::outputsOnly)
                .add(Linear.builder().setUnits(FlowFeature.COUNT).build());
        Block shortcut = new SequentialBlock()
                .add(FlowNetworkShape::outputsOnly)
                .add(Linear.builder().setUnits(FlowFeature.COUNT).build());
        return new ParallelBlock(FlowNetworkShape::sum, List.of(recurrent, shortcut));
    }

    /** The first array of a list: the GRU also hands back its final state, dropout its mask. */
    private static NDList outputsOnly(NDList gru) {
        return new NDList(gru.head());
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }
}

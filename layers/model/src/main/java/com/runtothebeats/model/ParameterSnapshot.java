package com.runtothebeats.model;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/** A copy of a model's parameters: the best epoch's weights, kept while training goes on and restored at the end. */
final class ParameterSnapshot {

    private ParameterSnapshot() {
    }

    static float[][] of(Model model) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values.toArray(float[][]::new);
    }

    /** Puts back what {@link #of} copied; nothing when no epoch was kept. */
    static void restore(Model model, float[][] values) {
        if (values == null) {
            return;
        }
        int i = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            p.getValue().getArray().set(FloatBuffer.wrap(values[i++]));
        }
    }
}

package com.runtothebeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Encoded playlists of different lengths padded at the end into one [batch, steps, inputs] block. The
 * recurrent network reads left to right, so padding after a playlist's last track never changes the
 * outputs at its real steps; losses ignore the padded steps through a mask.
 */
record PaddedBatch(float[] inputs, int batch, int steps, int width, int[] lengths) {

    static PaddedBatch of(List<FlowInputEncoding.Encoded> playlists) {
        int steps = 1;
        for (FlowInputEncoding.Encoded e : playlists) {
            steps = Math.max(steps, e.length());
        }
        int width = playlists.isEmpty() ? FlowInputEncoding.SIZE : playlists.get(0).width();
        float[] data = new float[playlists.size() * steps * width];
        int[] lengths = new int[playlists.size()];
        for (int b = 0; b < playlists.size(); b++) {
            FlowInputEncoding.Encoded e = playlists.get(b);
            lengths[b] = e.length();
            for (int t = 0; t < e.length(); t++) {
                System.arraycopy(e.inputs()[t], 0, data, (b * steps + t) * width, width);
            }
        }
        return new PaddedBatch(data, playlists.size(), steps, width, lengths);
    }

    NDArray toArray(NDManager manager) {
        return manager.create(inputs, new Shape(batch, steps, width));
    }
}

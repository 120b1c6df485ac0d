package com.runtothebeats.model;

import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The ranking network's parameters as plain float arrays, so the recommender scores with them in plain Java:
 * loading PyTorch's native library costs a cold process seconds, and serving needs no tensor operation that a
 * loop cannot do (v(t) is three table rows plus a two-layer MLP, u(h) another MLP). Written beside the DJL
 * parameters as {@value RankingArtifacts#WEIGHTS_FILE}.
 *
 * <p>File layout (big-endian): 8 bytes {@code RTBRANKW}, u16 version, i32 dimension, u8 tensor count, then per
 * tensor in {@link #NAMES} order: UTF name, i32 length, float32[length]; last a u32 CRC32C of every byte before it.
 */
final class RankingWeights {

    private static final byte[] MAGIC = "RTBRANKW".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    static final List<String> NAMES = List.of("track", "artist", "album", "genre", "subgenre",
            "content.w1", "content.b1", "content.w2", "content.b2",
            "context.w1", "context.b1", "context.w2", "context.b2", "pair");

    final int dimension;
    private final float[][] tensors;

    private RankingWeights(int dimension, float[][] tensors) {
        this.dimension = dimension;
        this.tensors = tensors;
    }

    /** Reads the parameters out of a trained or loaded network. */
    static RankingWeights of(RankingNetwork network) {
        float[][] content = linearLayers(network.contentLayers());
        float[][] context = network.contextLayers();
        float[][] tensors = {network.embeddingTable("track"), network.embeddingTable("artist"), network.embeddingTable("album"),
                network.labelTable(false), network.labelTable(true),
                content[0], content[1], content[2], content[3], context[0], context[1], context[2], context[3],
                network.pairWeights()};
        return new RankingWeights((int) network.dimension(), tensors);
    }

    /** weight then bias of each Linear of a sequential block, weight [units × inputs] row-major as DJL keeps it. */
    static float[][] linearLayers(Iterable<Block> blocks) {
        List<float[]> out = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Linear linear) {
                out.add(linear.getParameters().get("weight").getArray().toFloatArray());
                out.add(linear.getParameters().get("bias").getArray().toFloatArray());
            }
        }
        return out.toArray(float[][]::new);
    }

    float[] tensor(String name) {
        return tensors[NAMES.indexOf(name)];
    }

    /** v(t) = track + artist + album embeddings + content MLP, as {@code RankingNetwork.trackVectors} computes it. */
    float[] trackVector(TrackProfile profile) {
        int d = dimension;
        float[] hidden = affine(tensor("content.w1"), tensor("content.b1"), profile.content(), true);
        float[] v = affine(tensor("content.w2"), tensor("content.b2"), hidden, false);
        float[] track = tensor("track");
        float[] artist = tensor("artist");
        float[] album = tensor("album");
        for (int j = 0; j < d; j++) {
            v[j] += track[profile.trackIndex() * d + j] + artist[profile.artistIndex() * d + j] + album[profile.albumIndex() * d + j];
        }
        return v;
    }

    /** u(h) = W2·relu(W1·[mean, last, genre, subgenre] + b1) + b2, as {@code RankingNetwork.contextVectors} computes it. */
    float[] contextVector(float[] mean, float[] last, int genre, int subgenre) {
        int d = dimension;
        float[] input = new float[4 * d];
        System.arraycopy(mean, 0, input, 0, d);
        System.arraycopy(last, 0, input, d, d);
        System.arraycopy(tensor("genre"), genre * d, input, 2 * d, d);
        System.arraycopy(tensor("subgenre"), subgenre * d, input, 3 * d, d);
        float[] hidden = affine(tensor("context.w1"), tensor("context.b1"), input, true);
        return affine(tensor("context.w2"), tensor("context.b2"), hidden, false);
    }

    float[] pairWeights() {
        return tensor("pair").clone();
    }

    /** weight is [out][in] row-major, as DJL's Linear keeps it. */
    private static float[] affine(float[] weight, float[] bias, float[] input, boolean relu) {
        float[] out = Arrays.copyOf(bias, bias.length);
        int in = input.length;
        for (int o = 0; o < out.length; o++) {
            float s = out[o];
            for (int i = 0; i < in; i++) {
                s += weight[o * in + i] * input[i];
            }
            out[o] = relu ? Math.max(0f, s) : s;
        }
        return out;
    }

    /** Writes the file whole or not at all ({@link ModelFiles#replace}). */
    void write(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeInt(dimension);
            out.writeByte(tensors.length);
            for (int t = 0; t < tensors.length; t++) {
                out.writeUTF(NAMES.get(t));
                out.writeInt(tensors[t].length);
                ByteBuffer buffer = ByteBuffer.allocate(tensors[t].length * Float.BYTES);
                buffer.asFloatBuffer().put(tensors[t]);
                out.write(buffer.array());
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        ModelFiles.replace(file, bytes.toByteArray());
    }

    /** Reads a file {@link #write} wrote; a damaged or foreign one is refused with what is wrong with it. */
    static RankingWeights read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(all);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException(file + " is not a ranking weights file");
            }
            int version = in.getShort() & 0xffff;
            if (version != VERSION) {
                throw new IllegalStateException(file + " has weights format " + version + ", this build reads " + VERSION);
            }
            CRC32C crc = new CRC32C();
            crc.update(all, 0, all.length - Integer.BYTES);
            if ((int) crc.getValue() != ByteBuffer.wrap(all, all.length - Integer.BYTES, Integer.BYTES).getInt()) {
                throw new IllegalStateException(file + " is damaged (its checksum does not match)");
            }
            int dimension = in.getInt();
            int count = in.get() & 0xff;
            if (count != NAMES.size()) {
                throw new IllegalStateException(file + " holds " + count + " tensors, this build reads " + NAMES.size());
            }
            float[][] tensors = new float[count][];
            for (int t = 0; t < count; t++) {
                int nameLength = in.getShort() & 0xffff;
                String name = new String(all, in.position(), nameLength, StandardCharsets.UTF_8);
                in.position(in.position() + nameLength);
                if (!name.equals(NAMES.get(t))) {
                    throw new IllegalStateException(file + " has '" + name + "' where " + NAMES.get(t) + " belongs");
                }
                tensors[t] = new float[in.getInt()];
                in.asFloatBuffer().get(tensors[t]);
                in.position(in.position() + tensors[t].length * Float.BYTES);
            }
            return new RankingWeights(dimension, tensors);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalStateException(file + " ends early or is damaged", e);
        }
    }
}

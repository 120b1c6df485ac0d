package com.runtothebeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The ranking network. A track's vector v(t) is the sum of learnt embeddings of its track, artist and
 * album (index 0 = unseen in training, one shared vector) and a small MLP of its content (audio features,
 * tempo, key, year, popularity, name hints). A playlist's vector u(h) is an MLP of the mean and the last of
 * its played tracks' vectors and its genre and subgenre embeddings. The score of a candidate c is
 * u(h)·v(c) + w·pair(h, c), where pair holds the {@link PlaylistHistory} features of c against the history.
 *
 * <p>Training input (one mini-batch: E playlist positions scored against a pool of P tracks):
 * pool ids [P,3] (int64), pool content [P,C], history weights [E,P] (1/i on the i tracks played), last-track
 * one-hot [E,P], labels [E,2] (int64 genre, subgenre), pair features [E,P,F]. Output: scores [E,P].
 */
final class RankingNetwork extends AbstractBlock {

    private final RankingShape shape;
    private final Parameter trackEmbedding;
    private final Parameter artistEmbedding;
    private final Parameter albumEmbedding;
    private final Parameter genreEmbedding;
    private final Parameter subgenreEmbedding;
    private final SequentialBlock contentTower;
    private final SequentialBlock contextTower;
    private final Linear pairWeights;

    RankingNetwork(RankingShape shape) {
        super((byte) 1);
        this.shape = shape;
        int d = shape.dimension();
        trackEmbedding = addParameter(embedding("track", shape.tracks(), d));
        artistEmbedding = addParameter(embedding("artist", shape.artists(), d));
        albumEmbedding = addParameter(embedding("album", shape.albums(), d));
        genreEmbedding = addParameter(embedding("genre", shape.genres(), d));
        subgenreEmbedding = addParameter(embedding("subgenre", shape.subgenres(), d));
        contentTower = addChildBlock("content", new SequentialBlock()
                .add(Linear.builder().setUnits(shape.hidden()).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(d).build()));
        contextTower = addChildBlock("context", new SequentialBlock()
                .add(Linear.builder().setUnits(shape.hidden()).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(d).build()));
        pairWeights = addChildBlock("pair", Linear.builder().setUnits(1).optBias(false).build());
    }

    private static Parameter embedding(String name, int rows, int dimension) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER)
                .optShape(new Shape(rows, dimension)).optInitializer(new NormalInitializer(0.05f)).build();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        contentTower.initialize(manager, dataType, new Shape(1, TrackProfile.CONTENT));
        contextTower.initialize(manager, dataType, new Shape(1, 4L * shape.dimension()));
        pairWeights.initialize(manager, dataType, new Shape(1, 1, PlaylistHistory.SIZE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[2].get(0), inputShapes[0].get(0))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray vectors = trackVectors(store, inputs.get(0), inputs.get(1), training);
        NDArray mean = inputs.get(2).matMul(vectors);
        NDArray last = inputs.get(3).matMul(vectors);
        NDArray context = contextVectors(store, mean, last, inputs.get(4), training);
        NDArray scores = context.matMul(vectors.transpose());
        NDArray pair = pairWeights.forward(store, new NDList(inputs.get(5)), training).singletonOrThrow().squeeze(-1);
        return new NDList(scores.add(pair));
    }

    /** v(t) for tracks given as ids [N,3] (track, artist, album) and content [N,C]. */
    NDArray trackVectors(ParameterStore store, NDArray ids, NDArray content, boolean training) {
        NDArray device = ids.toType(DataType.INT64, false);
        NDArray sum = lookup(store, trackEmbedding, device.get(":, 0"), training)
                .add(lookup(store, artistEmbedding, device.get(":, 1"), training))
                .add(lookup(store, albumEmbedding, device.get(":, 2"), training));
        return sum.add(contentTower.forward(store, new NDList(content), training).singletonOrThrow());
    }

    /** u(h) from the mean and last played vectors [E,D] and labels [E,2] (genre, subgenre). */
    NDArray contextVectors(ParameterStore store, NDArray mean, NDArray last, NDArray labels, boolean training) {
        NDArray ids = labels.toType(DataType.INT64, false);
        NDArray joined = NDArrays.concat(new NDList(mean, last,
                lookup(store, genreEmbedding, ids.get(":, 0"), training),
                lookup(store, subgenreEmbedding, ids.get(":, 1"), training)), 1);
        return contextTower.forward(store, new NDList(joined), training).singletonOrThrow();
    }

    long dimension() {
        return shape.dimension();
    }

    void zeroPairWeights() {
        NDArray w = pairWeights.getParameters().get("weight").getArray();
        w.set(new float[(int) w.size()]);
    }

    /** The pair-feature weights w, for scoring outside the graph. */
    float[] pairWeights() {
        return pairWeights.getParameters().get("weight").getArray().toFloatArray();
    }

    /** The context MLP's layers for scoring outside the graph: weight [units × inputs] row-major, then bias, per Linear. */
    float[][] contextLayers() {
        return RankingWeights.linearLayers(contextTower.getChildren().values());
    }

    /** The content MLP's blocks (its Linear layers hold the weights). */
    Iterable<ai.djl.nn.Block> contentLayers() {
        return contentTower.getChildren().values();
    }

    /** The track, artist or album embedding table, [vocabulary × dimension] row-major. */
    float[] embeddingTable(String name) {
        Parameter table = switch (name) {
            case "track" -> trackEmbedding;
            case "artist" -> artistEmbedding;
            case "album" -> albumEmbedding;
            default -> throw new IllegalArgumentException(name);
        };
        return table.getArray().toFloatArray();
    }

    /** The genre (or subgenre) embedding table, [labels × dimension] row-major. */
    float[] labelTable(boolean subgenre) {
        return (subgenre ? subgenreEmbedding : genreEmbedding).getArray().toFloatArray();
    }

    private static NDArray lookup(ParameterStore store, Parameter table, NDArray index, boolean training) {
        NDArray weight = store.getValue(table, index.getDevice(), training);
        return Embedding.embedding(index, weight, SparseFormat.DENSE).singletonOrThrow();
    }
}

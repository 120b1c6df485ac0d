package com.runtothebeats.core.catalog;

import java.util.List;

/**
 * The eight "abstract" features that describe how a track feels, and so how well it follows another.
 * Their order is the order of every feature vector in the project (transform, sequences, model).
 */
public enum FlowFeature {
    ACOUSTICNESS("acousticness"),
    DANCEABILITY("danceability"),
    ENERGY("energy"),
    INSTRUMENTALNESS("instrumentalness"),
    LIVENESS("liveness"),
    LOUDNESS("loudness"),
    SPEECHINESS("speechiness"),
    VALENCE("valence");

    public static final int COUNT = values().length;

    private final String columnName;

    FlowFeature(String columnName) {
        this.columnName = columnName;
    }

    /** The column (and JSON field) name used by the dataset and our APIs. */
    public String columnName() {
        return columnName;
    }

    public static List<String> columnNames() {
        return java.util.Arrays.stream(values()).map(FlowFeature::columnName).toList();
    }
}

package com.runtothebeats.core.catalog;

import java.util.List;

/**
 * Where Harvest gets the catalog from: the public dataset file in this version, Spotify playlists with
 * ReccoBeats features later. Every source yields rows in the dataset CSV format, so Transform and
 * everything after it never need to know where a snapshot came from.
 */
public interface CatalogSource {

    /** Names the origin for the run manifest, e.g. {@code dataset:s3://bucket/key}. */
    String description();

    /**
     * Every (playlist, track) row, playlists contiguous and in their own order.
     *
     * @throws MalformedDatasetException when the source is structurally broken (nothing may be written then)
     * @throws com.runtothebeats.core.validation.InvalidInputException when the source does not exist
     */
    List<DatasetRow> rows();
}

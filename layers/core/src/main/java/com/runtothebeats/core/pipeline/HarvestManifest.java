package com.runtothebeats.core.pipeline;

/**
 * Describes one raw snapshot ({@code raw/<runId>/manifest.json}); written after the snapshot itself, so
 * a manifest means the snapshot is complete.
 *
 * @param source    where the rows came from ({@link com.runtothebeats.core.catalog.CatalogSource#description()})
 * @param rows      data rows in {@code tracks.csv}
 * @param playlists playlist blocks (playlist_id, genre, subgenre)
 * @param tracks    distinct track ids
 * @param sha256    hex SHA-256 of {@code tracks.csv}: a re-run must reproduce it exactly
 * @param createdAt ISO-8601 UTC time the snapshot was first written
 */
public record HarvestManifest(String runId, String source, long rows, long playlists, long tracks,
                              String sha256, String createdAt) {
}

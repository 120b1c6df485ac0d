package com.runtothebeats.core.pipeline;

/**
 * {@code transform/current.json}: the latest completed Transform, where readers (the recommender, Train)
 * find the feature transform and sequences that match the catalog.
 */
public record CurrentTransform(String runId, String transformKey, String sequencesKey) {
}

package com.runtothebeats.core.pipeline;

import com.runtothebeats.core.catalog.ValidationReport;

/**
 * {@code transform/<runId>/report.json}: what one Transform run read, kept, stored and dropped.
 *
 * @param source     where the raw snapshot came from (its manifest's source)
 * @param stored     distinct tracks written to the catalog
 * @param validation counts per reason and example lines
 */
public record TransformReport(String runId, String source, long stored, ValidationReport validation) {
}

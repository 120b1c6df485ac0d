package com.runtothebeats.core.catalog;

import java.util.List;

/**
 * The outcome of validating a snapshot.
 *
 * @param tracks    distinct valid tracks in first-seen order (what the catalog stores and the transform is fitted on)
 * @param sequences playlist sequences of valid tracks, in file order
 * @param report    counts per reason
 */
public record ValidatedCatalog(List<Track> tracks, List<PlaylistSequence> sequences, ValidationReport report) {
}

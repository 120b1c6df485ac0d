package com.runtothebeats.core.playlist;

/**
 * One step the beam search may take: append {@code track} (a position in the {@link TempoIndex}) to the
 * partial playlist at position {@code line} of the beam.
 */
record Expansion(int line, int track) {
}

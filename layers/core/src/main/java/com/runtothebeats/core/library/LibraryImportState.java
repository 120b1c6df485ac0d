package com.runtothebeats.core.library;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A runner's library as the API shows it: the last import's id and status, its progress (tracks whose features
 * are settled out of the tracks found), and once done the counts.
 *
 * @param updatedAt   the worker's last sign of life; a running import silent for {@link #STALLED_AFTER} may be
 *                    replaced by a new one
 * @param importedAt  when the last import finished; null before
 * @param error       why the last import failed; null otherwise
 */
public record LibraryImportState(String importId, LibraryStatus status, int done, int total, int tracks, int withTempo,
                                 Map<FeatureSource, Integer> sources, int playlistsSkipped, Instant startedAt,
                                 Instant updatedAt, Instant importedAt, String error) {

    /** No progress for this long means the worker died for good (all its retries spent or lost). */
    public static final Duration STALLED_AFTER = Duration.ofMinutes(20);

    public LibraryImportState {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(status, "status");
        Map<FeatureSource, Integer> counts = new EnumMap<>(FeatureSource.class);
        for (FeatureSource source : FeatureSource.values()) {
            counts.put(source, sources == null ? 0 : sources.getOrDefault(source, 0));
        }
        sources = Map.copyOf(counts);
    }

    /** A new import, just started. */
    public static LibraryImportState started(String importId, Instant now) {
        return new LibraryImportState(importId, LibraryStatus.RUNNING, 0, 0, 0, 0, Map.of(), 0, now, now, null, null);
    }

    public boolean runningAt(Instant now) {
        return status == LibraryStatus.RUNNING && updatedAt.plus(STALLED_AFTER).isAfter(now);
    }
}

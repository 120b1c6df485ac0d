package com.runtothebeats.core.playlist;

import com.runtothebeats.core.library.CachedFeatures;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.RunnerLibraries;
import com.runtothebeats.core.library.TrackFeatureCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runners' library indexes a recommender container keeps: a request reads the runner's import state (one
 * point read) and reuses the index built for the import that finished last; a re-import that finishes, a deleted
 * library or {@link #KEPT_FOR} passing builds it again. At most {@link #MAX_RUNNERS} runners are kept, the least
 * recently used dropped first.
 *
 * <p>Building reads the runner's tracks (one query of their partition: each track carries the features found at
 * import) and asks the shared feature cache only for the tracks nobody knew then (point reads by id), since another
 * runner's import may have learned them since.
 */
public final class LibraryIndexes {

    public static final Duration KEPT_FOR = Duration.ofMinutes(10);
    public static final int MAX_RUNNERS = 32;

    private record Entry(LibraryIndex index, TempoIndex catalog, Instant builtAt) {
    }

    private final RunnerLibraries libraries;
    private final TrackFeatureCache cache;
    private final Clock clock;
    private final Map<String, Entry> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_RUNNERS;
        }
    };

    public LibraryIndexes(RunnerLibraries libraries, TrackFeatureCache cache, Clock clock) {
        this.libraries = libraries;
        this.cache = cache;
        this.clock = clock;
    }

    /** The runner's library as of their last finished import, or empty when they have none. */
    public Optional<LibraryIndex> forRunner(String runnerId, TempoIndex catalog) {
        Optional<LibraryImportState> state = libraries.state(runnerId);
        if (state.isEmpty() || state.get().importedAt() == null) {
            forget(runnerId);
            return Optional.empty();
        }
        String version = state.get().importedAt().toString();
        Instant now = clock.instant();
        synchronized (kept) {
            Entry entry = kept.get(runnerId);
            if (entry != null && entry.index().version().equals(version) && entry.catalog() == catalog
                    && entry.builtAt().plus(KEPT_FOR).isAfter(now)) {
                return Optional.of(entry.index());
            }
        }
        LibraryIndex built = LibraryIndex.build(version, withFeaturesLearnedSince(libraries.tracks(runnerId)), catalog);
        synchronized (kept) {
            kept.put(runnerId, new Entry(built, catalog, now));
        }
        return Optional.of(built);
    }

    private void forget(String runnerId) {
        synchronized (kept) {
            kept.remove(runnerId);
        }
    }

    private List<LibraryTrack> withFeaturesLearnedSince(List<LibraryTrack> tracks) {
        List<String> unknown = tracks.stream().filter(t -> t.source() == FeatureSource.NONE).map(LibraryTrack::id).toList();
        if (unknown.isEmpty()) {
            return tracks;
        }
        Map<String, CachedFeatures> learned = cache.find(unknown);
        List<LibraryTrack> out = new ArrayList<>(tracks.size());
        for (LibraryTrack track : tracks) {
            CachedFeatures now = learned.get(track.id());
            out.add(track.source() == FeatureSource.NONE && now != null && now.features() != null
                    ? new LibraryTrack(track.listing(), now.source(), now.features()) : track);
        }
        return out;
    }
}

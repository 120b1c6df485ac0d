package com.runtothebeats.core.library;

import com.runtothebeats.core.catalog.AudioFeatures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one import: reads the runner's library, settles each track's features in batches (the shared cache
 * first, then the batch lookup, then the song search, else "none"), stores the tracks per runner with progress
 * after every batch, drops tracks the library no longer holds and records the counts.
 *
 * <p>Safe to run again after a crash at any point: the library is read again (reading changes nothing), features
 * already learned come from the cache (so no provider is asked twice), tracks are stored by id (so none is
 * duplicated) and the import's state only moves forward while it is still the runner's current import.
 */
public final class LibraryImportWorker {

    /**
     * How a run ended: {@code state} is the finished import's, or empty when the import was not the runner's
     * current running one (deleted, replaced, already finished) and so was left alone.
     */
    public record Outcome(Optional<LibraryImportState> state, int playlistsRead, int entriesSkipped, int tracksRemoved) {

        static final Outcome SUPERSEDED = new Outcome(Optional.empty(), 0, 0, 0);

        public boolean done() {
            return state.isPresent();
        }
    }

    private final MusicLibrary library;
    private final BatchFeatureLookup batchLookup;
    private final SongSearch songSearch;
    private final TrackFeatureCache cache;
    private final RunnerLibraries libraries;
    private final Clock clock;

    public LibraryImportWorker(MusicLibrary library, BatchFeatureLookup batchLookup, SongSearch songSearch,
                               TrackFeatureCache cache, RunnerLibraries libraries, Clock clock) {
        this.library = library;
        this.batchLookup = batchLookup;
        this.songSearch = songSearch;
        this.cache = cache;
        this.libraries = libraries;
        this.clock = clock;
    }

    public Outcome run(String runnerId, String importId) {
        Optional<LibraryImportState> state = libraries.state(runnerId);
        if (state.isEmpty() || !state.get().importId().equals(importId) || state.get().status() != LibraryStatus.RUNNING) {
            return Outcome.SUPERSEDED;
        }
        LibraryScan scan = library.scan(runnerId);
        List<TrackListing> listings = scan.tracks();
        if (!libraries.progress(runnerId, importId, 0, listings.size(), clock.instant())) {
            return Outcome.SUPERSEDED;
        }
        Map<FeatureSource, Integer> sources = new EnumMap<>(FeatureSource.class);
        int withTempo = 0;
        int batchSize = Math.max(1, batchLookup.maxBatch());
        for (int from = 0; from < listings.size(); from += batchSize) {
            List<LibraryTrack> settled = settle(listings.subList(from, Math.min(from + batchSize, listings.size())));
            if (!libraries.putTracks(runnerId, importId, settled)) {
                return Outcome.SUPERSEDED;
            }
            for (LibraryTrack track : settled) {
                sources.merge(track.source(), 1, Integer::sum);
                withTempo += track.hasTempo() ? 1 : 0;
            }
            if (!libraries.progress(runnerId, importId, from + settled.size(), listings.size(), clock.instant())) {
                return Outcome.SUPERSEDED;
            }
        }
        int removed = libraries.removeTracksNotSeenBy(runnerId, importId);
        Instant now = clock.instant();
        LibraryImportState started = state.get();
        LibraryImportState done = new LibraryImportState(importId, LibraryStatus.DONE, listings.size(), listings.size(),
                listings.size(), withTempo, sources, scan.playlistsSkipped(), started.startedAt(), now, now, null);
        if (!libraries.finish(runnerId, done)) {
            return Outcome.SUPERSEDED;
        }
        return new Outcome(Optional.of(done), scan.playlistsRead(), scan.entriesSkipped(), removed);
    }

    /** Features for one batch of tracks: cached answers, then the batch lookup, then the song search. */
    private List<LibraryTrack> settle(List<TrackListing> batch) {
        Instant now = clock.instant();
        List<String> ids = batch.stream().map(TrackListing::id).toList();
        Map<String, CachedFeatures> known = new LinkedHashMap<>();
        cache.find(ids).forEach((id, cached) -> {
            if (cached.currentAt(now)) {
                known.put(id, cached);
            }
        });
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Map<String, AudioFeatures> found = batchLookup.features(missing);
            Map<String, CachedFeatures> learned = new LinkedHashMap<>();
            for (TrackListing listing : batch) {
                if (known.containsKey(listing.id()) || learned.containsKey(listing.id())) {
                    continue;
                }
                AudioFeatures features = found.get(listing.id());
                CachedFeatures answer = features != null ? new CachedFeatures(FeatureSource.RECCOBEATS, features, now)
                        : songSearch.find(listing).map(f -> new CachedFeatures(FeatureSource.GETSONGBPM, f, now))
                        .orElseGet(() -> CachedFeatures.unknown(now));
                learned.put(listing.id(), answer);
            }
            cache.putAll(learned);
            known.putAll(learned);
        }
        List<LibraryTrack> tracks = new ArrayList<>(batch.size());
        for (TrackListing listing : batch) {
            CachedFeatures cached = known.get(listing.id());
            tracks.add(new LibraryTrack(listing, cached.source(), cached.features()));
        }
        return tracks;
    }
}

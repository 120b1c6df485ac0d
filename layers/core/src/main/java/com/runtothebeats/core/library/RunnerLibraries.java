package com.runtothebeats.core.library;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each runner's imported library and the state of its import, kept per runner (DynamoDB's libraries table in
 * AWS). Every write of an import names its import id and is conditional on it still being the runner's current
 * one, so a deleted library or a newer import is never overwritten by a late worker.
 */
public interface RunnerLibraries {

    Optional<LibraryImportState> state(String runnerId);

    /**
     * Starts {@code candidate} unless an import is running (and not stalled) at {@code now}: returns the state
     * that now stands, the running one or the candidate.
     */
    LibraryImportState start(String runnerId, LibraryImportState candidate, Instant now);

    /** Records progress; false when the import is no longer the runner's current one (deleted, replaced). */
    boolean progress(String runnerId, String importId, int done, int total, Instant now);

    /** Stores tracks as seen by {@code importId} (replacing them by id); false when the import is not current. */
    boolean putTracks(String runnerId, String importId, List<LibraryTrack> tracks);

    /** The runner's tracks, in no particular order. */
    List<LibraryTrack> tracks(String runnerId);

    /** Removes the tracks the given import did not see (unliked, removed from playlists); returns how many. */
    int removeTracksNotSeenBy(String runnerId, String importId);

    /** Ends the import with its counts; false when it is not current. */
    boolean finish(String runnerId, LibraryImportState finished);

    /** Marks the import failed with a reason a runner can read; false when it is not current. */
    boolean fail(String runnerId, String importId, String reason, Instant now);

    /** Forgets the runner's library: the import state and every track. */
    void delete(String runnerId);
}

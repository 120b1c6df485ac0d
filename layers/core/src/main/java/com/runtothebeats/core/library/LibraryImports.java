package com.runtothebeats.core.library;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The API's side of imports: start one (or answer with the one already running), show the state, forget the
 * library. The work itself is the worker's ({@link LibraryImportWorker}), reached through the {@link ImportQueue}.
 */
public final class LibraryImports {

    private final RunnerLibraries libraries;
    private final ImportQueue queue;
    private final Clock clock;
    private final Supplier<String> newImportId;

    public LibraryImports(RunnerLibraries libraries, ImportQueue queue, Clock clock) {
        this(libraries, queue, clock, () -> UUID.randomUUID().toString());
    }

    LibraryImports(RunnerLibraries libraries, ImportQueue queue, Clock clock, Supplier<String> newImportId) {
        this.libraries = libraries;
        this.queue = queue;
        this.clock = clock;
        this.newImportId = newImportId;
    }

    /**
     * The running import: the one already running, or a new one handed to the worker. When the queue refuses
     * it, the new import is marked failed (so a retry may start another) and the failure is thrown.
     */
    public LibraryImportState start(String runnerId) {
        Instant now = clock.instant();
        LibraryImportState candidate = LibraryImportState.started(newImportId.get(), now);
        LibraryImportState standing = libraries.start(runnerId, candidate, now);
        if (standing.importId().equals(candidate.importId())) {
            try {
                queue.submit(runnerId, candidate.importId());
            } catch (RuntimeException e) {
                libraries.fail(runnerId, candidate.importId(), "the import could not be queued; try again", clock.instant());
                throw e;
            }
        }
        return standing;
    }

    public Optional<LibraryImportState> state(String runnerId) {
        return libraries.state(runnerId);
    }

    public void delete(String runnerId) {
        libraries.delete(runnerId);
    }
}

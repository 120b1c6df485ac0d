package com.runtothebeats.functions.libraryimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.runtothebeats.aws.library.ImportMessage;
import com.runtothebeats.core.identity.LinkNotConnectedException;
import com.runtothebeats.core.identity.ReconnectRequiredException;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.core.library.LibraryImportWorker;
import com.runtothebeats.core.library.RunnerLibraries;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The import worker: each message of the import queue runs one runner's library import
 * ({@link LibraryImportWorker}). An import that fails is reported as a batch item failure, so SQS delivers it
 * again after the queue's visibility timeout and the worker resumes from what it stored; on the last attempt
 * ({@code IMPORT_MAX_ATTEMPTS}, the queue's {@code maxReceiveCount}) the import is marked failed instead, so the
 * runner sees why and may start another. A Spotify grant that needs a new sign-in fails the import at once:
 * retrying cannot help.
 */
public class LibraryImportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryImportHandler.class);

    private final LibraryImportWorker worker;
    private final RunnerLibraries libraries;
    private final int maxAttempts;
    private final Clock clock;
    private final Metrics metrics;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public LibraryImportHandler() {
        this(LibraryImportComponents.fromEnvironment(LambdaEnvironment.current()), FunctionMetrics.create(LambdaEnvironment.current()));
    }

    private LibraryImportHandler(LibraryImportComponents components, Metrics metrics) {
        this(components.worker(), components.libraries(), components.maxAttempts(), Clock.systemUTC(), metrics);
    }

    public LibraryImportHandler(LibraryImportWorker worker, RunnerLibraries libraries, int maxAttempts, Clock clock, Metrics metrics) {
        this.worker = worker;
        this.libraries = libraries;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            for (SQSEvent.SQSMessage message : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
                if (!process(message)) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
        } finally {
            metrics.flush();
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** False when the message should be delivered again. */
    private boolean process(SQSEvent.SQSMessage message) {
        ImportMessage task;
        try {
            task = ImportMessage.parse(message.getBody());
        } catch (IllegalArgumentException e) {
            LOG.error("message {} is not an import ({}): dropped", message.getMessageId(), e.getMessage());
            metrics.addMetric("LibraryImportMessagesRejected", 1, MetricUnit.COUNT);
            return true;
        }
        int attempt = attempt(message);
        long started = System.nanoTime();
        try {
            LibraryImportWorker.Outcome outcome = worker.run(task.runnerId(), task.importId());
            if (outcome.state().isEmpty()) {
                LOG.info("import {} of runner {} is no longer the running one: nothing done", task.importId(), task.runnerId());
                return true;
            }
            LibraryImportState done = outcome.state().get();
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("import {} of runner {} done in {} ms (attempt {}): {} tracks, {} with tempo, sources {}, {} playlists read, "
                            + "{} skipped, {} entries not playable tracks, {} tracks gone since the last import", task.importId(),
                    task.runnerId(), millis, attempt, done.tracks(), done.withTempo(), done.sources(), outcome.playlistsRead(),
                    done.playlistsSkipped(), outcome.entriesSkipped(), outcome.tracksRemoved());
            metrics.addMetric("LibraryImportsDone", 1, MetricUnit.COUNT);
            metrics.addMetric("LibraryTracksImported", done.tracks(), MetricUnit.COUNT);
            metrics.addMetric("LibraryImportTime", millis, MetricUnit.MILLISECONDS);
            return true;
        } catch (ReconnectRequiredException | LinkNotConnectedException e) {
            LOG.info("import {} of runner {}: Spotify needs a new sign-in ({})", task.importId(), task.runnerId(), e.getMessage());
            libraries.fail(task.runnerId(), task.importId(), "spotify_reconnect_required: sign in with Spotify again to import your library",
                    clock.instant());
            metrics.addMetric("LibraryImportsFailed", 1, MetricUnit.COUNT);
            return true;
        } catch (RuntimeException e) {
            if (attempt >= maxAttempts) {
                LOG.error("import {} of runner {} failed on its last attempt ({})", task.importId(), task.runnerId(), attempt, e);
                libraries.fail(task.runnerId(), task.importId(), "the import failed " + attempt + " times; the last time: "
                        + e.getMessage(), clock.instant());
                metrics.addMetric("LibraryImportsFailed", 1, MetricUnit.COUNT);
                return true;
            }
            LOG.warn("import {} of runner {} failed on attempt {} of {}, left for a retry: {}: {}", task.importId(), task.runnerId(),
                    attempt, maxAttempts, e.getClass().getSimpleName(), e.getMessage());
            metrics.addMetric("LibraryImportAttemptsFailed", 1, MetricUnit.COUNT);
            return false;
        }
    }

    /** SQS's ApproximateReceiveCount: 1 on the first delivery. */
    static int attempt(SQSEvent.SQSMessage message) {
        try {
            return message.getAttributes() == null ? 1 : Integer.parseInt(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

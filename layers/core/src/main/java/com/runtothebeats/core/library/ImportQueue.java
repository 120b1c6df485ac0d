package com.runtothebeats.core.library;

/** Hands an import to the asynchronous worker (an SQS queue in AWS). */
public interface ImportQueue {

    /** Enqueues the import; throws when the queue did not take it (the import must then not be reported as running). */
    void submit(String runnerId, String importId);
}

package com.runtothebeats.functions.recommend;

/** The catalog could not be loaded (empty table, no pipeline run yet, storage unreachable): answered 503. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogUnavailableException(String message) {
        super(message);
    }
}

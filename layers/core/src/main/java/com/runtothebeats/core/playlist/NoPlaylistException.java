package com.runtothebeats.core.playlist;

/**
 * The request was well formed but no playlist meets its hard constraints (tempo tolerance, harmonic
 * transitions, no repeats, artist spacing, length) in this catalog. The API answers 422 naming the part
 * of the request to change; a playlist that breaks a constraint is never returned instead.
 */
public class NoPlaylistException extends RuntimeException {

    private final String field;

    public NoPlaylistException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package com.runtothebeats.core.playlist;

import java.util.List;

/**
 * The request was well formed but no playlist meets its hard constraints (tempo tolerance, harmonic
 * transitions, no repeats, artist spacing, length) in this catalog. The API answers 422 naming the part
 * of the request to change, with {@link Suggestion}s when there are changes known to help; a playlist that
 * breaks a constraint is never returned instead.
 */
public class NoPlaylistException extends RuntimeException {

    /**
     * A change to the request that would widen the choice: set {@code field} to {@code value}.
     *
     * @param tracks how many of the tracks it draws from would then fit the plan's tempi; null when not counted
     */
    public record Suggestion(String field, Object value, Integer tracks) {
    }

    private final String field;
    private final List<Suggestion> suggestions;

    public NoPlaylistException(String field, String message) {
        this(field, message, List.of());
    }

    public NoPlaylistException(String field, String message, List<Suggestion> suggestions) {
        super(message);
        this.field = field;
        this.suggestions = List.copyOf(suggestions);
    }

    public String field() {
        return field;
    }

    public List<Suggestion> suggestions() {
        return suggestions;
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.validation.InvalidInputException;
import java.util.Locale;

/**
 * Where a playlist's tracks come from: only the runner's imported library, only our catalog, or the library first
 * with the rest from catalog tracks close to the library's style ({@link LibraryStyle}).
 */
public enum TrackSource {
    LIBRARY,
    CATALOG,
    MIX;

    public static final String FIELD = "source";

    /** The name the API uses ({@code "mix"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException naming {@value #FIELD} for anything but library, catalog or mix */
    public static TrackSource fromId(String id) {
        for (TrackSource source : values()) {
            if (source.id().equals(id)) {
                return source;
            }
        }
        throw new InvalidInputException(FIELD, FIELD + " must be library, catalog or mix, was '" + id + "'");
    }
}

package com.runtothebeats.core.playlist;

import java.util.List;

/** {@code "source": "library"} from a runner who has no imported library with a track we know the tempo and key of. */
public class NoLibraryException extends NoPlaylistException {

    public NoLibraryException(String message) {
        super(TrackSource.FIELD, message, List.of(new Suggestion(TrackSource.FIELD, TrackSource.CATALOG.id(), null)));
    }
}

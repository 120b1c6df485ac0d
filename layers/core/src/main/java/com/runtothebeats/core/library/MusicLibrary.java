package com.runtothebeats.core.library;

/** The runner's saved music at their music service (Spotify: Liked Songs and their playlists). */
public interface MusicLibrary {

    /** Reads the whole library; a playlist the service refuses is skipped and counted, never fatal. */
    LibraryScan scan(String runnerId);
}

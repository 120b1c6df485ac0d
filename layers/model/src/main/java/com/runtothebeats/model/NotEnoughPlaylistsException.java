package com.runtothebeats.model;

/** The data cannot be split into training and validation playlists (a tiny or single-playlist dataset). */
public final class NotEnoughPlaylistsException extends IllegalArgumentException {

    public NotEnoughPlaylistsException(String message) {
        super(message);
    }
}

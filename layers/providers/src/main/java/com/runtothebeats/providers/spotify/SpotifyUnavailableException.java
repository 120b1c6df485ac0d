package com.runtothebeats.providers.spotify;

/** Spotify could not be reached or kept failing (network, 5xx, rate limits past our patience). */
public class SpotifyUnavailableException extends RuntimeException {

    public SpotifyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

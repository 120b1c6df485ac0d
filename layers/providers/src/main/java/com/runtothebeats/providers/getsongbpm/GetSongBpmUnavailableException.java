package com.runtothebeats.providers.getsongbpm;

/** GetSongBPM kept failing or refused the request (after the bounded retries). */
public class GetSongBpmUnavailableException extends RuntimeException {

    public GetSongBpmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

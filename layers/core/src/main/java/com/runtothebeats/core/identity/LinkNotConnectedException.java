package com.runtothebeats.core.identity;

/** There is no connected link to act through (never connected, disconnected, or reconnect required). */
public class LinkNotConnectedException extends RuntimeException {

    public LinkNotConnectedException(String message) {
        super(message);
    }
}

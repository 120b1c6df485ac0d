package com.runtothebeats.core.identity;

/** Whether we can act for the runner at a provider. */
public enum LinkStatus {
    CONNECTED,
    /** The refresh token died (e.g. Spotify's 6-month limit, revoked consent): the runner must connect again. */
    RECONNECT_REQUIRED,
    DISCONNECTED
}

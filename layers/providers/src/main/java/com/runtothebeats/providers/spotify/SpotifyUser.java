package com.runtothebeats.providers.spotify;

/**
 * The signed-in Spotify user ({@code GET /v1/me}).
 *
 * @param id          the user id Spotify shows on their resources (a playlist's {@code owner.id}, profile URLs)
 * @param displayName what to call the runner
 * @param accountId   Spotify's stable key for the account; null when Spotify did not send one
 */
public record SpotifyUser(String id, String displayName, String accountId) {

    /** What our link is keyed by: {@code account_id}, or {@code id} when Spotify did not send one. */
    public String key() {
        return hasAccountId() ? accountId : id;
    }

    public boolean hasAccountId() {
        return accountId != null && !accountId.isBlank();
    }
}

package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A runner's link to a provider account, with the tokens to act for them. The refresh token is held in
 * plain text only in memory: stores encrypt it at rest through a {@link TokenCipher} and never log it.
 *
 * @param externalUserId the provider's stable key for the account, which finds the runner at sign-in (Spotify:
 *                       {@code account_id}; Google Health: the health user id named by webhooks)
 * @param version increases with every token change; stores update conditionally on it so that a
 *                refresh never overwrites a newer token
 * @param profileId the id the provider's API shows for the account on its resources, when that is not the key
 *                  (Spotify: {@code id}, which playlists carry as {@code owner.id}); null when not recorded
 */
public record ProviderLink(
        String runnerId,
        Provider provider,
        String externalUserId,
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        String scopes,
        LinkStatus status,
        long version,
        String profileId) {

    /** A link whose provider shows the account by its key (no separate profile id). */
    public ProviderLink(String runnerId, Provider provider, String externalUserId, String accessToken,
                        Instant accessTokenExpiresAt, String refreshToken, String scopes, LinkStatus status, long version) {
        this(runnerId, provider, externalUserId, accessToken, accessTokenExpiresAt, refreshToken, scopes, status, version, null);
    }

    public ProviderLink {
        Objects.requireNonNull(runnerId, "runnerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
    }

    public boolean accessTokenValidAt(Instant now, java.time.Duration margin) {
        return accessToken != null && accessTokenExpiresAt != null && now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    /** The next version after a token refresh. */
    public ProviderLink withTokens(String newAccessToken, Instant expiresAt, String newRefreshToken) {
        return new ProviderLink(runnerId, provider, externalUserId, newAccessToken, expiresAt,
                newRefreshToken != null ? newRefreshToken : refreshToken, scopes, LinkStatus.CONNECTED, version + 1, profileId);
    }

    public ProviderLink withStatus(LinkStatus newStatus) {
        return new ProviderLink(runnerId, provider, externalUserId, accessToken, accessTokenExpiresAt,
                refreshToken, scopes, newStatus, version + 1, profileId);
    }

    /** Never prints tokens. */
    @Override
    public String toString() {
        return "ProviderLink[" + runnerId + ", " + provider.id() + ", " + status + ", v" + version + "]";
    }
}

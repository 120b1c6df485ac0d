package com.runtothebeats.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A runner's link to a provider account, with the tokens to act for them. The refresh token is held in
 * plain text only in memory: stores encrypt it at rest through a {@link TokenCipher} and never log it.
 *
 * @param version increases with every token change; stores update conditionally on it so that a
 *                refresh never overwrites a newer token
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
        long version) {

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
                newRefreshToken != null ? newRefreshToken : refreshToken, scopes, LinkStatus.CONNECTED, version + 1);
    }

    public ProviderLink withStatus(LinkStatus newStatus) {
        return new ProviderLink(runnerId, provider, externalUserId, accessToken, accessTokenExpiresAt,
                refreshToken, scopes, newStatus, version + 1);
    }

    /** Never prints tokens. */
    @Override
    public String toString() {
        return "ProviderLink[" + runnerId + ", " + provider.id() + ", " + status + ", v" + version + "]";
    }
}

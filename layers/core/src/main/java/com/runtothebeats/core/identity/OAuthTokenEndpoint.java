package com.runtothebeats.core.identity;

/** A provider's OAuth token endpoint, for the refresh grant. */
public interface OAuthTokenEndpoint {

    /**
     * @throws ConsentRevokedException when the provider answers {@code invalid_grant}: the refresh token is
     *                                 dead (revoked consent, expired) and only a new consent helps
     */
    TokenGrant refresh(String refreshToken);
}

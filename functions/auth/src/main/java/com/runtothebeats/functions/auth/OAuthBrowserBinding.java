package com.runtothebeats.functions.auth;

import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.lambda.session.CookieSignature;
import com.runtothebeats.lambda.session.RequestCookies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Binds an authorization attempt to the browser that started it. {@code /start} sets
 * {@code __Host-beats_oauth_<provider> = expiry.signature}, the signature being HMAC-SHA256 (session secret)
 * over the attempt's {@code state}, provider and expiry; {@code /callback} completes the attempt only in a
 * browser that sends that cookie for the callback's {@code state}. A victim sent an attacker's authorize URL
 * has no such cookie, so the attacker can neither collect the victim's tokens nor sign the victim in as
 * themselves. {@code __Host-} (Secure, Path=/, no Domain) means no sibling subdomain can plant the cookie;
 * SameSite=Lax still sends it on the provider's top-level redirect back to us. One cookie per provider,
 * so a Spotify sign-in and a Google Health connect in two tabs do not undo each other.
 */
final class OAuthBrowserBinding {

    static final String COOKIE_PREFIX = "__Host-beats_oauth_";

    private final CookieSignature signature;
    private final Duration lifetime;
    private final Clock clock;

    OAuthBrowserBinding(byte[] sessionSecret, Duration lifetime, Clock clock) {
        this.signature = new CookieSignature(sessionSecret);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    static String cookieName(Provider provider) {
        return COOKIE_PREFIX + provider.id();
    }

    /** The {@code Set-Cookie} value that binds {@code state} to this browser until the attempt expires. */
    String cookie(Provider provider, String state) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        return cookieName(provider) + "=" + expiry + "." + signature.sign(payload(provider, state, expiry))
                + "; Path=/; Max-Age=" + lifetime.toSeconds() + "; HttpOnly; Secure; SameSite=Lax";
    }

    /** The {@code Set-Cookie} value that removes the binding once the callback has been answered. */
    static String expire(Provider provider) {
        return cookieName(provider) + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax";
    }

    /** True when the request's browser started the attempt {@code state} names, and not too long ago. */
    boolean startedHere(Provider provider, String state, RequestCookies cookies) {
        String value = cookies.get(cookieName(provider)).orElse(null);
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        return signature.verifies(payload(provider, state, expiry), value.substring(dot + 1))
                && clock.instant().isBefore(Instant.ofEpochSecond(expiry));
    }

    private static String payload(Provider provider, String state, long expiry) {
        return "oauth-browser|" + provider.id() + "|" + state + "|" + expiry;
    }
}

package com.runtothebeats.functions.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The double-submit CSRF token: a random value in the {@code beats_csrf} cookie that the pages' script
 * copies into the {@code X-CSRF-Token} header of every state-changing request; the API functions accept
 * the request only when the two match. A cross-site page can make the browser send the cookie but cannot
 * read it, so it cannot forge the header. Readable by script on purpose (not HttpOnly).
 */
final class CsrfCookie {

    static final String NAME = "beats_csrf";
    /** As long as a session lasts (30 days), so a page left open keeps working. */
    private static final long LIFETIME_SECONDS = 30L * 24 * 3600;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private final SecureRandom random;

    CsrfCookie(SecureRandom random) {
        this.random = random;
    }

    /** The {@code Set-Cookie} value to send when the request carries no well-formed token yet. */
    Optional<String> issueIfMissing(List<String> requestCookies) {
        boolean present = requestCookies.stream()
                .map(String::trim)
                .filter(cookie -> cookie.startsWith(NAME + "="))
                .map(cookie -> cookie.substring(NAME.length() + 1))
                .anyMatch(value -> WELL_FORMED.matcher(value).matches());
        return present ? Optional.empty() : Optional.of(NAME + "=" + newToken() + "; Path=/; Max-Age=" + LIFETIME_SECONDS + "; Secure; SameSite=Lax");
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

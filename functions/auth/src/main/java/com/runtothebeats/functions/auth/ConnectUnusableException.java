package com.runtothebeats.functions.auth;

import java.util.List;

/**
 * The provider said yes, but to something we cannot use: scopes were left out (a Google consent page lets the
 * runner untick one), or Spotify serves only its development-mode allowlist. Nothing is stored and nobody is
 * signed in; the browser goes home with {@code error=<code>} (and {@code missing=<scopes>}) so the page can say
 * what to do, rather than leaving a link that can never work.
 */
public class ConnectUnusableException extends RuntimeException {

    /** Granted scopes lack some the product needs ({@link #missingScopes}). */
    public static final String MISSING_SCOPES = "missing_scopes";
    /** Spotify's 403 for an account not on a development-mode app's User Management list. */
    public static final String SPOTIFY_USER_NOT_ALLOWED = "spotify_user_not_allowed";

    private final String code;
    private final List<String> missingScopes;

    ConnectUnusableException(String code, List<String> missingScopes, String message) {
        super(message);
        this.code = code;
        this.missingScopes = List.copyOf(missingScopes);
    }

    static ConnectUnusableException missingScopes(List<String> missing) {
        return new ConnectUnusableException(MISSING_SCOPES, missing, "granted scopes lack " + missing);
    }

    public String code() {
        return code;
    }

    public List<String> missingScopes() {
        return missingScopes;
    }
}

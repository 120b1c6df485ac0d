package com.runtothebeats.providers.spotify;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where Spotify lives. spotify-web-api-java builds every URI against {@code api.spotify.com} or (token
 * requests, hard-coded) {@code accounts.spotify.com:443}; {@link #rewrite} moves them to the configured
 * bases, so tests and the local stack can point both at 127.0.0.1.
 */
public record SpotifyEndpoints(URI apiBase, URI accountsBase) {

    public static final URI DEFAULT_API = URI.create("https://api.spotify.com");
    public static final URI DEFAULT_ACCOUNTS = URI.create("https://accounts.spotify.com");

    /** {@code SPOTIFY_API_BASE_URL} and {@code SPOTIFY_ACCOUNTS_BASE_URL}, defaulting to Spotify's own. */
    public static SpotifyEndpoints fromEnvironment(LambdaEnvironment env) {
        return new SpotifyEndpoints(base(env.get("SPOTIFY_API_BASE_URL").map(URI::create).orElse(DEFAULT_API)),
                base(env.get("SPOTIFY_ACCOUNTS_BASE_URL").map(URI::create).orElse(DEFAULT_ACCOUNTS)));
    }

    public static SpotifyEndpoints production() {
        return new SpotifyEndpoints(DEFAULT_API, DEFAULT_ACCOUNTS);
    }

    /** The URI with Spotify's API or accounts host replaced by the configured base (other hosts untouched). */
    public URI rewrite(URI uri) {
        String host = uri.getHost();
        if (DEFAULT_API.getHost().equalsIgnoreCase(host)) {
            return onto(apiBase, uri);
        }
        if (DEFAULT_ACCOUNTS.getHost().equalsIgnoreCase(host)) {
            return onto(accountsBase, uri);
        }
        return uri;
    }

    private static URI onto(URI base, URI uri) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        String path = prefix + (uri.getRawPath() == null ? "" : uri.getRawPath());
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String port = base.getPort() >= 0 ? ":" + base.getPort() : "";
        try {
            return new URI(base.getScheme() + "://" + base.getHost() + port + path + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot rewrite " + uri.getHost() + " onto " + base, e);
        }
    }

    /** Drops a trailing slash so paths join cleanly. */
    private static URI base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}

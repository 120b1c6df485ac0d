package com.runtothebeats.providers.spotify;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Our Spotify app and where Spotify is, from a function's environment: {@code SPOTIFY_CLIENT_ID},
 * {@code SPOTIFY_REDIRECT_URI}, the optional secret ({@code SPOTIFY_CLIENT_SECRET} locally or the SSM
 * parameter named by {@code SPOTIFY_CLIENT_SECRET_PARAMETER}) and the base URLs. Empty when no client id is
 * configured: the local demo then signs in as the demo runner and publishes as a dry run.
 */
public record SpotifyConfiguration(SpotifyAppCredentials app, SpotifyHttpTransport transport) {

    public static Optional<SpotifyConfiguration> fromEnvironment(LambdaEnvironment env, Function<String, String> secureParameter) {
        Optional<String> clientId = env.get("SPOTIFY_CLIENT_ID");
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        String secret = env.get("SPOTIFY_CLIENT_SECRET")
                .or(() -> env.get("SPOTIFY_CLIENT_SECRET_PARAMETER").map(secureParameter))
                .orElse(null);
        // Only signing in needs it (the Auth function); refreshing tokens and publishing do not.
        URI redirect = env.get("SPOTIFY_REDIRECT_URI").map(URI::create).orElse(null);
        SpotifyHttpTransport transport = SpotifyHttpTransport.create(SpotifyEndpoints.fromEnvironment(env));
        return Optional.of(new SpotifyConfiguration(new SpotifyAppCredentials(clientId.get(), secret, redirect), transport));
    }
}

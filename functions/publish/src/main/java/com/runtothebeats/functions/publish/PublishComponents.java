package com.runtothebeats.functions.publish;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.publishing.DynamoPublicationStore;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.publishing.PlaylistDestination;
import com.runtothebeats.core.publishing.PlaylistPublisher;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.spotify.DryRunPlaylists;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyConfiguration;
import com.runtothebeats.providers.spotify.SpotifyPlaylists;
import com.runtothebeats.providers.spotify.SpotifyTokenEndpoint;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The Publish function's collaborators from its environment. With {@code SPOTIFY_CLIENT_ID} it publishes to
 * Spotify; without it, only when {@code BEATS_DRY_RUN_DIR} (or the local stack's {@code BEATS_STATE_DIR})
 * says where, it writes dry-run files; with neither it refuses to start rather than publish nowhere.
 */
public record PublishComponents(SessionCookies sessions, PlaylistPublisher publisher, boolean dryRun, Metrics metrics) {

    static PublishComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Function<String, String> parameters = name -> new SsmSecureParameters(aws.ssm()).apply(name);
        SessionCookies sessions = SessionCookies.fromEnvironment(env, DynamoSessionStore.fromEnvironment(env, dynamo));
        Clock clock = Clock.systemUTC();
        DynamoPublicationStore publications = new DynamoPublicationStore(dynamo, env.require("PUBLICATIONS_TABLE"));

        Optional<SpotifyConfiguration> spotify = SpotifyConfiguration.fromEnvironment(env, parameters);
        PlaylistDestination destination;
        if (spotify.isPresent()) {
            ProviderLinkStore links = new DynamoProviderLinkStore(dynamo, env.require("PROVIDER_LINKS_TABLE"),
                    TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
            SpotifyAuthorization authorization = new SpotifyAuthorization(spotify.get().app(), spotify.get().transport(), clock);
            TokenRefresher tokens = new TokenRefresher(links, new SpotifyTokenEndpoint(authorization),
                    LinkStatus.RECONNECT_REQUIRED, clock, Pause.SLEEP);
            destination = new SpotifyPlaylists(spotify.get().transport(), links, tokens, Pause.SLEEP);
        } else {
            Path dir = env.get("BEATS_DRY_RUN_DIR").map(Path::of)
                    .or(() -> env.get("BEATS_STATE_DIR").map(state -> Path.of(state, "dry-run-playlists")))
                    .orElseThrow(() -> new IllegalStateException(
                            "set SPOTIFY_CLIENT_ID (publish to Spotify) or BEATS_DRY_RUN_DIR (local dry run)"));
            destination = new DryRunPlaylists(dir, clock, new SecureRandom());
        }
        return new PublishComponents(sessions, new PlaylistPublisher(publications, destination, clock), destination.dryRun(),
                FunctionMetrics.create(env));
    }
}

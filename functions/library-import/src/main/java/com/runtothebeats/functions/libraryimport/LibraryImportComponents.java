package com.runtothebeats.functions.libraryimport;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.library.DynamoRunnerLibraries;
import com.runtothebeats.aws.library.DynamoTrackFeatureCache;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.library.LibraryImportWorker;
import com.runtothebeats.core.library.RunnerLibraries;
import com.runtothebeats.core.library.SongSearch;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.getsongbpm.GetSongBpmClient;
import com.runtothebeats.providers.reccobeats.ReccoBeatsClient;
import com.runtothebeats.providers.spotify.SpotifyAppCredentials;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyConfiguration;
import com.runtothebeats.providers.spotify.SpotifyEndpoints;
import com.runtothebeats.providers.spotify.SpotifyHttpTransport;
import com.runtothebeats.providers.spotify.SpotifyLibraryReader;
import com.runtothebeats.providers.spotify.SpotifyTokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The worker's collaborators from its environment: the runner's Spotify (with {@code SPOTIFY_CLIENT_ID}; in the
 * local demo, {@code BEATS_DEMO_MODE} with the demo runner's token for the Spotify stand-in in
 * {@code BEATS_DEMO_SPOTIFY_TOKEN}), ReccoBeats ({@code RECCOBEATS_BASE_URL}), GetSongBPM
 * ({@code GETSONGBPM_BASE_URL}, {@code GETSONGBPM_API_KEY} or the SSM parameter named by
 * {@code GETSONGBPM_API_KEY_PARAMETER}; without a key, tracks ReccoBeats lacks get no tempo), the feature cache in
 * {@code TRACKS_TABLE} and the runners' libraries in {@code LIBRARIES_TABLE}.
 */
record LibraryImportComponents(LibraryImportWorker worker, RunnerLibraries libraries, int maxAttempts) {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryImportComponents.class);

    static LibraryImportComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Function<String, String> parameters = name -> new SsmSecureParameters(aws.ssm()).apply(name);
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        SpotifyLibraryReader spotify = spotify(env, aws, parameters, clock);
        ReccoBeatsClient reccoBeats = new ReccoBeatsClient(http,
                env.get("RECCOBEATS_BASE_URL").map(URI::create).orElse(ReccoBeatsClient.DEFAULT_BASE), Pause.SLEEP);
        Optional<String> key = env.get("GETSONGBPM_API_KEY").or(() -> env.get("GETSONGBPM_API_KEY_PARAMETER").map(parameters));
        SongSearch songs = key.<SongSearch>map(k -> new GetSongBpmClient(http,
                env.get("GETSONGBPM_BASE_URL").map(URI::create).orElse(GetSongBpmClient.DEFAULT_BASE), k, Pause.SLEEP))
                .orElseGet(() -> {
                    LOG.warn("no GetSongBPM API key: tracks ReccoBeats does not know will have no tempo");
                    return track -> Optional.empty();
                });
        RunnerLibraries libraries = new DynamoRunnerLibraries(dynamo, env.require("LIBRARIES_TABLE"));
        LibraryImportWorker worker = new LibraryImportWorker(spotify, reccoBeats, songs,
                new DynamoTrackFeatureCache(dynamo, env.require("TRACKS_TABLE")), libraries, clock);
        return new LibraryImportComponents(worker, libraries, env.getInt("IMPORT_MAX_ATTEMPTS", 4));
    }

    private static SpotifyLibraryReader spotify(LambdaEnvironment env, AwsClients aws, Function<String, String> parameters, Clock clock) {
        Optional<SpotifyConfiguration> spotify = SpotifyConfiguration.fromEnvironment(env, parameters);
        if (spotify.isPresent()) {
            ProviderLinkStore links = new DynamoProviderLinkStore(aws.dynamoDb(), env.require("PROVIDER_LINKS_TABLE"),
                    TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
            SpotifyAuthorization authorization = new SpotifyAuthorization(spotify.get().app(), spotify.get().transport(), clock);
            return new SpotifyLibraryReader(spotify.get().transport(), links,
                    new TokenRefresher(links, new SpotifyTokenEndpoint(authorization), LinkStatus.RECONNECT_REQUIRED, clock, Pause.SLEEP),
                    Pause.SLEEP);
        }
        if (env.get("BEATS_DEMO_MODE").filter("true"::equals).isPresent() && env.get("BEATS_DEMO_SPOTIFY_TOKEN").isPresent()) {
            SpotifyHttpTransport transport = SpotifyHttpTransport.create(SpotifyEndpoints.fromEnvironment(env));
            ProviderLinkStore demo = new DemoSpotifyLink(env.require("BEATS_DEMO_SPOTIFY_TOKEN"), clock);
            SpotifyAuthorization never = new SpotifyAuthorization(new SpotifyAppCredentials("demo", null, null), transport, clock);
            return new SpotifyLibraryReader(transport, demo,
                    new TokenRefresher(demo, new SpotifyTokenEndpoint(never), LinkStatus.RECONNECT_REQUIRED, clock, Pause.SLEEP),
                    Pause.SLEEP);
        }
        throw new IllegalStateException("importing libraries needs Spotify: set SPOTIFY_CLIENT_ID (or, in the local demo, "
                + "BEATS_DEMO_MODE and BEATS_DEMO_SPOTIFY_TOKEN)");
    }
}

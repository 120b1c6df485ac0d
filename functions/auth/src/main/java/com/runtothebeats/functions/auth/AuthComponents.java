package com.runtothebeats.functions.auth;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoOAuthStateStore;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.identity.OAuthStateStore;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.RunnerStore;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.lambda.session.SessionSecret;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyConfiguration;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The Auth function's collaborators as its environment describes them (built once per container).
 *
 * @param sessionSecret signs the cookies that bind an authorization attempt to its browser
 * @param appHome       where the browser goes after a sign-in or connect
 */
public record AuthComponents(SessionCookies sessions, byte[] sessionSecret, OAuthStateStore states, List<ConnectFlow> flows, String appHome,
                             Clock clock, SecureRandom random, Metrics metrics) {

    static AuthComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Function<String, String> parameters = name -> new SsmSecureParameters(aws.ssm()).apply(name);
        SessionCookies sessions = SessionCookies.fromEnvironment(env, DynamoSessionStore.fromEnvironment(env, dynamo));
        byte[] sessionSecret = SessionSecret.fromEnvironment(env, parameters);
        OAuthStateStore states = new DynamoOAuthStateStore(dynamo, env.require("OAUTH_STATES_TABLE"));
        RunnerStore runners = new DynamoRunnerStore(dynamo, env.require("RUNNERS_TABLE"));
        ProviderLinkStore links = new DynamoProviderLinkStore(dynamo, env.require("PROVIDER_LINKS_TABLE"),
                TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();

        List<ConnectFlow> flows = new ArrayList<>();
        SpotifyConfiguration.fromEnvironment(env, parameters).ifPresent(spotify -> {
            if (spotify.app().redirectUri() == null) {
                throw new IllegalStateException("SPOTIFY_REDIRECT_URI is not set: Spotify sign-in needs its registered redirect URI");
            }
            flows.add(new SpotifyConnectFlow(new SpotifyAuthorization(spotify.app(), spotify.transport(), clock),
                    links, runners, clock, random));
        });
        // google-health: the heart-rate area adds its ConnectFlow here.
        env.get("GOOGLE_CLIENT_ID").ifPresent(clientId -> flows.add(googleHealth(env, parameters, clientId, links, dynamo, clock)));
        return new AuthComponents(sessions, sessionSecret, states, flows, env.get("APP_HOME_PATH", "/dashboard"), clock, random,
                FunctionMetrics.create(env));
    }

    private static ConnectFlow googleHealth(LambdaEnvironment env, Function<String, String> parameters, String clientId,
                                            ProviderLinkStore links, DynamoDbClient dynamo, Clock clock) {
        GoogleEndpoints endpoints = GoogleEndpoints.of(env.get("GOOGLE_OAUTH_BASE_URL", null),
                env.get("GOOGLE_HEALTH_API_BASE_URL", null));
        String clientSecret = env.get("GOOGLE_CLIENT_SECRET")
                .or(() -> env.get("GOOGLE_CLIENT_SECRET_PARAMETER").map(parameters)).orElse(null);
        return new GoogleHealthConnectFlow(endpoints, clientId, env.require("GOOGLE_REDIRECT_URI"),
                new GoogleOAuthClient(endpoints, clientId, clientSecret, clock),
                new GoogleHealthClient(endpoints.healthApi(), Pause.SLEEP), links,
                new DynamoHeartRateSamples(dynamo, env.require("HEART_RATE_TABLE")),
                new DynamoRunnerHeartRates(dynamo, env.require("RUNNERS_TABLE")));
    }
}

package com.runtothebeats.functions.auth;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.aws.identity.DynamoOAuthStateStore;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.core.identity.OAuthStateStore;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.RunnerStore;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import com.runtothebeats.providers.spotify.SpotifyAuthorization;
import com.runtothebeats.providers.spotify.SpotifyConfiguration;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Auth function's collaborators as its environment describes them (built once per container). */
record AuthComponents(SessionCookies sessions, OAuthStateStore states, List<ConnectFlow> flows, String appHome) {

    static AuthComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Function<String, String> parameters = name -> new SsmSecureParameters(aws.ssm()).apply(name);
        SessionCookies sessions = SessionCookies.fromEnvironment(env, parameters);
        OAuthStateStore states = new DynamoOAuthStateStore(dynamo, env.require("OAUTH_STATES_TABLE"));
        RunnerStore runners = new DynamoRunnerStore(dynamo, env.require("RUNNERS_TABLE"));
        ProviderLinkStore links = new DynamoProviderLinkStore(dynamo, env.require("PROVIDER_LINKS_TABLE"),
                TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();

        List<ConnectFlow> flows = new ArrayList<>();
        SpotifyConfiguration.fromEnvironment(env, parameters).ifPresent(spotify -> flows.add(new SpotifyConnectFlow(
                new SpotifyAuthorization(spotify.app(), spotify.transport(), clock), links, runners, clock, random)));
        // google-health: the heart-rate area adds its ConnectFlow here.
        return new AuthComponents(sessions, states, flows, env.get("APP_HOME_PATH", "/dashboard"));
    }
}

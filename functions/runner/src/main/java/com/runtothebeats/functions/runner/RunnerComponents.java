package com.runtothebeats.functions.runner;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoLinkStatuses;
import com.runtothebeats.aws.identity.DynamoRunnerStore;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.core.heartrate.HeartRateSamples;
import com.runtothebeats.core.heartrate.RunnerHeartRates;
import com.runtothebeats.core.identity.LinkStatuses;
import com.runtothebeats.core.identity.RunnerStore;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.SessionCookies;
import java.time.Clock;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * The Runner function's collaborators (built once per container).
 *
 * @param links             the links' stored statuses only: showing them opens no token, so this function has no token key
 * @param spotifyConfigured false when the deployment publishes dry-run files instead of to Spotify
 */
public record RunnerComponents(SessionCookies sessions, RunnerStore runners, LinkStatuses links,
                               HeartRateSamples samples, RunnerHeartRates states, boolean spotifyConfigured,
                               Clock clock, Metrics metrics) {

    static RunnerComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        return new RunnerComponents(SessionCookies.fromEnvironment(env, DynamoSessionStore.fromEnvironment(env, aws.dynamoDb())),
                new DynamoRunnerStore(aws.dynamoDb(), env.require("RUNNERS_TABLE")),
                new DynamoLinkStatuses(aws.dynamoDb(), env.require("PROVIDER_LINKS_TABLE")),
                new DynamoHeartRateSamples(aws.dynamoDb(), env.require("HEART_RATE_TABLE")),
                new DynamoRunnerHeartRates(aws.dynamoDb(), env.require("RUNNERS_TABLE")),
                env.get("SPOTIFY_CLIENT_ID").isPresent(), Clock.systemUTC(), FunctionMetrics.create(env));
    }
}

package com.runtothebeats.functions.healthsync;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.aws.heartrate.DynamoHeartRateSamples;
import com.runtothebeats.aws.heartrate.DynamoRunnerHeartRates;
import com.runtothebeats.aws.identity.DynamoProviderLinkStore;
import com.runtothebeats.aws.tokens.TokenCiphers;
import com.runtothebeats.core.heartrate.HeartRateSync;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenRefresher;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.googlehealth.GoogleEndpoints;
import com.runtothebeats.providers.googlehealth.GoogleHealthClient;
import com.runtothebeats.providers.googlehealth.GoogleOAuthClient;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.Metrics;

/** The Health sync function's collaborators (built once per container). */
public record HealthSyncComponents(HeartRateSync sync, Metrics metrics) {

    static HealthSyncComponents fromEnvironment(LambdaEnvironment env) {
        AwsClients aws = new AwsClients(env);
        DynamoDbClient dynamo = aws.dynamoDb();
        Clock clock = Clock.systemUTC();
        GoogleEndpoints endpoints = GoogleEndpoints.of(env.get("GOOGLE_OAUTH_BASE_URL", null),
                env.get("GOOGLE_HEALTH_API_BASE_URL", null));
        String clientSecret = env.get("GOOGLE_CLIENT_SECRET")
                .or(() -> env.get("GOOGLE_CLIENT_SECRET_PARAMETER").map(new SsmSecureParameters(aws.ssm())))
                .orElse(null);
        ProviderLinkStore links = new DynamoProviderLinkStore(dynamo, env.require("PROVIDER_LINKS_TABLE"),
                TokenCiphers.forKeyId(env.require("TOKEN_KEY_ID"), aws::kms));
        GoogleOAuthClient oauth = new GoogleOAuthClient(endpoints, env.get("GOOGLE_CLIENT_ID", ""), clientSecret, clock);
        HeartRateSync sync = new HeartRateSync(links,
                new TokenRefresher(links, oauth, LinkStatus.DISCONNECTED, clock, Pause.SLEEP),
                new GoogleHealthClient(endpoints.healthApi(), Pause.SLEEP),
                new DynamoHeartRateSamples(dynamo, env.require("HEART_RATE_TABLE")),
                new DynamoRunnerHeartRates(dynamo, env.require("RUNNERS_TABLE")));
        return new HealthSyncComponents(sync, FunctionMetrics.create(env));
    }
}

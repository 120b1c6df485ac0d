package com.runtothebeats.aws;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * AWS clients for a function, built once per container from its environment: on Lambda the default
 * credential chain and region; in the local stack the endpoints ({@code AWS_ENDPOINT_URL_<SERVICE>} or
 * {@code AWS_ENDPOINT_URL}) and static credentials the local runner puts in the function's environment.
 */
public final class AwsClients {

    private final LambdaEnvironment env;

    public AwsClients(LambdaEnvironment env) {
        this.env = env;
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public KmsClient kms() {
        return configure(KmsClient.builder(), "KMS").httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder(), "SSM").httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service) {
        builder.region(Region.of(env.get("AWS_REGION", "us-east-1")));
        endpoint(service).ifPresent(builder::endpointOverride);
        Optional<String> keyId = env.get("AWS_ACCESS_KEY_ID");
        if (keyId.isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keyId.get(), env.get("AWS_SECRET_ACCESS_KEY", "local"))));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder;
    }

    private Optional<URI> endpoint(String service) {
        return env.get("AWS_ENDPOINT_URL_" + service).or(() -> env.get("AWS_ENDPOINT_URL")).map(URI::create);
    }
}

package com.runtothebeats.local;

import com.runtothebeats.standins.DynamoDbLocalServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Clients the CLI itself uses on the local stand-ins: the stand-in's endpoint, the local region and its dummy
 * credentials, and the JDK's HTTP client (no Apache or Netty client to load for a short command).
 */
final class LocalAwsClients {

    private LocalAwsClients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return onStandIn(DynamoDbClient.builder(), endpoint).build();
    }

    static DynamoDbStreamsClient dynamoDbStreams(URI endpoint) {
        return onStandIn(DynamoDbStreamsClient.builder(), endpoint).build();
    }

    static SqsClient sqs(URI endpoint) {
        return onStandIn(SqsClient.builder(), endpoint).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B onStandIn(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DynamoDbLocalServer.ACCESS_KEY_ID, DynamoDbLocalServer.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}

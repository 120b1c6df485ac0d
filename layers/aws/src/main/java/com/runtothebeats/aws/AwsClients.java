package com.runtothebeats.aws;

import com.runtothebeats.lambda.LambdaEnvironment;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients of one function, built from its environment once per container (a handler's
 * no-argument constructor makes one {@code AwsClients} and keeps it) and each only when first used.
 *
 * <p>Honours {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL} (the local stack points them at
 * its stand-ins), {@code AWS_REGION}, and static credentials when {@code AWS_ACCESS_KEY_ID} is in the
 * environment given; otherwise the SDK's default chain applies. All clients share one
 * url-connection HTTP client: it loads far faster than the Apache or Netty clients on a cold start.
 */
public final class AwsClients {

    private final LambdaEnvironment environment;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final Memo<DynamoDbClient> dynamoDb = new Memo<>(this::buildDynamoDb);
    private final Memo<S3Client> s3 = new Memo<>(this::buildS3);
    private final Memo<KmsClient> kms = new Memo<>(this::buildKms);
    private final Memo<SsmClient> ssm = new Memo<>(this::buildSsm);
    private final Memo<SqsClient> sqs = new Memo<>(this::buildSqs);

    public AwsClients(LambdaEnvironment environment) {
        this.environment = environment;
    }

    /** Clients for the environment of the function being constructed on this thread. */
    public static AwsClients current() {
        return new AwsClients(LambdaEnvironment.current());
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public KmsClient kms() {
        return kms.get();
    }

    public SsmClient ssm() {
        return ssm.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    /** The endpoint override for a service ("DYNAMODB", "S3", "KMS", "SSM", "SQS"), if the environment sets one. */
    public Optional<URI> endpoint(String service) {
        return environment.get("AWS_ENDPOINT_URL_" + service)
                .or(() -> environment.get("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    private DynamoDbClient buildDynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").httpClient(http).build();
    }

    private S3Client buildS3() {
        var builder = configure(S3Client.builder(), "S3").httpClient(http);
        if (endpoint("S3").isPresent()) {
            // Stand-ins serve buckets by path, not by virtual host; and they need not implement the
            // flexible checksums the SDK would otherwise add to every request.
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private KmsClient buildKms() {
        return configure(KmsClient.builder(), "KMS").httpClient(http).build();
    }

    private SsmClient buildSsm() {
        return configure(SsmClient.builder(), "SSM").httpClient(http).build();
    }

    private SqsClient buildSqs() {
        return configure(SqsClient.builder(), "SQS").httpClient(http).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        endpoint(service).ifPresent(builder::endpointOverride);
        environment.get("AWS_REGION").or(() -> environment.get("AWS_DEFAULT_REGION"))
                .map(Region::of)
                .ifPresent(builder::region);
        staticCredentials().ifPresent(builder::credentialsProvider);
        return builder;
    }

    private Optional<AwsCredentialsProvider> staticCredentials() {
        return environment.get("AWS_ACCESS_KEY_ID").map(keyId -> {
            String secret = environment.require("AWS_SECRET_ACCESS_KEY");
            AwsCredentials credentials = environment.get("AWS_SESSION_TOKEN")
                    .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token))
                    .orElseGet(() -> AwsBasicCredentials.create(keyId, secret));
            return StaticCredentialsProvider.create(credentials);
        });
    }

    /** Builds a client on first use; a function that never touches KMS never pays for its client. */
    private static final class Memo<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Memo(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        value = result = factory.get();
                    }
                }
            }
            return result;
        }
    }
}

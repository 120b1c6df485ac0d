package com.runtothebeats.local;

import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.OnDemandListener;
import com.runtothebeats.standins.OnDemandS3StandIn;
import com.runtothebeats.standins.S3StandIn;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.SqsStandIn;
import com.runtothebeats.standins.TemplateQueues;
import com.runtothebeats.standins.TemplateTables;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stand-ins a local stack runs on and where they listen: what this process started (closed in reverse order;
 * empty when the stack is another process's), and whether the template's tables already exist in them.
 */
record LocalServers(List<AutoCloseable> servers, URI dynamo, URI s3, URI sqs, boolean tablesReady) {

    LocalServers {
        servers = List.copyOf(servers);
    }

    /** Every server up front (serve, pipeline, tests); the tables are created by the stack. */
    static LocalServers startAll(LocalStack.Options options, SamTemplate template, List<String> buckets, Path state) {
        // the two servers start side by side: S3Mock (Spring Boot) takes seconds to come up
        CompletableFuture<S3StandIn> s3Start = CompletableFuture.supplyAsync(() -> S3StandIn.start(state.resolve("s3"), 0, buckets));
        DynamoDbLocalServer dynamo;
        try {
            dynamo = options.inMemory()
                    ? DynamoDbLocalServer.inMemory()
                    : DynamoDbLocalServer.onDisk(state.resolve("dynamodb"), 0);
        } catch (RuntimeException e) {
            s3Start.thenAccept(S3StandIn::close);
            throw e;
        }
        S3StandIn s3;
        try {
            s3 = s3Start.join();
        } catch (CompletionException e) {
            dynamo.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        SqsStandIn sqs = queues(options, template, state);
        return new LocalServers(List.of(dynamo, s3, sqs), dynamo.endpoint(), s3.endpoint(), sqs.endpoint(), false);
    }

    /**
     * Objects answered from the state's files, S3Mock and DynamoDB Local started only when a request needs them
     * (DynamoDB Local creates the template's tables as it starts).
     */
    static LocalServers startOnDemand(LocalStack.Options options, SamTemplate template, List<String> buckets, Path state) {
        OnDemandS3StandIn s3 = OnDemandS3StandIn.start(state.resolve("s3"), buckets);
        OnDemandListener dynamo = OnDemandListener.start("dynamodb", () -> {
            long started = System.nanoTime();
            DynamoDbLocalServer server = DynamoDbLocalServer.onDisk(state.resolve("dynamodb"), 0);
            try (DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
                TemplateTables.createAll(client, template, id -> id);
            }
            options.log().printf("DynamoDB Local started on first use in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            return new OnDemandListener.Backend() {
                @Override
                public URI endpoint() {
                    return server.endpoint();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        });
        SqsStandIn sqs = queues(options, template, state);
        return new LocalServers(List.of(dynamo, s3, sqs), dynamo.endpoint(), s3.endpoint(), sqs.endpoint(), true);
    }

    /** The template's queues, kept as files beside the tables so a queued message survives a restart. */
    private static SqsStandIn queues(LocalStack.Options options, SamTemplate template, Path state) {
        return SqsStandIn.start(TemplateQueues.queues(template),
                options.inMemory() ? Optional.empty() : Optional.of(state.resolve("sqs")), 0, LocalStack.REGION);
    }
}

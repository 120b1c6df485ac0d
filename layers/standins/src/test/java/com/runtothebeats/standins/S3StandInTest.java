package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3StandInTest {

    @Test
    void objectsSurviveARestartOfTheServer(@TempDir Path root) {
        try (S3StandIn s3 = S3StandIn.forTest(root, "data"); S3Client client = clientFor(s3.endpoint())) {
            assertEquals("127.0.0.1", s3.endpoint().getHost());
            client.putObject(b -> b.bucket("data").key("raw/run-1/tracks.csv"), RequestBody.fromString("a,b\n1,2\n"));
        }
        try (S3StandIn s3 = S3StandIn.forTest(root, "data"); S3Client client = clientFor(s3.endpoint())) {
            assertTrue(client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("data")));
            assertEquals("a,b\n1,2\n",
                    client.getObjectAsBytes(b -> b.bucket("data").key("raw/run-1/tracks.csv")).asUtf8String());
        }
    }

    @Test
    void listensOnLoopbackOnly(@TempDir Path root) {
        Assumptions.assumeTrue(ListeningSockets.supported(), "needs /proc (Linux)");
        try (S3StandIn s3 = S3StandIn.forTest(root, "data")) {
            List<ListeningSockets.Listener> listeners = ListeningSockets.ofThisProcess();
            assertTrue(listeners.stream().anyMatch(l -> l.port() == s3.port()), "found its HTTP port: " + listeners);
            assertEquals(List.of(), listeners.stream().filter(l -> !l.loopback()).toList(),
                    "every port of the S3 stand-in (HTTP and HTTPS) binds 127.0.0.1");
        }
    }

    static S3Client clientFor(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}

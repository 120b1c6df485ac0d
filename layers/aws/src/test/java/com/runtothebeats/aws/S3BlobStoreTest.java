package com.runtothebeats.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.standins.S3StandIn;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** Against a real S3 API server (S3Mock) reached through the endpoint override AwsClients reads. */
class S3BlobStoreTest {

    @TempDir
    static Path root;
    static S3StandIn s3StandIn;
    static S3Client s3;

    @BeforeAll
    static void start() {
        s3StandIn = S3StandIn.forTest(root, "data", "paged", "other");
        s3 = new AwsClients(LambdaEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL_S3", s3StandIn.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local"))).s3();
    }

    @AfterAll
    static void stop() {
        s3StandIn.close();
    }

    @Test
    void putGetOpenExistsDelete() throws Exception {
        S3BlobStore store = new S3BlobStore(s3, "data");
        byte[] content = "track_id,tempo\nt1,120\n".getBytes(StandardCharsets.UTF_8);
        store.put("raw/r1/tracks.csv", content, "text/csv");
        assertTrue(store.exists("raw/r1/tracks.csv"));
        assertArrayEquals(content, store.get("raw/r1/tracks.csv").orElseThrow());
        try (InputStream in = store.open("raw/r1/tracks.csv").orElseThrow()) {
            assertArrayEquals(content, in.readAllBytes());
        }
        store.delete("raw/r1/tracks.csv");
        assertFalse(store.exists("raw/r1/tracks.csv"));
        assertEquals(Optional.empty(), store.get("raw/r1/tracks.csv"));
        assertEquals(Optional.empty(), store.open("raw/r1/tracks.csv"));
    }

    @Test
    void putIfAbsentNeverOverwrites() {
        S3BlobStore store = new S3BlobStore(s3, "data");
        byte[] first = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        assertTrue(store.putIfAbsent("raw/r2/manifest.json", first, "application/json"));
        assertFalse(store.putIfAbsent("raw/r2/manifest.json", "{\"n\":2}".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertArrayEquals(first, store.get("raw/r2/manifest.json").orElseThrow());
    }

    @Test
    void theConditionalWriteItselfRefusesAnExistingKey() {
        // Skips the HEAD shortcut: S3 (and the stand-in) must answer 412 to If-None-Match on an existing key.
        S3BlobStore store = new S3BlobStore(s3, "other");
        store.put("k", new byte[] {1}, "application/octet-stream");
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.s3.model.S3Exception.class,
                () -> s3.putObject(b -> b.bucket("other").key("k").ifNoneMatch("*"),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[] {2})));
        assertEquals(412, error.statusCode());
        assertArrayEquals(new byte[] {1}, store.get("k").orElseThrow());
    }

    @Test
    void listFollowsEveryPageAndKeepsToThePrefix() {
        S3BlobStore store = new S3BlobStore(s3, "paged", 2);
        for (String key : List.of("transform/r1/report.json", "raw/r1/tracks.csv", "raw/r1/manifest.json",
                "raw/r2/tracks.csv", "raw/r10/tracks.csv", "raw/r2/manifest.json", "rawish")) {
            store.put(key, new byte[] {1}, "application/octet-stream");
        }
        assertEquals(List.of("raw/r1/manifest.json", "raw/r1/tracks.csv", "raw/r10/tracks.csv",
                "raw/r2/manifest.json", "raw/r2/tracks.csv"), store.list("raw/"));
        assertEquals(List.of(), store.list("models/"));
    }

    @Test
    void largeObjectsStreamBack() throws Exception {
        S3BlobStore store = new S3BlobStore(s3, "data");
        byte[] big = new byte[8 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        store.put("transform/r1/sequences.jsonl", big, "application/x-ndjson");
        try (InputStream in = store.open("transform/r1/sequences.jsonl").orElseThrow()) {
            assertArrayEquals(big, in.readAllBytes());
        }
    }
}

package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class OnDemandS3StandInTest {

    @Test
    void readsWhatS3MockStoredFromItsFilesAndStartsS3MockOnlyForAWrite(@TempDir Path root) {
        try (S3StandIn s3 = S3StandIn.forTest(root, "data"); S3Client client = S3StandInTest.clientFor(s3.endpoint())) {
            client.putObject(b -> b.bucket("data").key("catalog/current.json").contentType("application/json"),
                    RequestBody.fromString("{\"runId\":\"r1\"}"));
            client.putObject(b -> b.bucket("data").key("catalog/r1/catalog snapshot+1"), RequestBody.fromBytes(new byte[] {0, 1, 2, (byte) 255}));
            client.putObject(b -> b.bucket("data").key("models/current.json"), RequestBody.fromString("{}"));
        }
        try (OnDemandS3StandIn s3 = OnDemandS3StandIn.start(root, List.of("data", "empty"));
                S3Client client = S3StandInTest.clientFor(s3.endpoint())) {
            assertEquals("{\"runId\":\"r1\"}", client.getObjectAsBytes(b -> b.bucket("data").key("catalog/current.json")).asUtf8String());
            assertEquals("application/json", client.headObject(b -> b.bucket("data").key("catalog/current.json")).contentType());
            assertEquals(4, client.headObject(b -> b.bucket("data").key("catalog/r1/catalog snapshot+1")).contentLength());
            byte[] binary = client.getObjectAsBytes(b -> b.bucket("data").key("catalog/r1/catalog snapshot+1")).asByteArray();
            assertEquals(List.of(0, 1, 2, 255), List.of(binary[0] & 0xff, binary[1] & 0xff, binary[2] & 0xff, binary[3] & 0xff));
            assertThrows(NoSuchKeyException.class, () -> client.getObject(b -> b.bucket("data").key("catalog/missing")));
            S3Exception missingHead = assertThrows(S3Exception.class, () -> client.headObject(b -> b.bucket("data").key("nope")));
            assertEquals(404, missingHead.statusCode());
            // one key per page, so the paginator has to follow the continuation tokens
            List<String> keys = client.listObjectsV2Paginator(b -> b.bucket("data").prefix("catalog/").maxKeys(1))
                    .contents().stream().map(S3Object::key).toList();
            assertEquals(List.of("catalog/current.json", "catalog/r1/catalog snapshot+1"), keys);
            assertEquals(List.of(), client.listObjectsV2(b -> b.bucket("empty")).contents(), "a template bucket without files is empty");
            assertFalse(s3.s3MockStarted(), "reads are answered from the files");

            client.putObject(b -> b.bucket("data").key("models/v2/model.params"), RequestBody.fromString("weights"));
            assertTrue(s3.s3MockStarted(), "a write starts S3Mock");
            assertEquals("weights", client.getObjectAsBytes(b -> b.bucket("data").key("models/v2/model.params")).asUtf8String());
            assertEquals("{}", client.getObjectAsBytes(b -> b.bucket("data").key("models/current.json")).asUtf8String(),
                    "S3Mock serves what was there before it started");
        }
        try (OnDemandS3StandIn s3 = OnDemandS3StandIn.start(root, List.of("data"));
                S3Client client = S3StandInTest.clientFor(s3.endpoint())) {
            assertEquals("weights", client.getObjectAsBytes(b -> b.bucket("data").key("models/v2/model.params")).asUtf8String(),
                    "what went through S3Mock is on disk for the next command");
            assertFalse(s3.s3MockStarted());
        }
    }
}

package com.runtothebeats.aws.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.runtothebeats.core.publishing.Publication;
import com.runtothebeats.core.publishing.PublishInProgressException;
import com.runtothebeats.standins.TemplateTables;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Against DynamoDB Local. */
class DynamoPublicationStoreTest {

    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");
    AmazonDynamoDBLocal local;
    DynamoPublicationStore store;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        DynamoDbClient dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "PublicationsTable", "publications");
        store = new DynamoPublicationStore(dynamo, "publications");
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    @Test
    void theFirstBeginWinsAndLaterOnesFindIt() {
        Publication first = store.beginOrFind(Publication.begin("k", "runner-1", "fingerprint-a", 250), NOW);
        Publication second = store.beginOrFind(Publication.begin("k", "runner-1", "fingerprint-b", 3), NOW.plusSeconds(5));
        assertEquals("fingerprint-a", first.fingerprint());
        assertEquals("fingerprint-a", second.fingerprint());
        assertEquals(250, second.trackCount());
    }

    @Test
    void theLeaseIsExclusiveUntilItLapsesAndOnlyItsHolderMayRecordProgress() {
        store.beginOrFind(Publication.begin("k", "runner-1", "f", 250), NOW);
        Instant until = NOW.plus(Duration.ofSeconds(120));
        assertTrue(store.claim("k", "worker-a", NOW, until));
        assertFalse(store.claim("k", "worker-b", NOW.plusSeconds(60), NOW.plusSeconds(180)));
        store.recordPlaylist("k", "worker-a", "playlist-1", "https://open.spotify.com/playlist/playlist-1");
        store.recordItemsAdded("k", "worker-a", 100);

        assertTrue(store.claim("k", "worker-b", until.plusMillis(1), until.plusSeconds(120)), "a lapsed lease can be taken over");
        assertThrows(PublishInProgressException.class, () -> store.recordItemsAdded("k", "worker-a", 200));
        assertThrows(PublishInProgressException.class, () -> store.recordPlaylist("k", "worker-b", "playlist-2", "u"),
                "the playlist id is recorded once");
        store.recordItemsAdded("k", "worker-b", 200);
        assertThrows(PublishInProgressException.class, () -> store.recordItemsAdded("k", "worker-b", 100), "progress never rewinds");

        store.complete("k", "worker-b", NOW.plusSeconds(200));
        Publication done = store.find("k").orElseThrow();
        assertTrue(done.completed());
        assertEquals("playlist-1", done.playlistId());
        assertEquals(200, done.itemsAdded());
        assertTrue(store.claim("k", "worker-c", NOW.plusSeconds(201), NOW.plusSeconds(300)), "completing releases the lease");
    }

    @Test
    void aCreateAttemptIsNotedUnderTheLeaseAndOnlyUntilThePlaylistIdIsRecorded() {
        store.beginOrFind(Publication.begin("k", "runner-1", "f", 10), NOW);
        assertNull(store.find("k").orElseThrow().createAttemptedAt());
        assertTrue(store.claim("k", "worker-a", NOW, NOW.plusSeconds(120)));
        assertThrows(PublishInProgressException.class, () -> store.recordCreateAttempt("k", "worker-b", NOW),
                "only the lease holder");

        store.recordCreateAttempt("k", "worker-a", NOW.plusSeconds(1));
        Publication attempted = store.find("k").orElseThrow();
        assertEquals(NOW.plusSeconds(1), attempted.createAttemptedAt());
        assertTrue(attempted.createMayHaveLanded(), "the worker may die here: the next one must look first");

        // The next worker, after the lease lapsed, tries again (the lookup found nothing) and records the id.
        assertTrue(store.claim("k", "worker-b", NOW.plusSeconds(121), NOW.plusSeconds(241)));
        store.recordCreateAttempt("k", "worker-b", NOW.plusSeconds(122));
        store.recordPlaylist("k", "worker-b", "playlist-1", "https://open.spotify.com/playlist/playlist-1");
        Publication created = store.find("k").orElseThrow();
        assertEquals(NOW.plusSeconds(122), created.createAttemptedAt());
        assertFalse(created.createMayHaveLanded());
        assertThrows(PublishInProgressException.class, () -> store.recordCreateAttempt("k", "worker-b", NOW.plusSeconds(123)),
                "once the id is recorded there is nothing more to create");
    }

    @Test
    void releaseFreesTheLeaseOnlyForItsHolder() {
        store.beginOrFind(Publication.begin("k", "runner-1", "f", 10), NOW);
        assertTrue(store.claim("k", "worker-a", NOW, NOW.plusSeconds(120)));
        store.release("k", "worker-b");
        assertFalse(store.claim("k", "worker-b", NOW, NOW.plusSeconds(120)));
        store.release("k", "worker-a");
        assertTrue(store.claim("k", "worker-b", NOW, NOW.plusSeconds(120)));
    }

    @Test
    void aClaimOnAnUnknownKeyFails() {
        assertFalse(store.claim("missing", "worker-a", NOW, NOW.plusSeconds(120)));
    }
}

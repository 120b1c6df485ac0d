package com.runtothebeats.aws.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.aws.tokens.LocalKeyFileCipher;
import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against DynamoDB Local. */
class DynamoProviderLinkStoreTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-24T21:00:00Z");

    @TempDir
    Path stateDir;

    private AmazonDynamoDBLocal local;
    private DynamoDbClient dynamo;
    private DynamoProviderLinkStore store;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        dynamo = local.dynamoDbClient();
        TemplateTables.createProjectTable(dynamo, "ProviderLinksTable", "links");
        store = new DynamoProviderLinkStore(dynamo, "links", LocalKeyFileCipher.fromKeyFile(stateDir.resolve("k")));
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    private static ProviderLink link(String runner, String healthUser, long version) {
        return new ProviderLink(runner, Provider.GOOGLE_HEALTH, healthUser, "access-" + version, EXPIRY,
                "refresh-" + version, "scope", LinkStatus.CONNECTED, version);
    }

    @Test
    void storesTokensEncryptedAndReadsThemBack() {
        store.save(link("runner-1", "hu-1", 0));

        Map<String, AttributeValue> raw = dynamo.getItem(r -> r.tableName("links").key(Map.of(
                "runnerId", AttributeValue.fromS("runner-1"), "provider", AttributeValue.fromS("google-health")))).item();
        assertEquals("google-health#hu-1", raw.get("providerUser").s());
        assertFalse(raw.toString().contains("refresh-0"), "refresh token encrypted at rest");
        assertFalse(raw.toString().contains("access-0"), "access token encrypted at rest");

        ProviderLink read = store.find("runner-1", Provider.GOOGLE_HEALTH).orElseThrow();
        assertEquals("refresh-0", read.refreshToken());
        assertEquals("access-0", read.accessToken());
        assertEquals(EXPIRY, read.accessTokenExpiresAt());
        assertEquals(0, read.version());
        assertTrue(store.find("runner-1", Provider.SPOTIFY).isEmpty());
    }

    @Test
    void aRefreshTokenCopiedIntoAnotherRunnersRowIsRefused() {
        store.save(link("victim", "hu-victim", 0));
        store.save(link("attacker", "hu-attacker", 0));
        Map<String, AttributeValue> victimRow = dynamo.getItem(r -> r.tableName("links").key(Map.of(
                "runnerId", AttributeValue.fromS("victim"), "provider", AttributeValue.fromS("google-health")))).item();
        dynamo.updateItem(r -> r.tableName("links").key(Map.of(
                        "runnerId", AttributeValue.fromS("attacker"), "provider", AttributeValue.fromS("google-health")))
                .updateExpression("SET encryptedRefreshToken = :t, accessToken = :a")
                .expressionAttributeValues(Map.of(":t", victimRow.get("encryptedRefreshToken"),
                        ":a", victimRow.get("accessToken"))));

        ProviderLink read = store.find("attacker", Provider.GOOGLE_HEALTH).orElseThrow();
        assertEquals(null, read.refreshToken(), "the victim's token does not decrypt in the attacker's row");
        assertEquals(null, read.accessToken());
        assertEquals(LinkStatus.RECONNECT_REQUIRED, read.status());
        assertEquals(Optional.of(LinkStatus.RECONNECT_REQUIRED),
                new DynamoLinkStatuses(dynamo, "links").status("attacker", Provider.GOOGLE_HEALTH),
                "stored, so the status shown without the tokens says it too");
        assertEquals("refresh-0", store.find("victim", Provider.GOOGLE_HEALTH).orElseThrow().refreshToken());
        assertEquals(Optional.of(LinkStatus.CONNECTED), new DynamoLinkStatuses(dynamo, "links").status("victim", Provider.GOOGLE_HEALTH));
    }

    @Test
    void findsTheRunnerOfAnExternalUser() {
        store.save(link("runner-1", "hu-1", 0));
        store.save(link("runner-2", "hu-2", 0));
        assertEquals("runner-2", store.findByExternalUser(Provider.GOOGLE_HEALTH, "hu-2").orElseThrow().runnerId());
        assertTrue(store.findByExternalUser(Provider.GOOGLE_HEALTH, "hu-3").isEmpty());
        assertTrue(store.findByExternalUser(Provider.SPOTIFY, "hu-1").isEmpty());
    }

    /** What the ExternalUserIndex itself holds for {@code spotify#<key>}: the runner ids, raw. */
    private List<String> indexed(String key) {
        return dynamo.query(r -> r.tableName("links").indexName(DynamoProviderLinkStore.EXTERNAL_USER_INDEX)
                .keyConditionExpression("providerUser = :pu")
                .expressionAttributeValues(Map.of(":pu", AttributeValue.fromS("spotify#" + key))))
                .items().stream().map(item -> item.get("runnerId").s()).toList();
    }

    @Test
    void reSavingALinkUnderANewKeyMovesItsIndexEntryAndKeepsTheProfileIdThroughRefreshes() {
        store.save(new ProviderLink("runner-1", Provider.SPOTIFY, "ada.runs", "access-0", EXPIRY, "refresh-0",
                "scope", LinkStatus.CONNECTED, 1));
        assertEquals(List.of("runner-1"), indexed("ada.runs"));
        assertEquals(null, store.find("runner-1", Provider.SPOTIFY).orElseThrow().profileId());

        store.save(new ProviderLink("runner-1", Provider.SPOTIFY, "acc-7c1f", "access-1", EXPIRY, "refresh-1",
                "scope", LinkStatus.CONNECTED, 2, "ada.runs"));

        assertEquals(List.of(), indexed("ada.runs"), "the old key's index entry is gone, not left pointing at the runner");
        assertEquals(List.of("runner-1"), indexed("acc-7c1f"));
        assertTrue(store.findByExternalUser(Provider.SPOTIFY, "ada.runs").isEmpty());
        ProviderLink found = store.findByExternalUser(Provider.SPOTIFY, "acc-7c1f").orElseThrow();
        assertEquals("ada.runs", found.profileId());
        assertTrue(store.replaceIfVersion(found.withTokens("access-2", EXPIRY, null), 2));
        assertEquals("ada.runs", store.find("runner-1", Provider.SPOTIFY).orElseThrow().profileId());
    }

    @Test
    void aStaleWriterNeverOverwritesANewerToken() {
        ProviderLink original = link("runner-1", "hu-1", 3);
        store.save(original);
        ProviderLink first = original.withTokens("access-new", EXPIRY.plusSeconds(3600), "refresh-new");
        ProviderLink second = original.withTokens("access-stale", EXPIRY.plusSeconds(10), null);

        assertTrue(store.replaceIfVersion(first, 3));
        assertFalse(store.replaceIfVersion(second, 3));

        ProviderLink stored = store.find("runner-1", Provider.GOOGLE_HEALTH).orElseThrow();
        assertEquals("access-new", stored.accessToken());
        assertEquals("refresh-new", stored.refreshToken());
        assertEquals(4, stored.version());
    }

    @Test
    void exactlyOneOfFiftyConcurrentCallersClaimsTheRefresh() throws Exception {
        store.save(link("runner-1", "hu-1", 7));
        Instant now = Instant.parse("2026-11-24T20:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Boolean> claim = () -> {
                go.await();
                return store.claimRefresh("runner-1", Provider.GOOGLE_HEALTH, 7, now, now.plusSeconds(30));
            };
            claims.add(pool.submit(claim));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);

        assertFalse(store.claimRefresh("runner-1", Provider.GOOGLE_HEALTH, 7, now.plusSeconds(10), now.plusSeconds(40)));
        assertTrue(store.claimRefresh("runner-1", Provider.GOOGLE_HEALTH, 7, now.plusSeconds(31), now.plusSeconds(61)),
                "a claim whose holder died lapses");
        assertFalse(store.claimRefresh("runner-1", Provider.GOOGLE_HEALTH, 6, now.plusSeconds(100), now.plusSeconds(130)),
                "a claim on an old version fails");

        ProviderLink refreshed = store.find("runner-1", Provider.GOOGLE_HEALTH).orElseThrow().withTokens("a", EXPIRY, null);
        assertTrue(store.replaceIfVersion(refreshed, 7));
        assertTrue(store.claimRefresh("runner-1", Provider.GOOGLE_HEALTH, 8, now.plusSeconds(32), now.plusSeconds(62)),
                "the refreshed link can be claimed again");
    }

    @Test
    void deletesTheLink() {
        store.save(link("runner-1", "hu-1", 0));
        store.delete("runner-1", Provider.GOOGLE_HEALTH);
        assertTrue(store.find("runner-1", Provider.GOOGLE_HEALTH).isEmpty());
        assertTrue(store.findByExternalUser(Provider.GOOGLE_HEALTH, "hu-1").isEmpty());
    }
}

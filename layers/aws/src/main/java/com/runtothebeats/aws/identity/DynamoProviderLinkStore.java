package com.runtothebeats.aws.identity;

import com.runtothebeats.core.identity.LinkStatus;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.core.identity.ProviderLink;
import com.runtothebeats.core.identity.ProviderLinkStore;
import com.runtothebeats.core.identity.TokenCipher;
import com.runtothebeats.core.identity.TokenOwner;
import com.runtothebeats.aws.tokens.TokenDecryptionException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Provider links in the ProviderLinksTable (pk {@code runnerId}, sk {@code provider}; GSI
 * {@code ExternalUserIndex} on {@code providerUser} = {@code <provider>#<externalUserId>}: one item per runner and
 * provider, so re-saving a link under a new external user id moves its index entry). Both tokens are
 * stored encrypted through the {@link TokenCipher}; every token change is a conditional write on
 * {@code version}, so a slow refresh can never overwrite a newer token.
 */
public final class DynamoProviderLinkStore implements ProviderLinkStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoProviderLinkStore.class);

    public static final String EXTERNAL_USER_INDEX = "ExternalUserIndex";

    static final String RUNNER_ID = "runnerId";
    static final String PROVIDER = "provider";
    static final String EXTERNAL_USER_ID = "externalUserId";
    static final String PROVIDER_USER = "providerUser";
    static final String PROFILE_ID = "profileId";
    static final String ENCRYPTED_REFRESH_TOKEN = "encryptedRefreshToken";
    static final String ACCESS_TOKEN = "accessToken";
    static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    static final String SCOPES = "scopes";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";
    static final String REFRESH_CLAIMED_UNTIL = "refreshClaimedUntil";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final TokenCipher cipher;

    public DynamoProviderLinkStore(DynamoDbClient dynamo, String tableName, TokenCipher cipher) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.cipher = cipher;
    }

    @Override
    public Optional<ProviderLink> find(String runnerId, Provider provider) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(key(runnerId, provider))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<ProviderLink> findByExternalUser(Provider provider, String externalUserId) {
        return findAllByExternalUser(provider, externalUserId).stream().findFirst();
    }

    @Override
    public List<ProviderLink> findAllByExternalUser(Provider provider, String externalUserId) {
        QueryResponse response = dynamo.query(r -> r.tableName(tableName).indexName(EXTERNAL_USER_INDEX)
                .keyConditionExpression("#pu = :pu")
                .expressionAttributeNames(Map.of("#pu", PROVIDER_USER))
                .expressionAttributeValues(Map.of(":pu", s(providerUser(provider, externalUserId)))));
        // The index is eventually consistent and only locates the link: read the item itself consistently.
        return response.items().stream()
                .map(item -> find(item.get(RUNNER_ID).s(), provider))
                .flatMap(Optional::stream)
                .filter(link -> externalUserId.equals(link.externalUserId()))
                .sorted(Comparator.comparing(link -> link.status() != LinkStatus.CONNECTED))
                .toList();
    }

    @Override
    public void save(ProviderLink link) {
        dynamo.putItem(r -> r.tableName(tableName).item(toItem(link)));
    }

    @Override
    public boolean replaceIfVersion(ProviderLink updated, long expectedVersion) {
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(toItem(updated))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException newerVersionStored) {
            return false;
        }
    }

    @Override
    public boolean claimRefresh(String runnerId, Provider provider, long expectedVersion, Instant now, Instant until) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key(runnerId, provider))
                    .updateExpression("SET #claim = :until")
                    .conditionExpression("#v = :expected AND (attribute_not_exists(#claim) OR #claim < :now)")
                    .expressionAttributeNames(Map.of("#v", VERSION, "#claim", REFRESH_CLAIMED_UNTIL))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion),
                            ":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException someoneElseHoldsIt) {
            return false;
        }
    }

    @Override
    public void delete(String runnerId, Provider provider) {
        dynamo.deleteItem(r -> r.tableName(tableName).key(key(runnerId, provider)));
    }

    static String providerUser(Provider provider, String externalUserId) {
        return provider.id() + "#" + externalUserId;
    }

    private static Map<String, AttributeValue> key(String runnerId, Provider provider) {
        return Map.of(RUNNER_ID, s(runnerId), PROVIDER, s(provider.id()));
    }

    private Map<String, AttributeValue> toItem(ProviderLink link) {
        Map<String, AttributeValue> item = new HashMap<>(key(link.runnerId(), link.provider()));
        if (link.externalUserId() != null) {
            item.put(EXTERNAL_USER_ID, s(link.externalUserId()));
            item.put(PROVIDER_USER, s(providerUser(link.provider(), link.externalUserId())));
        }
        if (link.profileId() != null) {
            item.put(PROFILE_ID, s(link.profileId()));
        }
        TokenOwner owner = new TokenOwner(link.runnerId(), link.provider());
        if (link.refreshToken() != null) {
            item.put(ENCRYPTED_REFRESH_TOKEN, s(cipher.encrypt(link.refreshToken(), owner)));
        }
        if (link.accessToken() != null) {
            // Short-lived, but still a bearer credential: encrypted like the refresh token.
            item.put(ACCESS_TOKEN, s(cipher.encrypt(link.accessToken(), owner)));
        }
        if (link.accessTokenExpiresAt() != null) {
            item.put(ACCESS_TOKEN_EXPIRES_AT, s(link.accessTokenExpiresAt().toString()));
        }
        if (link.scopes() != null) {
            item.put(SCOPES, s(link.scopes()));
        }
        item.put(STATUS, s(link.status().name()));
        item.put(VERSION, n(link.version()));
        item.put(UPDATED_AT, s(Instant.now().toString()));
        return item;
    }

    private ProviderLink fromItem(Map<String, AttributeValue> item) {
        String runnerId = item.get(RUNNER_ID).s();
        Provider provider = Provider.fromId(item.get(PROVIDER).s());
        TokenOwner owner = new TokenOwner(runnerId, provider);
        String accessToken;
        String refreshToken;
        LinkStatus status = LinkStatus.valueOf(item.get(STATUS).s());
        try {
            accessToken = decrypted(item, ACCESS_TOKEN, owner);
            refreshToken = decrypted(item, ENCRYPTED_REFRESH_TOKEN, owner);
        } catch (TokenDecryptionException notThisRowsToken) {
            // Moved from another row, tampered with, or sealed before tokens were bound to their row: never
            // used. The link reads as needing a new consent, which replaces the tokens (docs/security.md).
            LOG.warn("{} tokens of runner {} refused ({}); the runner must connect again",
                    provider.id(), runnerId, notThisRowsToken.getMessage());
            accessToken = null;
            refreshToken = null;
            if (status == LinkStatus.CONNECTED) {
                markReconnectRequired(runnerId, provider, Long.parseLong(item.get(VERSION).n()));
            }
            status = status == LinkStatus.DISCONNECTED ? status : LinkStatus.RECONNECT_REQUIRED;
        }
        return new ProviderLink(
                runnerId,
                provider,
                str(item, EXTERNAL_USER_ID),
                accessToken,
                Optional.ofNullable(str(item, ACCESS_TOKEN_EXPIRES_AT)).map(Instant::parse).orElse(null),
                refreshToken,
                str(item, SCOPES),
                status,
                Long.parseLong(item.get(VERSION).n()),
                str(item, PROFILE_ID));
    }

    /**
     * Stores what a read found, so that the status shown without opening tokens ({@link DynamoLinkStatuses}) says it
     * too. Conditional on the version read: a fresh consent written meanwhile stays as it is.
     */
    private void markReconnectRequired(String runnerId, Provider provider, long version) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName).key(key(runnerId, provider))
                    .updateExpression("SET #status = :reconnect")
                    .conditionExpression("#v = :version AND #status = :connected")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#v", VERSION))
                    .expressionAttributeValues(Map.of(":reconnect", s(LinkStatus.RECONNECT_REQUIRED.name()),
                            ":version", n(version), ":connected", s(LinkStatus.CONNECTED.name()))));
        } catch (ConditionalCheckFailedException replacedMeanwhile) {
            // a new consent or another reader got there first
        }
    }

    private String decrypted(Map<String, AttributeValue> item, String attribute, TokenOwner owner) {
        String stored = str(item, attribute);
        return stored == null ? null : cipher.decrypt(stored, owner);
    }

    private static String str(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

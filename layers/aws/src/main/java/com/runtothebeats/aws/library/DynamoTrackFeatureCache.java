package com.runtothebeats.aws.library;

import com.runtothebeats.aws.DynamoBatchWrites;
import com.runtothebeats.core.library.FeatureSource;
import java.time.Instant;
import com.runtothebeats.core.library.CachedFeatures;
import com.runtothebeats.core.library.TrackFeatureCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The features learned for runners' library tracks, kept in the shared tracks table beside the catalog
 * (docs/library.md): one item per Spotify track under the key {@code features#<spotifyId>}, with its
 * {@value #SOURCE} (reccobeats, getsongbpm, none) and when it was asked. These items have no {@code tempoBand},
 * so the catalog's tempo index, through which every catalog read goes, never sees them: a track in one runner's
 * library never becomes a catalog track for everyone.
 */
public final class DynamoTrackFeatureCache implements TrackFeatureCache {

    public static final String SOURCE = "featureSource";
    public static final String KEY_PREFIX = "features#";
    /** BatchGetItem's limit. */
    static final int GET_BATCH = 100;
    static final int MAX_GET_ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTrackFeatureCache(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, CachedFeatures> find(Collection<String> spotifyIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(spotifyIds));
        Map<String, CachedFeatures> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(from + GET_BATCH, ids.size())).stream()
                    .map(id -> Map.of("trackId", AttributeValue.fromS(KEY_PREFIX + id))).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(item ->
                        found.put(item.get("trackId").s().substring(KEY_PREFIX.length()), toCached(item)));
                pending = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
                if (!pending.isEmpty() && attempt == MAX_GET_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept leaving feature cache keys unprocessed");
                }
                if (!pending.isEmpty()) {
                    DynamoBatchWrites.sleepBackoff(attempt);
                }
            }
        }
        return found;
    }

    @Override
    public void putAll(Map<String, CachedFeatures> entries) {
        List<WriteRequest> writes = new ArrayList<>();
        entries.forEach((id, cached) -> {
            Map<String, AttributeValue> item = toItem(cached);
            item.put("trackId", AttributeValue.fromS(KEY_PREFIX + id));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        });
        DynamoBatchWrites.writeAll(dynamo, table, writes);
    }

    static Map<String, AttributeValue> toItem(CachedFeatures cached) {
        Map<String, AttributeValue> item = cached.features() == null ? new HashMap<>() : LibraryItems.features(cached.features());
        item.put(SOURCE, AttributeValue.fromS(cached.source().id()));
        item.put("checkedAt", AttributeValue.fromS(cached.checkedAt().toString()));
        return item;
    }

    static CachedFeatures toCached(Map<String, AttributeValue> item) {
        FeatureSource source = FeatureSource.fromId(item.get(SOURCE).s());
        Instant checkedAt = Instant.parse(item.get("checkedAt").s());
        return source == FeatureSource.NONE ? CachedFeatures.unknown(checkedAt)
                : new CachedFeatures(source, LibraryItems.features(item, 0), checkedAt);
    }
}

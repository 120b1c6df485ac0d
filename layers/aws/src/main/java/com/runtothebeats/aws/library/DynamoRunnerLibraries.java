package com.runtothebeats.aws.library;

import static com.runtothebeats.aws.library.LibraryItems.longOf;
import static com.runtothebeats.aws.library.LibraryItems.number;
import static com.runtothebeats.aws.library.LibraryItems.text;

import com.runtothebeats.aws.DynamoBatchWrites;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryImportState;
import com.runtothebeats.core.library.LibraryStatus;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.RunnerLibraries;
import com.runtothebeats.core.library.TrackListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link RunnerLibraries} on the libraries table (docs/library.md): partition {@code runnerId}, sort key
 * {@code entry}: {@value #STATE} for the import's state and {@code track#<spotifyId>} for each track (its listing,
 * feature source, features, and the import that last saw it). Track writes are transactions with a condition
 * check on the state item, so a worker whose import was deleted or replaced writes nothing.
 */
public final class DynamoRunnerLibraries implements RunnerLibraries {

    static final String STATE = "import";
    static final String TRACK_PREFIX = "track#";
    /** TransactWriteItems' limit, one of which is the condition check. */
    static final int TRANSACTION_TRACKS = 99;
    private static final String CURRENT = "importId = :importId AND #status = :running";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRunnerLibraries(DynamoDbClient dynamo, String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("the runners' libraries need a table name");
        }
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String runnerId, String entry) {
        return Map.of("runnerId", AttributeValue.fromS(runnerId), "entry", AttributeValue.fromS(entry));
    }

    @Override
    public Optional<LibraryImportState> state(String runnerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(runnerId, STATE)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toState(item));
    }

    /** The counts of the last finished import stay while a new one runs, so the card keeps showing them. */
    @Override
    public LibraryImportState start(String runnerId, LibraryImportState candidate, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(runnerId, STATE))
                    .updateExpression("SET importId = :importId, #status = :running, done = :zero, #total = :zero, "
                            + "startedAt = :now, updatedAt = :now REMOVE #error")
                    .conditionExpression("attribute_not_exists(runnerId) OR #status <> :running OR updatedAt < :stalled")
                    .expressionAttributeNames(Map.of("#status", "status", "#total", "total", "#error", "error"))
                    .expressionAttributeValues(Map.of(":importId", AttributeValue.fromS(candidate.importId()),
                            ":running", AttributeValue.fromS(LibraryStatus.RUNNING.id()), ":zero", number(0L),
                            ":now", AttributeValue.fromS(now.toString()),
                            ":stalled", AttributeValue.fromS(now.minus(LibraryImportState.STALLED_AFTER).toString()))));
        } catch (ConditionalCheckFailedException running) {
            // another import is running: answer with it
        }
        return state(runnerId).orElseThrow(() -> new IllegalStateException("the library state of " + runnerId + " vanished"));
    }

    @Override
    public boolean progress(String runnerId, String importId, int done, int total, Instant now) {
        return updateIfCurrent(runnerId, importId, "SET done = :done, #total = :total, updatedAt = :now",
                Map.of("#total", "total"), Map.of(":done", number((long) done), ":total", number((long) total),
                        ":now", AttributeValue.fromS(now.toString())));
    }

    @Override
    public boolean putTracks(String runnerId, String importId, List<LibraryTrack> tracks) {
        for (int from = 0; from < tracks.size(); from += TRANSACTION_TRACKS) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(runnerId, STATE))
                    .conditionExpression(CURRENT).expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":importId", AttributeValue.fromS(importId),
                            ":running", AttributeValue.fromS(LibraryStatus.RUNNING.id())))).build());
            for (LibraryTrack track : tracks.subList(from, Math.min(from + TRANSACTION_TRACKS, tracks.size()))) {
                Map<String, AttributeValue> item = toItem(runnerId, importId, track);
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
            } catch (TransactionCanceledException e) {
                if (e.cancellationReasons() != null && !e.cancellationReasons().isEmpty()
                        && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    @Override
    public List<LibraryTrack> tracks(String runnerId) {
        List<LibraryTrack> tracks = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(trackQuery(runnerId).build()).items()) {
            tracks.add(toTrack(item));
        }
        return tracks;
    }

    @Override
    public int removeTracksNotSeenBy(String runnerId, String importId) {
        List<WriteRequest> deletes = new ArrayList<>();
        QueryRequest query = trackQuery(runnerId).projectionExpression("runnerId, entry, importId").build();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            if (!importId.equals(text(item, "importId"))) {
                deletes.add(delete(runnerId, item.get("entry").s()));
            }
        }
        DynamoBatchWrites.writeAll(dynamo, table, deletes);
        return deletes.size();
    }

    @Override
    public boolean finish(String runnerId, LibraryImportState finished) {
        Map<FeatureSource, Integer> sources = finished.sources();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", AttributeValue.fromS(finished.status().id()));
        values.put(":done", number((long) finished.done()));
        values.put(":total", number((long) finished.total()));
        values.put(":tracks", number((long) finished.tracks()));
        values.put(":withTempo", number((long) finished.withTempo()));
        values.put(":reccobeats", number((long) sources.get(FeatureSource.RECCOBEATS)));
        values.put(":getsongbpm", number((long) sources.get(FeatureSource.GETSONGBPM)));
        values.put(":none", number((long) sources.get(FeatureSource.NONE)));
        values.put(":skipped", number((long) finished.playlistsSkipped()));
        values.put(":now", AttributeValue.fromS(finished.updatedAt().toString()));
        values.put(":importedAt", AttributeValue.fromS(finished.importedAt().toString()));
        return updateIfCurrent(runnerId, finished.importId(), "SET #status = :status, done = :done, #total = :total, tracks = :tracks, "
                        + "withTempo = :withTempo, reccobeats = :reccobeats, getsongbpm = :getsongbpm, #none = :none, "
                        + "playlistsSkipped = :skipped, updatedAt = :now, importedAt = :importedAt",
                Map.of("#total", "total", "#none", "none"), values);
    }

    @Override
    public boolean fail(String runnerId, String importId, String reason, Instant now) {
        return updateIfCurrent(runnerId, importId, "SET #status = :failed, #error = :reason, updatedAt = :now",
                Map.of("#error", "error"), Map.of(":failed", AttributeValue.fromS(LibraryStatus.FAILED.id()),
                        ":reason", AttributeValue.fromS(reason), ":now", AttributeValue.fromS(now.toString())));
    }

    @Override
    public void delete(String runnerId) {
        List<WriteRequest> deletes = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("runnerId = :runner")
                .expressionAttributeValues(Map.of(":runner", AttributeValue.fromS(runnerId)))
                .projectionExpression("runnerId, entry").build();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            deletes.add(delete(runnerId, item.get("entry").s()));
        }
        DynamoBatchWrites.writeAll(dynamo, table, deletes);
    }

    private WriteRequest delete(String runnerId, String entry) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key(runnerId, entry)).build()).build();
    }

    private QueryRequest.Builder trackQuery(String runnerId) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("runnerId = :runner AND begins_with(entry, :prefix)")
                .expressionAttributeValues(Map.of(":runner", AttributeValue.fromS(runnerId), ":prefix", AttributeValue.fromS(TRACK_PREFIX)));
    }

    /** An update that applies only while {@code importId} is the runner's running import. */
    private boolean updateIfCurrent(String runnerId, String importId, String update, Map<String, String> names,
                                    Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#status", "status");
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":importId", AttributeValue.fromS(importId));
        allValues.put(":running", AttributeValue.fromS(LibraryStatus.RUNNING.id()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(runnerId, STATE)).updateExpression(update)
                    .conditionExpression(CURRENT).expressionAttributeNames(allNames).expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(String runnerId, String importId, LibraryTrack track) {
        TrackListing listing = track.listing();
        Map<String, AttributeValue> item = track.features() == null ? new HashMap<>() : LibraryItems.features(track.features());
        item.putAll(key(runnerId, TRACK_PREFIX + listing.id()));
        item.put("trackId", AttributeValue.fromS(listing.id()));
        item.put("name", AttributeValue.fromS(listing.name()));
        item.put("artists", AttributeValue.fromL(listing.artists().stream().map(AttributeValue::fromS).toList()));
        item.put("album", AttributeValue.fromS(listing.album()));
        item.put("durationMs", number(listing.durationMs()));
        item.put("source", AttributeValue.fromS(track.source().id()));
        item.put("importId", AttributeValue.fromS(importId));
        return item;
    }

    static LibraryTrack toTrack(Map<String, AttributeValue> item) {
        long durationMs = longOf(item, "durationMs");
        List<String> artists = item.containsKey("artists") ? item.get("artists").l().stream().map(AttributeValue::s).toList() : List.of();
        TrackListing listing = new TrackListing(item.get("trackId").s(), text(item, "name"), artists, text(item, "album"), durationMs);
        FeatureSource source = FeatureSource.fromId(item.get("source").s());
        return new LibraryTrack(listing, source, source == FeatureSource.NONE ? null : LibraryItems.features(item, durationMs));
    }

    static LibraryImportState toState(Map<String, AttributeValue> item) {
        Map<FeatureSource, Integer> sources = new EnumMap<>(FeatureSource.class);
        for (FeatureSource source : FeatureSource.values()) {
            sources.put(source, (int) longOf(item, source.id()));
        }
        String importedAt = text(item, "importedAt");
        return new LibraryImportState(item.get("importId").s(), LibraryStatus.fromId(item.get("status").s()),
                (int) longOf(item, "done"), (int) longOf(item, "total"), (int) longOf(item, "tracks"), (int) longOf(item, "withTempo"),
                sources, (int) longOf(item, "playlistsSkipped"), Instant.parse(item.get("startedAt").s()),
                Instant.parse(item.get("updatedAt").s()), importedAt == null ? null : Instant.parse(importedAt), text(item, "error"));
    }
}

package com.runtothebeats.aws;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.core.catalog.TrackCatalog;
import com.runtothebeats.core.music.CamelotKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link TrackCatalog} on the tracks table (docs/contracts.md, "TracksTable"): one item per track id with
 * its features, Camelot key and circle-of-fifths position, and a {@code tempoBand} (whole BPM) that the
 * {@code TempoIndex} GSI partitions by, so a tempo range is a few small queries rather than a scan.
 */
public final class DynamoTrackCatalog implements TrackCatalog {

    public static final String TEMPO_INDEX = "TempoIndex";
    static final int BATCH_SIZE = DynamoBatchWrites.BATCH_SIZE;
    /** Writers and index queries in flight at once: enough to hide round trips, few enough not to throttle. */
    static final int PARALLELISM = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int parallelism;

    public DynamoTrackCatalog(DynamoDbClient dynamo, String table) {
        this(dynamo, table, PARALLELISM);
    }

    DynamoTrackCatalog(DynamoDbClient dynamo, String table, int parallelism) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("the track catalog needs a table name");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.parallelism = parallelism;
    }

    @Override
    public void putAll(Collection<Track> tracks, String transformVersion) {
        // One write per id: BatchWriteItem refuses a batch that names the same key twice.
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (Track track : tracks) {
            items.put(track.id(), toItem(track, transformVersion));
        }
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>(BATCH_SIZE);
        for (Map<String, AttributeValue> item : items.values()) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH_SIZE) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH_SIZE);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        List<Runnable> work = batches.stream().<Runnable>map(b -> () -> DynamoBatchWrites.writeBatch(dynamo, table, b)).toList();
        inParallel(work, parallelism);
    }

    @Override
    public Optional<Track> find(String trackId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("trackId", AttributeValue.fromS(trackId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toTrack(item));
    }

    @Override
    public List<Track> findByTempo(double minBpm, double maxBpm) {
        if (!(minBpm < maxBpm) || !Double.isFinite(minBpm) || !Double.isFinite(maxBpm)) {
            return List.of();
        }
        List<Track> found = new ArrayList<>();
        long lastBand = (long) Math.ceil(maxBpm) - 1;
        for (long band = (long) Math.floor(minBpm); band <= lastBand; band++) {
            double low = Math.max(minBpm, band);
            double high = Math.min(maxBpm, band + 1);
            QueryRequest query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(TEMPO_INDEX)
                    .keyConditionExpression("tempoBand = :band AND tempo BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(
                            ":band", number(band), ":low", number(low), ":high", number(high)))
                    .build();
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
                Track track = toTrack(item);
                // BETWEEN includes its upper end; the range asked for does not.
                if (track.tempo() < maxBpm) {
                    found.add(track);
                }
            }
        }
        return found;
    }

    /**
     * Every track, sorted by id, read through the tempo index one whole-BPM band at a time (bands run in
     * parallel): a Query per band rather than a Scan, so a reader needs no {@code dynamodb:Scan} on the table.
     * Every stored track has a band, since Transform stores only tempos in (0, {@link DatasetRow#MAX_TEMPO}].
     */
    @Override
    public List<Track> all() {
        int bands = (int) DatasetRow.MAX_TEMPO + 1;
        List<List<Track>> perBand = new ArrayList<>(bands);
        List<Runnable> work = new ArrayList<>(bands);
        for (int band = 0; band < bands; band++) {
            List<Track> tracks = new ArrayList<>();
            perBand.add(tracks);
            QueryRequest query = QueryRequest.builder().tableName(table).indexName(TEMPO_INDEX)
                    .keyConditionExpression("tempoBand = :band")
                    .expressionAttributeValues(Map.of(":band", number(band))).build();
            work.add(() -> dynamo.queryPaginator(query).items().forEach(item -> tracks.add(toTrack(item))));
        }
        inParallel(work, parallelism);
        List<Track> all = new ArrayList<>();
        perBand.forEach(all::addAll);
        all.sort(Comparator.comparing(Track::id));
        return all;
    }

    static Map<String, AttributeValue> toItem(Track track, String transformVersion) {
        AudioFeatures f = track.features();
        CamelotKey camelot = track.camelotKey();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("trackId", AttributeValue.fromS(track.id()));
        item.put("name", AttributeValue.fromS(track.name()));
        item.put("artist", AttributeValue.fromS(track.artist()));
        item.put("album", AttributeValue.fromS(track.album()));
        item.put("popularity", number(track.popularity()));
        item.put("tempo", number(f.tempo()));
        item.put("tempoBand", number(Math.floor(f.tempo())));
        item.put("key", number(f.key()));
        item.put("mode", number(f.mode()));
        item.put("camelot", AttributeValue.fromS(camelot.toString()));
        item.put("fifths", number(camelot.circleOfFifthsPosition()));
        item.put("durationMs", number(f.durationMs()));
        for (FlowFeature feature : FlowFeature.values()) {
            item.put(feature.columnName(), number(f.value(feature)));
        }
        if (!track.albumId().isEmpty()) {
            item.put("albumId", AttributeValue.fromS(track.albumId()));
        }
        TrackDetails d = track.details();
        if (d.releaseYear() != null) {
            item.put("releaseYear", number(d.releaseYear()));
        }
        if (d.explicit() != null) {
            item.put("explicit", AttributeValue.fromBool(d.explicit()));
        }
        if (d.timeSignature() != null) {
            item.put("timeSignature", AttributeValue.fromS(d.timeSignature()));
        }
        if (d.otherTempo() != null) {
            item.put("otherTempo", number(d.otherTempo()));
        }
        if (!d.genres().isEmpty()) {
            item.put("genres", AttributeValue.fromSs(d.genres()));
        }
        item.put("transformVersion", AttributeValue.fromS(transformVersion));
        item.put("runId", AttributeValue.fromS(transformVersion));
        return item;
    }

    static Track toTrack(Map<String, AttributeValue> item) {
        AudioFeatures features = new AudioFeatures(
                decimal(item, FlowFeature.ACOUSTICNESS.columnName()),
                decimal(item, FlowFeature.DANCEABILITY.columnName()),
                decimal(item, FlowFeature.ENERGY.columnName()),
                decimal(item, FlowFeature.INSTRUMENTALNESS.columnName()),
                decimal(item, FlowFeature.LIVENESS.columnName()),
                decimal(item, FlowFeature.LOUDNESS.columnName()),
                decimal(item, FlowFeature.SPEECHINESS.columnName()),
                decimal(item, FlowFeature.VALENCE.columnName()),
                (int) decimal(item, "key"),
                (int) decimal(item, "mode"),
                decimal(item, "tempo"),
                (long) decimal(item, "durationMs"));
        AttributeValue explicit = item.get("explicit");
        AttributeValue signature = item.get("timeSignature");
        TrackDetails details = new TrackDetails(
                item.containsKey("releaseYear") ? (int) decimal(item, "releaseYear") : null,
                explicit == null ? null : explicit.bool(),
                signature == null ? null : signature.s(),
                item.containsKey("otherTempo") ? decimal(item, "otherTempo") : null,
                item.containsKey("genres") ? item.get("genres").ss() : null);
        return new Track(item.get("trackId").s(), text(item, "name"), text(item, "artist"), text(item, "album"),
                (int) decimal(item, "popularity"), features, text(item, "albumId"), details);
    }

    private static AttributeValue number(double value) {
        // Plain notation: DynamoDB numbers are decimal strings; the shortest repr round-trips the double.
        return AttributeValue.fromN(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static double decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("track item " + item.get("trackId") + " has no number " + name);
        }
        return Double.parseDouble(value.n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? "" : value.s();
    }

    private static void inParallel(List<Runnable> work, int parallelism) {
        if (work.size() <= 1 || parallelism <= 1) {
            work.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, work.size()));
        try {
            List<Future<?>> futures = new ArrayList<>(work.size());
            for (Runnable task : work) {
                futures.add(pool.submit(task));
            }
            for (Future<?> future : futures) {
                future.get(15, TimeUnit.MINUTES);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("DynamoDB did not answer in time", e);
        } finally {
            pool.shutdownNow();
        }
    }
}

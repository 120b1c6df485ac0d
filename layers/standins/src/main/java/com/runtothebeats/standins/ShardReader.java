package com.runtothebeats.standins;

import com.runtothebeats.standins.DynamoDbStreamEventSource.Settings;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a stream's shards for a local event source: one shard iterator per shard, taken from the checkpoint (or
 * the starting position) and carried from read to read, and recovery from the iterators DynamoDB stops honouring.
 */
final class ShardReader {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Settings settings;
    private final StreamCheckpoint checkpoint;
    private final PrintStream log;
    private final Map<String, String> iterators = new HashMap<>();
    /**
     * Shards never delivered from whose iterator has so far read nothing: they held no record when it was taken.
     * DynamoDB Local points such an iterator at the shard's starting sequence number but numbers records from one
     * counter shared by every stream, so the shard's first record usually lies past that number, and the next read
     * is refused as TrimmedDataAccess although nothing was trimmed (every record came after the iterator, which is
     * at most 15 minutes old; records live 24 hours).
     */
    private final Set<String> readNothingYet = new HashSet<>();

    ShardReader(DynamoDbStreamsClient streams, String streamArn, Settings settings, StreamCheckpoint checkpoint,
                PrintStream log) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.settings = settings;
        this.checkpoint = checkpoint;
        this.log = log;
    }

    /**
     * The shard's next records, or empty when it has nothing readable now. Recovers as Lambda does from an iterator
     * DynamoDB no longer honours: one unused for 15 minutes is taken again from the checkpoint; records past the
     * stream's 24 hour retention are gone, so reading goes on at the oldest record kept, or past the shard when it
     * is closed and nothing of it is kept (DynamoDB Local then answers TrimmedDataAccess or ResourceNotFound).
     */
    Optional<GetRecordsResponse> readNext(Shard shard) {
        String id = shard.shardId();
        boolean closed = shard.sequenceNumberRange() != null && shard.sequenceNumberRange().endingSequenceNumber() != null;
        boolean fromOldestKept = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                String iterator = iterators.computeIfAbsent(id, this::iteratorFor);
                GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(iterator).limit(settings.batchSize()));
                if (response.records().isEmpty() && !checkpoint.hasDelivered(id)) {
                    readNothingYet.add(id);
                } else {
                    readNothingYet.remove(id);
                }
                return Optional.of(response);
            } catch (ExpiredIteratorException e) {
                iterators.remove(id);
            } catch (TrimmedDataAccessException e) {
                iterators.remove(id);
                if (readNothingYet.remove(id)) {
                    // the shard's first records, not trimmed ones: read them from the oldest (with LATEST too, as
                    // every one came after the position the iterator was taken at)
                    iterators.put(id, oldestKept(id));
                    continue;
                }
                if (fromOldestKept) {
                    if (closed) {
                        log.println("stream " + settings.name() + ": every record of closed shard " + id + " was trimmed; moving on");
                        finish(id);
                    }
                    return Optional.empty();
                }
                String after = checkpoint.deliveredUpTo(id);
                log.println("stream " + settings.name() + ": records of shard " + id + (after == null ? "" : " after " + after)
                        + " were trimmed before they were delivered; reading on from the oldest record kept");
                iterators.put(id, oldestKept(id));
                fromOldestKept = true;
            } catch (ResourceNotFoundException e) {
                if (!closed) {
                    throw e;
                }
                log.println("stream " + settings.name() + ": closed shard " + id + " expired before it was read to its end"
                        + " (last delivered: " + checkpoint.deliveredUpTo(id) + "); moving on");
                iterators.remove(id);
                finish(id);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String oldestKept(String shardId) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    private void finish(String shardId) {
        checkpoint.finish(shardId);
    }

    private String iteratorFor(String shardId) {
        String after = checkpoint.deliveredUpTo(shardId);
        if (after != null) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
        }
        ShardIteratorType start = "LATEST".equals(settings.startingPosition()) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(start)).shardIterator();
    }

    /** After a read was handled: on with the shard's next iterator, or the shard is read to its end. */
    void movedPast(String shardId, GetRecordsResponse response) {
        if (response.nextShardIterator() == null) {
            iterators.remove(shardId);
            finish(shardId);
        } else {
            // an iterator from an empty read stays valid in DynamoDB Local and sees the records written after it;
            // taking a new one instead would lose, with StartingPosition LATEST, whatever was written in between
            iterators.put(shardId, response.nextShardIterator());
        }
    }

    /** The next read of the shard starts again from its checkpoint (a batch was left undelivered). */
    void rewind(String shardId) {
        iterators.remove(shardId);
    }
}

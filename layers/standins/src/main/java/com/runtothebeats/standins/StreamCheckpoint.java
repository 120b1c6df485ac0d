package com.runtothebeats.standins;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a local stream event source stands on one stream: per shard, the sequence number of the last record
 * delivered, and the shards read to their end. Kept on disk when a file is given (written whole to a temporary
 * file and moved into place, so a crash never leaves half a checkpoint), so a restart neither loses nor repeats a
 * record; a checkpoint of another stream or an unreadable one is ignored and reading starts afresh.
 */
final class StreamCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's content. */
    record Saved(String streamArn, Map<String, String> delivered, Set<String> finished) {
    }

    private final Optional<Path> file;
    private final Saved state;

    private StreamCheckpoint(Optional<Path> file, Saved state) {
        this.file = file;
        this.state = state;
    }

    static StreamCheckpoint load(String streamArn, Optional<Path> file, PrintStream log) {
        Saved fresh = new Saved(streamArn, new LinkedHashMap<>(), new HashSet<>());
        if (file.isEmpty() || !Files.exists(file.get())) {
            return new StreamCheckpoint(file, fresh);
        }
        try {
            Saved saved = JSON.readValue(file.get().toFile(), Saved.class);
            if (streamArn.equals(saved.streamArn())) {
                return new StreamCheckpoint(file,
                        new Saved(streamArn, new LinkedHashMap<>(saved.delivered()), new HashSet<>(saved.finished())));
            }
        } catch (IOException e) {
            log.println("ignoring an unreadable stream checkpoint " + file.get() + ": " + e.getMessage());
        }
        return new StreamCheckpoint(file, fresh);
    }

    /** The sequence number of the shard's last delivered (or skipped) record, or null when none was. */
    String deliveredUpTo(String shardId) {
        return state.delivered().get(shardId);
    }

    boolean hasDelivered(String shardId) {
        return state.delivered().containsKey(shardId);
    }

    boolean isFinished(String shardId) {
        return state.finished().contains(shardId);
    }

    void deliveredUpTo(String shardId, String sequenceNumber) {
        state.delivered().put(shardId, sequenceNumber);
        write();
    }

    void finish(String shardId) {
        state.finished().add(shardId);
        write();
    }

    private void write() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), state);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stream checkpoint " + target, e);
        }
    }
}

package com.runtothebeats.standins;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DynamoDB Local keeps on-disk tables in SQLite with its defaults: a rollback journal and a full fsync per
 * item written. Loading the catalog (~24,000 items) then takes minutes on an ordinary disk. Switching its
 * connection to write-ahead logging with {@code synchronous=NORMAL} makes a write cost no fsync while
 * keeping the database consistent if the process is killed; only an operating-system crash may lose the
 * last moments — the right trade for a developer's local state.
 *
 * <p>DynamoDB Local exposes no setting for this, so we find its SQLite job queue in the running server
 * (it opens the database on the first request) and run the pragmas on it. If its internals ever change,
 * the server simply keeps its defaults.
 */
final class SqliteDurability {

    private static final String DYNAMODB_LOCAL_PACKAGE = "com.amazonaws.services.dynamodbv2.local.";
    private static final int MAX_OBJECTS = 10_000;

    private SqliteDurability() {
    }

    static boolean relax(Object dynamoDbLocalServer) {
        Optional<SQLiteQueue> queue = findQueue(dynamoDbLocalServer);
        if (queue.isEmpty()) {
            return false;
        }
        try {
            queue.get().execute(new SQLiteJob<Void>() {
                @Override
                protected Void job(SQLiteConnection connection) throws SQLiteException {
                    connection.exec("PRAGMA journal_mode=WAL");
                    connection.exec("PRAGMA synchronous=NORMAL");
                    return null;
                }
            }).complete();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Closes the server's SQLite connection after the server stopped. DynamoDB Local leaves it open, which
     * is harmless when the process exits but keeps the database file busy for a server restarted on the same
     * directory inside the same JVM (tests, and a stack restarted in process).
     */
    static void release(Object dynamoDbLocalServer) {
        findQueue(dynamoDbLocalServer).ifPresent(queue -> {
            try {
                queue.stop(true).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // already stopped, or internals changed: nothing left to release
            }
        });
    }

    /** A breadth-first walk through DynamoDB Local's own objects to the SQLite queue they write through. */
    private static Optional<SQLiteQueue> findQueue(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty() && seen.size() < MAX_OBJECTS) {
            Object current = pending.poll();
            if (current instanceof SQLiteQueue queue) {
                return Optional.of(queue);
            }
            if (current == null || !seen.add(current) || !current.getClass().getName().startsWith(DYNAMODB_LOCAL_PACKAGE)) {
                continue;
            }
            for (Class<?> type = current.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        Object value = field.get(current);
                        if (value instanceof Map<?, ?> map) {
                            pending.addAll(map.values()); // the databases are kept per access key in a map
                        } else if (value instanceof Collection<?> collection) {
                            pending.addAll(collection);
                        } else if (value instanceof SQLiteQueue || value != null && value.getClass().getName().startsWith(DYNAMODB_LOCAL_PACKAGE)) {
                            pending.add(value);
                        }
                    } catch (RuntimeException | IllegalAccessException e) {
                        // not reachable: skip it
                    }
                }
            }
        }
        return Optional.empty();
    }
}

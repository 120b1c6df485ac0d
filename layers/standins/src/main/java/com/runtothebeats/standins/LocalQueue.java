package com.runtothebeats.standins;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One SQS queue's messages as SQS keeps them: sent, received (hidden for the visibility timeout, counted),
 * deleted by receipt handle, visible again when not deleted in time, dropped after the retention period, and moved
 * to the dead-letter queue when received more than {@code maxReceiveCount} times. With a directory, every message
 * is a file (written atomically on each change), so nothing sent is lost when the process stops; without one
 * (tests) it lives in memory.
 */
final class LocalQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored message; {@code receiptHandles} are every handle ever issued for it (an older one still deletes). */
    record Message(String messageId, String body, long sentAt, int receiveCount, long firstReceivedAt, long visibleAt,
                   List<String> receiptHandles) {

        Message received(long now, long visibilityMillis, String handle) {
            List<String> handles = new ArrayList<>(receiptHandles);
            handles.add(handle);
            return new Message(messageId, body, sentAt, receiveCount + 1, firstReceivedAt == 0 ? now : firstReceivedAt,
                    now + visibilityMillis, handles);
        }

        Message visibleAt(long at) {
            return new Message(messageId, body, sentAt, receiveCount, firstReceivedAt, at, receiptHandles);
        }
    }

    private final TemplateQueues.QueueDefinition definition;
    private final Optional<Path> directory;
    private final Map<String, Message> messages = new LinkedHashMap<>();

    LocalQueue(TemplateQueues.QueueDefinition definition, Optional<Path> directory) {
        this.definition = definition;
        this.directory = directory;
        directory.ifPresent(this::load);
    }

    String name() {
        return definition.logicalId();
    }

    TemplateQueues.QueueDefinition definition() {
        return definition;
    }

    private void load(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".json")).map(this::read)
                        .sorted(Comparator.comparingLong(Message::sentAt))
                        .forEach(m -> messages.put(m.messageId(), m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queue " + dir, e);
        }
    }

    private Message read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Message.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queued message " + file, e);
        }
    }

    synchronized String send(String body, long now, long delayMillis) {
        Message message = new Message(UUID.randomUUID().toString(), body, now, 0, 0, now + delayMillis, List.of());
        store(message);
        notifyAll();
        return message.messageId();
    }

    /** Moves an arriving dead letter in, keeping its id and history. */
    synchronized void accept(Message message, long now) {
        store(new Message(message.messageId(), message.body(), message.sentAt(), message.receiveCount(), message.firstReceivedAt(),
                now, message.receiptHandles()));
        notifyAll();
    }

    /**
     * Up to {@code max} visible messages, hidden for {@code visibilityMillis}; waits up to {@code waitMillis} for one
     * (long polling). Messages past retention are dropped; those received too often go to {@code deadLetters}.
     */
    synchronized List<Message> receive(int max, long visibilityMillis, long waitMillis, Consumer<Message> deadLetters)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            long now = System.currentTimeMillis();
            List<Message> received = new ArrayList<>();
            for (Message message : new ArrayList<>(messages.values())) {
                if (received.size() >= max) {
                    break;
                }
                if (now - message.sentAt() > definition.retentionSeconds() * 1000L) {
                    remove(message.messageId());
                } else if (message.visibleAt() <= now) {
                    if (definition.maxReceiveCount() > 0 && message.receiveCount() >= definition.maxReceiveCount()
                            && definition.deadLetterQueue().isPresent()) {
                        remove(message.messageId());
                        deadLetters.accept(message);
                        continue;
                    }
                    Message taken = message.received(now, visibilityMillis, UUID.randomUUID().toString());
                    store(taken);
                    received.add(taken);
                }
            }
            long left = deadline - now;
            if (!received.isEmpty() || left <= 0) {
                return received;
            }
            wait(Math.min(left, 100));
        }
    }

    synchronized boolean delete(String receiptHandle) {
        Optional<Message> message = byHandle(receiptHandle);
        message.ifPresent(m -> remove(m.messageId()));
        return message.isPresent();
    }

    synchronized boolean changeVisibility(String receiptHandle, long visibleAt) {
        Optional<Message> message = byHandle(receiptHandle);
        message.ifPresent(m -> store(m.visibleAt(visibleAt)));
        notifyAll();
        return message.isPresent();
    }

    synchronized int visible(long now) {
        return (int) messages.values().stream().filter(m -> m.visibleAt() <= now).count();
    }

    synchronized int inFlight(long now) {
        return messages.size() - visible(now);
    }

    private Optional<Message> byHandle(String receiptHandle) {
        return messages.values().stream().filter(m -> m.receiptHandles().contains(receiptHandle)).findFirst();
    }

    private void store(Message message) {
        messages.put(message.messageId(), message);
        directory.ifPresent(dir -> {
            try {
                Path temporary = dir.resolve(message.messageId() + ".tmp");
                JSON.writeValue(temporary.toFile(), message);
                Files.move(temporary, dir.resolve(message.messageId() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store a message of " + name(), e);
            }
        });
    }

    private void remove(String messageId) {
        messages.remove(messageId);
        directory.ifPresent(dir -> {
            try {
                Files.deleteIfExists(dir.resolve(messageId + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete a message of " + name(), e);
            }
        });
    }
}

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a running stack's servers listen, as recorded in its state directory; lambda: its Invoke API (null when older). */
record RunningStack(long pid, URI dynamo, URI s3, URI sqs, URI lambda) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<RunningStack> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            RunningStack stack = JSON.readValue(file.toFile(), RunningStack.class);
            boolean alive = ProcessHandle.of(stack.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (alive && listening(stack.dynamo()) && listening(stack.s3()) && stack.sqs() != null && listening(stack.sqs())) {
                return Optional.of(stack.lambda() == null || listening(stack.lambda()) ? stack
                        : new RunningStack(stack.pid(), stack.dynamo(), stack.s3(), stack.sqs(), null));
            }
            Files.deleteIfExists(file); // left behind by a stack that was killed
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean listening(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

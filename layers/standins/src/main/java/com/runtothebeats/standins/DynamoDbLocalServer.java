package com.runtothebeats.standins;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.AbstractLocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running inside this JVM as a real HTTP server on 127.0.0.1, so the same AWS SDK code that
 * talks to DynamoDB on AWS talks to it through an endpoint override. Tables live in memory (tests) or in
 * files under a directory (the local stack's state, which survives restarts).
 *
 * <pre>{@code
 * try (var dynamo = DynamoDbLocalServer.inMemory()) {
 *     DynamoDbClient client = dynamo.client();
 * }
 * }</pre>
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    /** Credentials DynamoDB Local accepts; it keys its data by them only in non-shared mode, which we never use. */
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";
    public static final String REGION = "us-east-1";

    private static final String NATIVE_RESOURCE = "/com/runtothebeats/standins/native/libsqlite4java-linux-amd64.so";

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** In-memory tables on a free port; what tests use. */
    public static DynamoDbLocalServer inMemory() {
        return start(Optional.empty(), 0);
    }

    /** Tables stored under {@code directory} (created if missing); {@code port} 0 picks a free one. */
    public static DynamoDbLocalServer onDisk(Path directory, int port) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DynamoDB Local directory " + directory, e);
        }
        return start(Optional.of(directory), port);
    }

    private static DynamoDbLocalServer start(Optional<Path> directory, int port) {
        prepareNativeLibrary();
        // DynamoDB Local rejects port 0, so "any free port" means probing for one; another process may take it
        // between the probe and the bind, hence a few attempts.
        int attempts = port == 0 ? 5 : 1;
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int chosen = port == 0 ? LoopbackPorts.free() : port;
            try {
                return startOn(directory, chosen);
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static DynamoDbLocalServer startOn(Optional<Path> directory, int port) {
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (directory.isPresent()) {
            args.addAll(List.of("-dbPath", directory.get().toAbsolutePath().toString()));
        } else {
            args.add("-inMemory");
        }
        DynamoDBProxyServer server;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            // DynamoDB Local listens on every interface by default; a developer stack has no business being
            // reachable from the network.
            connectorOf(server).setHost("127.0.0.1");
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not be configured: " + e.getMessage(), e);
        }
        try {
            server.start();
            DynamoDbLocalServer started = new DynamoDbLocalServer(server, port);
            if (directory.isPresent()) {
                try (DynamoDbClient client = started.client()) {
                    client.listTables(); // opens the database file, so its connection can be tuned
                }
                SqliteDurability.relax(server);
            }
            return started;
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local extracts its bundled sqlite4java native library itself; older loaders and some class
     * paths need {@code sqlite4java.library.path}. We point it at a copy of the native library this jar
     * carries (copied from Maven's {@code libsqlite4java-linux-amd64} artifact at build time) unless the
     * caller has already chosen a directory.
     */
    private static synchronized void prepareNativeLibrary() {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        try (InputStream in = DynamoDbLocalServer.class.getResourceAsStream(NATIVE_RESOURCE)) {
            if (in == null) {
                return;
            }
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "beats-sqlite4java-" + ProcessHandle.current().pid());
            Files.createDirectories(dir);
            Path library = dir.resolve("libsqlite4java-linux-amd64.so");
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            library.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.setProperty("sqlite4java.library.path", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the sqlite4java native library", e);
        }
    }

    private static ServerConnector connectorOf(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        // DynamoDBProxyServer keeps its Jetty server private and offers no host setting; we need the connector
        // to bind to loopback and to learn the port when the caller asked for any free one.
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                return serverConnector;
            }
        }
        throw new IllegalStateException("DynamoDB Local has no network connector");
    }

    /**
     * Closes every open stream shard and opens a child shard after it, as DynamoDB does every few hours
     * (DynamoDB Local: after 4 h). For tests of stream readers, which must finish a parent shard before its child.
     */
    void rollOverStreamShards() {
        localInstance().triggerShardRollovers();
    }

    /**
     * Moves every stream record and shard {@code age} into the past and expires every shard iterator handed out
     * so far, as if the stream had sat unread that long (DynamoDB Local's own test control, which its HTTP API
     * offers only when built for Amazon's tests). Beyond 24 h records are trimmed, beyond 4 h shards roll over.
     */
    void ageStreams(Duration age) {
        localInstance().dilateEventTimes(age.toMillis());
    }

    private AmazonDynamoDBLocal localInstance() {
        // DynamoDB Local keeps the database behind its HTTP handler; with -sharedDb one instance serves any credentials
        try {
            Field handlerField = DynamoDBProxyServer.class.getDeclaredField("serverHandler");
            handlerField.setAccessible(true);
            Field primaryField = AbstractLocalDynamoDBServerHandler.class.getDeclaredField("primaryHandler");
            primaryField.setAccessible(true);
            Object requestHandler = primaryField.get(handlerField.get(server));
            Method instance = LocalDynamoDBRequestHandler.class.getDeclaredMethod("getHandler", String.class);
            instance.setAccessible(true);
            return (AmazonDynamoDBLocal) instance.invoke(requestHandler, ACCESS_KEY_ID + "_" + REGION);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this DynamoDB Local version keeps its database elsewhere", e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client for this server with the dummy credentials and region it accepts. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public void close() {
        // Jetty's stop waits for open connections to drain; a client that keeps a connection alive must not
        // hang a test run or the CLI's exit, so the wait is bounded (the JVM's exit frees the port anyway).
        java.util.concurrent.CompletableFuture<Void> stopping = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            SqliteDurability.release(server);
        });
        try {
            stopping.get(STOP_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("DynamoDB Local on port " + port + " did not stop within " + STOP_TIMEOUT_SECONDS
                    + " s; leaving it to the JVM's exit");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final long STOP_TIMEOUT_SECONDS = 20;
}

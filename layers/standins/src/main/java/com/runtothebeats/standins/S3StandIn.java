package com.runtothebeats.standins;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An S3 API server on 127.0.0.1 whose buckets and objects are files under a directory: Adobe's S3Mock,
 * started in this JVM. The S3 adapter reaches it through {@code endpointOverride} with path-style access,
 * exactly as it reaches S3. S3Mock reloads the buckets and objects it finds under its root when it starts,
 * so the local stack's data survives a restart.
 *
 * <p>Why S3Mock rather than {@code moto_server}: it runs in process (no Python needed on a fresh machine,
 * nothing to leave running), it keeps objects on disk where moto keeps them in memory, and it implements
 * the parts of the S3 API we use (put/get/head/list v2/delete, conditional and ranged reads, multipart)
 * with S3's XML and error codes.
 */
public final class S3StandIn implements AutoCloseable {

    /** S3Mock's Tomcat logs through java.util.logging; held here because JUL keeps loggers only weakly. */
    private static final java.util.logging.Logger TOMCAT_LOGS = java.util.logging.Logger.getLogger("org.apache");

    private final S3MockApplication application;
    private final Path root;

    private S3StandIn(S3MockApplication application, Path root) {
        this.application = application;
        this.root = root;
    }

    /**
     * Starts on {@code port} (0 for any free one) with its data under {@code root}; the buckets in
     * {@code initialBuckets} exist afterwards (kept if they already did).
     */
    public static S3StandIn start(Path root, int port, List<String> initialBuckets) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 stand-in directory " + root, e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("com.adobe.testing.s3mock.store.root", root.toAbsolutePath().toString());
        properties.put("com.adobe.testing.s3mock.store.retainFilesOnExit", true);
        properties.put("com.adobe.testing.s3mock.store.initialBuckets", String.join(",", initialBuckets));
        // The raw snapshot and the training sequences are tens of megabytes; S3 itself takes 5 GB per PUT.
        properties.put("com.adobe.testing.s3mock.max-payload-size", "1GB");
        if (port != 0) {
            LoopbackPorts.reserve(port);
        }
        properties.put(S3MockApplication.PROP_HTTP_PORT, port == 0 ? LoopbackPorts.free() : port);
        // HTTPS is required by S3Mock's Tomcat; it gets a free loopback port nobody uses.
        properties.put(S3MockApplication.PROP_HTTPS_PORT, LoopbackPorts.free());
        properties.put("server.address", LoopbackConnectors.LOOPBACK);
        properties.put("spring.main.sources", LoopbackConnectors.class.getName());
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.com.adobe.testing.s3mock", "WARN");
        TOMCAT_LOGS.setLevel(java.util.logging.Level.WARNING);
        // Our processes log through log4j2 as Lambda does; Spring must not reconfigure logging for them.
        String previousLoggingSystem = System.getProperty("org.springframework.boot.logging.LoggingSystem");
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try {
            return new S3StandIn(S3MockApplication.start(properties), root);
        } finally {
            if (previousLoggingSystem == null) {
                System.clearProperty("org.springframework.boot.logging.LoggingSystem");
            } else {
                System.setProperty("org.springframework.boot.logging.LoggingSystem", previousLoggingSystem);
            }
        }
    }

    /** A throw-away server for a test: data in {@code root}, any free port, these buckets. */
    public static S3StandIn forTest(Path root, String... buckets) {
        return start(root, 0, List.of(buckets));
    }

    public int port() {
        return application.getHttpPort();
    }

    /** The plain-HTTP endpoint; clients must use path-style access ({@code forcePathStyle(true)}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        application.stop();
    }
}

package com.runtothebeats.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1, for servers that cannot be asked to pick one themselves. A port is free when
 * asked for and only bound later by the server, and the system may offer the same port again in between: so
 * this JVM never hands out a port twice. Without that, S3Mock's HTTPS and HTTP connectors (and DynamoDB Local
 * starting beside them) were sometimes given the same port and one of them failed with a BindException.
 */
public final class LoopbackPorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int ATTEMPTS = 100;

    private LoopbackPorts() {
    }

    public static int free() {
        synchronized (HANDED_OUT) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = probe();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("the system kept offering ports this process had already handed out");
    }

    /** Records a port chosen elsewhere (a --port option), so {@link #free()} never returns it. */
    public static void reserve(int port) {
        synchronized (HANDED_OUT) {
            HANDED_OUT.add(port);
        }
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}

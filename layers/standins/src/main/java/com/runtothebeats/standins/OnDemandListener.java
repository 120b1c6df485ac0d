package com.runtothebeats.standins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.function.Supplier;

/**
 * A loopback port whose server starts when the first client connects: a command that never uses DynamoDB never
 * waits for DynamoDB Local. Until then the port is only a bound socket; the first connection starts the server
 * (others wait for it) and every connection is relayed to it byte for byte, so clients keep the one endpoint.
 */
public final class OnDemandListener implements AutoCloseable {

    /** What the listener starts: its endpoint, and how to stop it. */
    public interface Backend extends AutoCloseable {
        URI endpoint();

        @Override
        void close();
    }

    private final ServerSocket socket;
    private final Supplier<? extends Backend> starter;
    private final String name;
    private Backend backend;
    private RuntimeException failure;

    private OnDemandListener(ServerSocket socket, Supplier<? extends Backend> starter, String name) {
        this.socket = socket;
        this.starter = starter;
        this.name = name;
    }

    /** Binds a free loopback port now (the system's choice, so no other listener can get it) and accepts on it. */
    public static OnDemandListener start(String name, Supplier<? extends Backend> starter) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            OnDemandListener listener = new OnDemandListener(socket, starter, name);
            daemon(name + "-accept", listener::accept).start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port for " + name, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Whether a client has connected, so the server was started. */
    public synchronized boolean started() {
        return backend != null;
    }

    /** The server, started now if no client has started it yet (throws what its start threw, every time). */
    public synchronized Backend backend() {
        if (backend == null && failure == null) {
            try {
                backend = starter.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return backend;
    }

    /**
     * Starts the server now on another thread, for a caller that knows it will be needed: the first client then
     * waits only for what is left of the start. A failed start is thrown to whoever asks {@link #backend()}.
     */
    public void startInBackground() {
        daemon(name + "-start", () -> {
            try {
                backend();
            } catch (RuntimeException e) {
                // kept in failure: thrown to the client that needs the server
            }
        }).start();
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            daemon(name + "-relay", () -> relay(client)).start();
        }
    }

    private void relay(Socket client) {
        try (client) {
            URI target;
            try {
                target = backend().endpoint();
            } catch (RuntimeException e) {
                return; // the client sees the connection close; the start failure is thrown to whoever asks backend()
            }
            try (Socket server = new Socket(target.getHost(), target.getPort())) {
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                Thread upstream = daemon(name + "-up", () -> copy(client, server));
                upstream.start();
                copy(server, client);
                upstream.join();
            }
        } catch (IOException e) {
            // a connection reset by either side ends this relay only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies until the source ends, then half-closes the destination so the other side sees the end too. */
    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closing
            }
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public synchronized void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (backend != null) {
            backend.close();
        }
    }
}

package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnDemandListenerTest {

    @Test
    void startsItsServerOnTheFirstConnectionAndRelaysEveryRequest() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        try (OnDemandListener listener = OnDemandListener.start("echo", () -> {
            starts.incrementAndGet();
            return echoServer();
        })) {
            assertFalse(listener.started());
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                String body = "request " + i;
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(listener.endpoint().resolve("/echo"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertEquals(body, response.body());
            }
            assertTrue(listener.started());
            assertEquals(1, starts.get(), "one server for every connection");
        }
    }

    @Test
    void aServerStartedAheadIsTheOneTheFirstClientGets() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (OnDemandListener listener = OnDemandListener.start("echo", () -> {
            starts.incrementAndGet();
            try {
                release.await(); // a slow start: the client below connects while it runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return echoServer();
        })) {
            listener.startInBackground();
            for (int wait = 0; wait < 200 && starts.get() == 0; wait++) {
                Thread.sleep(10);
            }
            assertEquals(1, starts.get(), "started without any client");
            release.countDown();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(listener.endpoint().resolve("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", response.body());
            assertEquals(1, starts.get(), "the client waited for the start under way, and no second one began");
        }
    }

    @Test
    void aStartAheadThatFailsIsThrownToWhoeverNeedsTheServer() throws Exception {
        try (OnDemandListener listener = OnDemandListener.start("broken", () -> {
            throw new IllegalStateException("no disk");
        })) {
            listener.startInBackground();
            IllegalStateException e = null;
            for (int wait = 0; wait < 200 && e == null; wait++) {
                try {
                    listener.backend();
                } catch (IllegalStateException thrown) {
                    e = thrown;
                }
            }
            assertEquals("no disk", e.getMessage());
        }
    }

    /**
     * 200 starts of the listeners a command's stack opens (the on-demand S3 endpoint, DynamoDB's on-demand port,
     * the queues, and the two ports S3Mock would be given): none fails to bind and no two share a port.
     */
    @Test
    void twoHundredStackStartsNeverShareOrFailAPort(@TempDir Path state) {
        for (int start = 0; start < 200; start++) {
            try (OnDemandS3StandIn s3 = OnDemandS3StandIn.start(state.resolve("s3"), List.of("data"));
                    OnDemandListener dynamo = OnDemandListener.start("dynamodb", () -> {
                        throw new AssertionError("nothing connects");
                    });
                    SqsStandIn sqs = SqsStandIn.start(List.of(), Optional.empty(), 0, "us-east-1")) {
                Set<Integer> ports = new HashSet<>(List.of(s3.endpoint().getPort(), dynamo.endpoint().getPort(),
                        sqs.endpoint().getPort(), LoopbackPorts.free(), LoopbackPorts.free()));
                assertEquals(5, ports.size(), "start " + start + ": " + ports);
            }
        }
    }

    private static OnDemandListener.Backend echoServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/echo", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new OnDemandListener.Backend() {
                @Override
                public URI endpoint() {
                    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
                }

                @Override
                public void close() {
                    server.stop(0);
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

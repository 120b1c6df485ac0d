package com.runtothebeats.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * What the local gateway accepts before a function sees a request. It binds 127.0.0.1, but a browser still
 * sends it requests for other names: a page of {@code evil.example} whose DNS answer flips to 127.0.0.1 (DNS
 * rebinding) would be same-origin with us and could read {@code /api/me}. So only the names this server is
 * reached by on this machine are served ({@code 127.0.0.1:<port>}, {@code localhost:<port>}); anything else is
 * 421 Misdirected Request. Bodies are capped, as API Gateway caps them, so one request cannot fill the heap.
 */
public final class LoopbackRequests {

    /** Our API's bodies are a few kilobytes; API Gateway itself stops at 10 MB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of a refused body is still read (and dropped) so the refusal reaches the client; past it the connection just closes. */
    static final long DISCARD_LIMIT_BYTES = 64L * 1024 * 1024;
    static final String TOO_LARGE = "{\"message\":\"Request Entity Too Large: at most " + MAX_BODY_BYTES + " bytes\"}";

    private LoopbackRequests() {
    }

    static boolean servedHost(String host, int port) {
        if (host == null) {
            return false;
        }
        String normalised = host.trim().toLowerCase(Locale.ROOT);
        return normalised.equals("127.0.0.1:" + port) || normalised.equals("localhost:" + port);
    }

    static String misdirected(int port) {
        return "{\"message\":\"Misdirected Request: this server answers Host 127.0.0.1:" + port
                + " or localhost:" + port + " only\"}";
    }

    /**
     * The body, or empty when it is larger than {@link #MAX_BODY_BYTES}: keeps no more than one byte past it. A
     * refused body is read on and thrown away (up to {@link #DISCARD_LIMIT_BYTES}): closing a connection whose
     * request is still arriving resets it, and the client then loses the 413 it was sent.
     */
    public static Optional<byte[]> cappedBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
            discardRest(exchange.getRequestBody());
            return Optional.empty();
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            discardRest(in);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private static void discardRest(InputStream in) throws IOException {
        long left = DISCARD_LIMIT_BYTES;
        byte[] buffer = new byte[64 * 1024];
        for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
            left -= n;
        }
    }
}

package com.runtothebeats.local.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP part every provider stand-in of the demo shares: a loopback server whose routes answer JSON, with the
 * query parsed. Each route is a path prefix; a handler that throws is answered 500 with the reason, as a broken
 * provider would, so a mistake shows up in the import's log rather than as a hung connection.
 */
final class JsonStandInServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the routes see it. */
    record Request(String method, String path, Map<String, String> query, String authorization) {

        String bearerToken() {
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        }
    }

    /** An answer: status and JSON body (null = no body). */
    record Answer(int status, JsonNode body, Map<String, String> headers) {

        static Answer ok(JsonNode body) {
            return new Answer(200, body, Map.of());
        }

        static Answer error(int status, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("status", status).put("message", message);
            return new Answer(status, body, Map.of());
        }
    }

    @FunctionalInterface
    interface Route {
        Answer answer(Request request);
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private JsonStandInServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port) with the given routes (path prefix → route). */
    static JsonStandInServer start(String name, int port, Map<String, Route> routes) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            routes.forEach((prefix, route) -> server.createContext(prefix, exchange -> serve(exchange, route)));
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new JsonStandInServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " on 127.0.0.1:" + port, e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void serve(HttpExchange exchange, Route route) throws IOException {
        Answer answer;
        try {
            exchange.getRequestBody().readAllBytes();
            answer = route.answer(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Authorization")));
        } catch (RuntimeException e) {
            answer = Answer.error(500, String.valueOf(e));
        }
        byte[] body = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (answer.body() != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code a=1&b=x%20y} as a map (the first value of a repeated name wins). */
    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

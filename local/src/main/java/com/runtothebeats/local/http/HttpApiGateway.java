package com.runtothebeats.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.FunctionError;
import com.runtothebeats.local.LocalFunction;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The offline counterpart of an API Gateway HTTP API: an HTTP server on 127.0.0.1 that routes each request
 * per template.yaml's HttpApi events, hands the function an API Gateway payload v2 event (lower-case
 * headers, a cookies array, the raw query string, binary bodies base64-encoded, requestContext.http) and
 * writes back what it returns (status, headers, each cookie as its own Set-Cookie, base64 bodies decoded).
 * Requests are served concurrently; each function keeps its own warm containers.
 */
public final class HttpApiGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpRoutes routes;
    private final Function<String, LocalFunction> functions;
    private final String stage;
    private final PrintStream log;

    private HttpApiGateway(HttpServer server, ExecutorService executor, HttpRoutes routes,
                           Function<String, LocalFunction> functions, String stage, PrintStream log) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.functions = functions;
        this.stage = stage;
        this.log = log;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port). */
    public static HttpApiGateway start(int port, HttpRoutes routes, Function<String, LocalFunction> functions,
                                       String stage, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 4), r -> {
            Thread thread = new Thread(r, "http-api");
            thread.setDaemon(true);
            return thread;
        });
        HttpApiGateway gateway = new HttpApiGateway(server, executor, routes, functions, stage, log);
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status = 500;
        try {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!LoopbackRequests.servedHost(exchange.getRequestHeaders().getFirst("Host"), port())) {
                status = send(exchange, 421, Map.of("Content-Type", List.of("application/json")),
                        bytes(LoopbackRequests.misdirected(port())));
                return;
            }
            Optional<HttpRoutes.Match> match = routes.match(method, uri.getPath());
            if (match.isEmpty()) {
                status = send(exchange, 404, Map.of("Content-Type", List.of("application/json")), bytes("{\"message\":\"Not Found\"}"));
                return;
            }
            Optional<byte[]> read = LoopbackRequests.cappedBody(exchange);
            if (read.isEmpty()) {
                status = send(exchange, 413, Map.of("Content-Type", List.of("application/json")),
                        bytes(LoopbackRequests.TOO_LARGE));
                return;
            }
            byte[] body = read.get();
            ObjectNode event = PayloadV2Request.of(exchange, match.get(), body, stage, port());
            LocalFunction function = functions.apply(match.get().route().functionId());
            String output;
            try {
                output = function.invoke(event.toString());
            } catch (FunctionError e) {
                log.println(function.logicalId() + " failed: " + e.errorType() + ": " + e.getMessage());
                status = send(exchange, 500, Map.of("Content-Type", List.of("application/json")),
                        bytes("{\"message\":\"Internal Server Error\"}"));
                return;
            }
            status = respond(exchange, output);
        } catch (RuntimeException e) {
            log.println("local API gateway error: " + e);
            status = send(exchange, 502, Map.of("Content-Type", List.of("application/json")), bytes("{\"message\":\"Bad Gateway\"}"));
        } finally {
            exchange.close();
            log.printf("%s %s -> %d (%d ms)%n", exchange.getRequestMethod(), loggable(exchange.getRequestURI()), status,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Writes the function's result the way API Gateway interprets a payload v2 response. */
    private int respond(HttpExchange exchange, String output) throws IOException {
        JsonNode result = output == null ? null : JSON.readTree(output);
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            // v2 lets a function return any JSON value, sent as a 200 application/json body
            String body = result == null || result.isNull() ? "" : result.isTextual() ? result.asText() : result.toString();
            return send(exchange, 200, Map.of("Content-Type", List.of("application/json")), bytes(body));
        }
        int status = result.get("statusCode").asInt();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        fieldsOf(result.get("headers")).forEach((name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value.asText()));
        fieldsOf(result.get("multiValueHeaders")).forEach((name, values) -> values.forEach(v ->
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(v.asText())));
        for (JsonNode cookie : result.path("cookies")) {
            headers.computeIfAbsent("Set-Cookie", n -> new ArrayList<>()).add(cookie.asText());
        }
        JsonNode bodyNode = result.get("body");
        byte[] body;
        if (bodyNode == null || bodyNode.isNull()) {
            body = new byte[0];
        } else if (result.path("isBase64Encoded").asBoolean(false)) {
            body = Base64.getDecoder().decode(bodyNode.asText());
        } else {
            body = bytes(bodyNode.asText());
        }
        return send(exchange, status, headers, body);
    }

    private static int send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body) throws IOException {
        Headers responseHeaders = exchange.getResponseHeaders();
        headers.forEach((name, values) -> values.forEach(value -> responseHeaders.add(name, value)));
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private static Map<String, JsonNode> fieldsOf(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        }
        return fields;
    }

    /** Query parameter names (lower case) whose values never reach the access log: OAuth codes, tokens, keys. */
    private static final List<String> SENSITIVE_PARAMETER_PARTS = List.of("code", "state", "token", "key", "secret", "password");

    /**
     * The request target as the access log shows it: the path, and the query with the value of every
     * parameter whose name contains a sensitive word (case-insensitively: {@code code}, {@code access_token},
     * {@code apiKey}, {@code client_secret}…) replaced by {@code <redacted>}.
     */
    static String loggable(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rawQuery = uri.getRawQuery();
        if (rawQuery == null) {
            return path;
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            boolean sensitive = SENSITIVE_PARAMETER_PARTS.stream().anyMatch(name::contains);
            pairs.add(sensitive && eq >= 0 ? rawName + "=<redacted>" : pair);
        }
        return path + "?" + String.join("&", pairs);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

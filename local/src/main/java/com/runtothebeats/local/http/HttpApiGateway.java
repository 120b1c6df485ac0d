package com.runtothebeats.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

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
            ObjectNode event = event(exchange, match.get(), body);
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

    /** The API Gateway HTTP API payload format 2.0. */
    ObjectNode event(HttpExchange exchange, HttpRoutes.Match match, byte[] body) {
        URI uri = exchange.getRequestURI();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());

        ArrayNode cookies = JsonNodeFactory.instance.arrayNode();
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                // payload v2 moves cookies out of the headers into their own array
                header.getValue().forEach(value -> {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                });
            } else {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", headers);

        Map<String, List<String>> query = queryParameters(uri.getRawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1:" + port());
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.routeKey());
        context.put("stage", stage);
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now.atOffset(ZoneOffset.UTC)));
        context.put("timeEpoch", now.toEpochMilli());

        if (body.length > 0) {
            String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            if (isText(contentType)) {
                event.put("body", new String(body, StandardCharsets.UTF_8));
                event.put("isBase64Encoded", false);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
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

    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** Bodies API Gateway passes as text; everything else arrives base64-encoded. */
    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded");
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

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.http.LoopbackRequests;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API of a running local stack (as {@code sam local start-lambda} offers it), on 127.0.0.1:
 * {@code POST /2015-03-31/functions/<name>/invocations} with the event as the body answers the function's result
 * (RequestResponse), a function error as status 200 with {@code X-Amz-Function-Error: Unhandled} and the error
 * JSON, and an unknown function as 404 {@code ResourceNotFoundException}. It lets a short command ({@code ./beats
 * recommend}) use the warm containers of {@code ./beats serve} on the same state instead of loading the catalog and
 * model in a fresh JVM; the stack publishes its address in {@code stack.json}.
 */
final class LocalLambdaApi implements AutoCloseable {

    private static final Pattern INVOCATIONS = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private final HttpServer server;
    private final ExecutorService executor;

    private LocalLambdaApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param known     whether the template has a function of that logical id
     * @param functions the stack's functions (their warm containers)
     */
    static LocalLambdaApi start(Predicate<String> known, Function<String, LocalFunction> functions, PrintStream log) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "lambda-invoke");
                thread.setDaemon(true);
                return thread;
            });
            server.createContext("/", exchange -> handle(exchange, known, functions, log));
            server.setExecutor(executor);
            server.start();
            return new LocalLambdaApi(server, executor);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local Lambda Invoke API", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange, Predicate<String> known, Function<String, LocalFunction> functions,
                               PrintStream log) throws IOException {
        try (exchange) {
            Matcher m = INVOCATIONS.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("POST") || !m.matches()) {
                send(exchange, 404, null, error("ResourceNotFoundException", "no such resource: "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()));
                return;
            }
            String name = m.group(1);
            if (!known.test(name)) {
                send(exchange, 404, null, error("ResourceNotFoundException", "Function not found: " + name));
                return;
            }
            Optional<byte[]> body = LoopbackRequests.cappedBody(exchange);
            if (body.isEmpty()) {
                send(exchange, 413, null, error("RequestTooLargeException", "the request payload is too large"));
                return;
            }
            String event = body.get().length == 0 ? "{}" : new String(body.get(), StandardCharsets.UTF_8);
            try {
                String result = functions.apply(name).invoke(event);
                send(exchange, 200, null, result == null ? "null" : result);
            } catch (FunctionError e) {
                send(exchange, 200, "Unhandled", error(e.errorType(), e.getMessage()));
            }
        } catch (RuntimeException e) {
            log.println("local Lambda Invoke API error: " + e);
        }
    }

    private static String error(String type, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("errorType", type);
        error.put("errorMessage", message);
        return error.toString();
    }

    private static void send(HttpExchange exchange, int status, String functionError, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (functionError != null) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", functionError);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Invokes {@code logicalId} through the Invoke API at {@code endpoint}: its result JSON, or the function's error
     * as a {@link FunctionError}, as an in-process call would give them.
     */
    static String invoke(URI endpoint, String logicalId, String eventJson) throws FunctionError {
        try {
            URI uri = endpoint.resolve("/2015-03-31/functions/" + URLEncoder.encode(logicalId, StandardCharsets.UTF_8) + "/invocations");
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(15 * 60_000); // a function's longest timeout
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(eventJson.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            String body;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String functionError = connection.getHeaderField("X-Amz-Function-Error");
            if (status == 200 && functionError == null) {
                return body.equals("null") ? null : body;
            }
            var error = com.runtothebeats.lambda.Json.MAPPER.readTree(body);
            throw new FunctionError(logicalId, error.path("errorType").asText("Unknown"),
                    error.path("errorMessage").asText(body), null);
        } catch (IOException e) {
            throw new IllegalStateException("the local stack's Invoke API at " + endpoint + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package com.runtothebeats.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The template's SQS queues on 127.0.0.1, speaking SQS's JSON protocol ({@code X-Amz-Target: AmazonSQS.<Action>},
 * what the AWS SDK for Java 2 sends) for the actions our functions and the local event source mappings use:
 * GetQueueUrl, SendMessage, ReceiveMessage (with long polling), DeleteMessage, ChangeMessageVisibility and
 * GetQueueAttributes. Queue URLs are {@code <endpoint>/<account>/<QueueLogicalId>}. Messages are kept by
 * {@link LocalQueue} (files under {@code directory/<queue>/} when a directory is given).
 */
public final class SqsStandIn implements AutoCloseable {

    public static final String ACCOUNT_ID = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, LocalQueue> queues = new LinkedHashMap<>();
    private final String region;

    private SqsStandIn(HttpServer server, String region) {
        this.server = server;
        this.region = region;
    }

    /**
     * @param directory where messages are kept as files (one folder per queue); empty = in memory
     * @param port      0 = any free port
     */
    public static SqsStandIn start(List<TemplateQueues.QueueDefinition> definitions, Optional<Path> directory, int port, String region) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            SqsStandIn standIn = new SqsStandIn(server, region);
            for (TemplateQueues.QueueDefinition definition : definitions) {
                standIn.queues.put(definition.logicalId(), new LocalQueue(definition, directory.map(d -> d.resolve(definition.logicalId()))));
            }
            server.createContext("/", standIn::handle);
            // long polls hold a thread each: enough for every event source mapping and some senders
            server.setExecutor(Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "sqs-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SQS stand-in", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String queueUrl(String logicalId) {
        return queueUrl(endpoint(), logicalId);
    }

    public static String queueUrl(URI endpoint, String logicalId) {
        return endpoint + "/" + ACCOUNT_ID + "/" + logicalId;
    }

    public static String queueArn(String region, String logicalId) {
        return "arn:aws:sqs:" + region + ":" + ACCOUNT_ID + ":" + logicalId;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            if (!"POST".equals(exchange.getRequestMethod()) || !target.startsWith("AmazonSQS.")) {
                error(exchange, "InvalidAction", "AWS.SimpleQueueService.InvalidAction", "only SQS's JSON protocol is served here");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            ObjectNode response = JSON.createObjectNode();
            String action = target.substring("AmazonSQS.".length());
            if (action.equals("GetQueueUrl")) {
                String name = request.path("QueueName").asText("");
                if (!queues.containsKey(name)) {
                    error(exchange, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "no queue " + name);
                    return;
                }
                response.put("QueueUrl", queueUrl(name));
                respond(exchange, response);
                return;
            }
            LocalQueue queue = queueOf(request.path("QueueUrl").asText(""));
            if (queue == null) {
                error(exchange, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "no queue at " + request.path("QueueUrl").asText(""));
                return;
            }
            switch (action) {
                case "SendMessage" -> {
                    String body = request.path("MessageBody").asText("");
                    String id = queue.send(body, System.currentTimeMillis(), request.path("DelaySeconds").asLong(0) * 1000);
                    response.put("MessageId", id).put("MD5OfMessageBody", md5(body));
                }
                case "ReceiveMessage" -> {
                    int max = Math.max(1, Math.min(10, request.path("MaxNumberOfMessages").asInt(1)));
                    long visibility = request.has("VisibilityTimeout") ? request.path("VisibilityTimeout").asLong() * 1000
                            : queue.definition().visibilityTimeoutSeconds() * 1000L;
                    long wait = Math.min(20, request.path("WaitTimeSeconds").asLong(0)) * 1000;
                    ArrayNode messages = response.putArray("Messages");
                    for (LocalQueue.Message m : queue.receive(max, visibility, wait, deadLetter(queue))) {
                        ObjectNode message = messages.addObject();
                        message.put("MessageId", m.messageId()).put("ReceiptHandle", m.receiptHandles().get(m.receiptHandles().size() - 1))
                                .put("MD5OfBody", md5(m.body())).put("Body", m.body());
                        message.putObject("Attributes").put("ApproximateReceiveCount", Integer.toString(m.receiveCount()))
                                .put("SentTimestamp", Long.toString(m.sentAt())).put("SenderId", ACCOUNT_ID)
                                .put("ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceivedAt()));
                    }
                }
                case "DeleteMessage" -> {
                    if (!queue.delete(request.path("ReceiptHandle").asText(""))) {
                        error(exchange, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "no message has that receipt handle");
                        return;
                    }
                }
                case "ChangeMessageVisibility" -> {
                    long at = System.currentTimeMillis() + request.path("VisibilityTimeout").asLong(0) * 1000;
                    if (!queue.changeVisibility(request.path("ReceiptHandle").asText(""), at)) {
                        error(exchange, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", "no message has that receipt handle");
                        return;
                    }
                }
                case "GetQueueAttributes" -> {
                    long now = System.currentTimeMillis();
                    response.putObject("Attributes")
                            .put("ApproximateNumberOfMessages", Integer.toString(queue.visible(now)))
                            .put("ApproximateNumberOfMessagesNotVisible", Integer.toString(queue.inFlight(now)))
                            .put("VisibilityTimeout", Integer.toString(queue.definition().visibilityTimeoutSeconds()))
                            .put("QueueArn", queueArn(region, queue.name()));
                }
                default -> {
                    error(exchange, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation",
                            action + " is not served by the local SQS stand-in");
                    return;
                }
            }
            respond(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            error(exchange, "InternalError", "InternalError", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private java.util.function.Consumer<LocalQueue.Message> deadLetter(LocalQueue from) {
        return message -> {
            LocalQueue target = queues.get(from.definition().deadLetterQueue().orElseThrow());
            if (target != null) {
                target.accept(message, System.currentTimeMillis());
            }
        };
    }

    private LocalQueue queueOf(String url) {
        int slash = url.lastIndexOf('/');
        return slash < 0 ? null : queues.get(url.substring(slash + 1));
    }

    private static void respond(HttpExchange exchange, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange exchange, String type, String queryError, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", "com.amazonaws.sqs#" + type).put("message", message);
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-query-error", queryError + ";Sender");
        exchange.sendResponseHeaders(400, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

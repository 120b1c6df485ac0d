package com.runtothebeats.standins;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An S3 API endpoint on 127.0.0.1 for commands that mostly read: object GETs, HEADs and plain ListObjectsV2
 * are answered from S3Mock's files under the state directory ({@link S3MockFiles}), and S3Mock itself (a
 * Spring Boot application: ~5 s to start) is started only on the first request those cannot answer, a write
 * say. From then on every request goes to S3Mock, which loaded the same files when it started, so a client
 * sees one consistent store either way.
 */
public final class OnDemandS3StandIn implements AutoCloseable {

    /** Request headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final String XML_HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final S3MockFiles files;
    private final List<String> buckets;
    private final HttpServer server;
    private final ExecutorService threads;
    private volatile S3StandIn s3Mock;
    /** Built with S3Mock: the HTTP client's classes cost a command that only reads. */
    private volatile HttpClient forwarder;

    private OnDemandS3StandIn(Path root, List<String> buckets, HttpServer server, ExecutorService threads) {
        this.files = new S3MockFiles(root);
        this.buckets = List.copyOf(buckets);
        this.server = server;
        this.threads = threads;
    }

    /** Listens on a free loopback port (the system's choice, bound at once: no port is probed and bound later). */
    public static OnDemandS3StandIn start(Path root, List<String> buckets) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "s3-on-demand");
                thread.setDaemon(true);
                return thread;
            });
            OnDemandS3StandIn standIn = new OnDemandS3StandIn(root, buckets, server, threads);
            server.createContext("/", standIn::handle);
            server.setExecutor(threads);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the S3 stand-in", e);
        }
    }

    /** The plain-HTTP endpoint; clients use path-style access, as with {@link S3StandIn}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Whether S3Mock had to be started (a request the files could not answer). */
    public boolean s3MockStarted() {
        return s3Mock != null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (s3Mock == null && answerFromFiles(exchange)) {
                return;
            }
            forward(exchange, startedS3Mock());
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalError", e.toString());
        }
    }

    private synchronized S3StandIn startedS3Mock() {
        if (s3Mock == null) {
            s3Mock = S3StandIn.start(files.root(), 0, buckets);
            forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        }
        return s3Mock;
    }

    /** Answers a read the files can answer; false for anything else (S3Mock answers it). */
    private boolean answerFromFiles(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = exchange.getRequestURI().getPath();
        int slash = path.indexOf('/', 1);
        String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String key = slash < 0 ? "" : path.substring(slash + 1);
        if (!buckets.contains(bucket)) {
            return false;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (key.isEmpty()) {
            // ListObjectsV2 by prefix alone; delimiters, start-after and the like are S3Mock's to answer
            Set<String> understood = Set.of("list-type", "prefix", "max-keys", "continuation-token", "encoding-type");
            if (!method.equals("GET") || !"2".equals(query.get("list-type")) || !understood.containsAll(query.keySet())) {
                return false;
            }
            list(exchange, bucket, query);
            return true;
        }
        if (!query.isEmpty() || exchange.getRequestHeaders().containsKey("Range")
                || exchange.getRequestHeaders().keySet().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("if-"))) {
            return false; // versions, parts, ranges and conditions: S3Mock's
        }
        Optional<S3MockFiles.StoredObject> object = files.object(bucket, key);
        if (object.isEmpty()) {
            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return true;
        }
        S3MockFiles.StoredObject found = object.get();
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", found.contentType());
        headers.set("ETag", "\"" + found.etag() + "\"");
        headers.set("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(found.lastModified().atZone(java.time.ZoneOffset.UTC)));
        headers.set("Accept-Ranges", "bytes");
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Long.toString(found.size()));
            exchange.sendResponseHeaders(200, -1);
            return true;
        }
        exchange.sendResponseHeaders(200, found.size() == 0 ? -1 : found.size());
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(found.data(), out);
        }
        return true;
    }

    private void list(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        int maxKeys = Math.max(0, Math.min(1000, Integer.parseInt(query.getOrDefault("max-keys", "1000"))));
        String after = query.getOrDefault("continuation-token", "");
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        List<S3MockFiles.StoredObject> all = files.list(bucket, prefix).stream()
                .filter(o -> after.isEmpty() || o.key().compareTo(after) > 0).toList();
        List<S3MockFiles.StoredObject> page = all.subList(0, Math.min(maxKeys, all.size()));
        boolean truncated = page.size() < all.size();
        StringBuilder xml = new StringBuilder(XML_HEADER)
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append("<Name>").append(escape(bucket)).append("</Name>")
                .append("<Prefix>").append(escape(urlEncoded ? encode(prefix) : prefix)).append("</Prefix>")
                .append("<KeyCount>").append(page.size()).append("</KeyCount>")
                .append("<MaxKeys>").append(maxKeys).append("</MaxKeys>")
                .append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (urlEncoded) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        if (!after.isEmpty()) {
            xml.append("<ContinuationToken>").append(escape(after)).append("</ContinuationToken>");
        }
        if (truncated) {
            // the token is the last key of this page: the next page starts after it
            xml.append("<NextContinuationToken>").append(escape(page.get(page.size() - 1).key())).append("</NextContinuationToken>");
        }
        for (S3MockFiles.StoredObject o : page) {
            xml.append("<Contents><Key>").append(escape(urlEncoded ? encode(o.key()) : o.key())).append("</Key>")
                    .append("<LastModified>").append(o.lastModified()).append("</LastModified>")
                    .append("<ETag>&quot;").append(escape(o.etag())).append("&quot;</ETag>")
                    .append("<Size>").append(o.size()).append("</Size>")
                    .append("<StorageClass>STANDARD</StorageClass></Contents>");
        }
        xml.append("</ListBucketResult>");
        send(exchange, 200, xml.toString());
    }

    private void forward(HttpExchange exchange, S3StandIn target) throws IOException {
        URI uri = URI.create(target.endpoint() + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to S3Mock", e);
        }
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("transfer-encoding") && !lower.equals("connection") && !lower.equals(":status")
                    && !(lower.equals("content-length") && !exchange.getRequestMethod().equals("HEAD"))) {
                headers.put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
        try (InputStream in = response.body()) {
            if (noBody) {
                exchange.sendResponseHeaders(response.statusCode(), -1);
            } else {
                exchange.sendResponseHeaders(response.statusCode(), length == 0 ? 0 : length);
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        String xml = XML_HEADER + "<Error><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error>";
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        send(exchange, status, xml);
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** S3's URL encoding of keys in listings: everything but unreserved characters and '/' as %XX. */
    static String encode(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        if (s3Mock != null) {
            s3Mock.close();
        }
    }
}

package com.runtothebeats.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.local.LocalProduct;
import com.runtothebeats.local.heartrate.ReplayHeartRateCommand;
import com.runtothebeats.standins.ListeningSockets;
import com.runtothebeats.standins.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 1,000 malformed requests (bodies, headers, query strings; seed {@value #SEED}) spread over every route of
 * template.yaml, sent over a socket to the local product as {@code ./beats serve} runs it (demo mode, its gateway's
 * Host check and body cap included): never a 5xx, and every table reads the same afterwards, item for item.
 *
 * <p>"Malformed" means the request must not be acted on: where a route ignores its body (logout, library import),
 * the request also carries no valid CSRF pair, so that a well-formed write is never part of the mix.
 */
class RequestFuzzTest {

    static final long SEED = 20261205L;
    static final int REQUESTS = 1_000;
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final int SONGS = 1_000;

    @TempDir
    static Path work;
    private static LocalProduct product;

    @BeforeAll
    static void start() throws Exception {
        Path full = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../shared/data"), "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(full), "the real dataset is needed at " + full.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        Path dataset = work.resolve("catalog.csv");
        try (InputStream in = Files.newInputStream(full); OutputStream out = Files.newOutputStream(dataset)) {
            java.util.Set<String> tracks = new java.util.HashSet<>();
            List<DatasetRow> rows = PlaylistDatasetCsv.readAll(in).stream()
                    .filter(row -> tracks.size() < SONGS || tracks.contains(row.get(com.runtothebeats.core.catalog.DatasetColumn.TRACK_ID)))
                    .peek(row -> tracks.add(row.get(com.runtothebeats.core.catalog.DatasetColumn.TRACK_ID))).toList();
            PlaylistDatasetCsv.write(rows, out);
        }
        PrintStream log = new PrintStream(Files.newOutputStream(work.resolve("serve.log")), true);
        product = LocalProduct.start(new LocalProduct.Settings(PROJECT, work.resolve("state"), 0, true, Optional.of(dataset),
                Optional.empty(), Map.of(), System.out, log));
        assertTrue(product.demo(), "the demo: the runner needs no session, so CSRF and validation are all that stand guard");
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void malformedRequestsOnEveryRouteAreNeverA5xxAndWriteNothing() throws Exception {
        List<SamTemplate.HttpRoute> routes = product.stack().template().httpRoutes();
        Map<String, List<String>> before = everyTable();
        Random random = new Random(SEED);
        Map<String, Integer> perRoute = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            SamTemplate.HttpRoute route = routes.get(i % routes.size());
            MalformedRequests.Request request = MalformedRequests.forRoute(route.method(), route.path(), random,
                    ReplayHeartRateCommand.LOCAL_WEBHOOK_SECRET);
            int status = send(request);
            perRoute.merge(route.method() + " " + route.path(), 1, Integer::sum);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500 || status < 100) {
                failures.add(status + " for " + request.describe());
            }
        }

        System.out.println("fuzz seed " + SEED + ": statuses " + statuses + " over " + perRoute.size() + " routes");
        assertEquals(List.of(), failures);
        assertEquals(routes.size(), perRoute.size(), "every route was tried");
        assertEquals(before, everyTable(), "no table changed");
    }

    @Test
    void everyListenerOfTheServedProductBindsLoopbackOnly() {
        // What `ss -ltnp` shows for ./beats serve: the product runs in this process, gateway and stand-ins included.
        org.junit.jupiter.api.Assumptions.assumeTrue(ListeningSockets.supported(), "needs /proc (Linux)");
        List<ListeningSockets.Listener> listeners = ListeningSockets.ofThisProcess();
        assertTrue(listeners.stream().anyMatch(l -> l.port() == product.baseUri().getPort()), "found the gateway: " + listeners);
        assertTrue(listeners.size() >= 3, "the gateway and the demo's stand-ins: " + listeners);
        assertEquals(List.of(), listeners.stream().filter(l -> !l.loopback()).toList(), "every listener binds 127.0.0.1");
    }

    /** Every item of every table, as text, sorted: a write of any kind shows as a difference. */
    private static Map<String, List<String>> everyTable() {
        DynamoDbClient dynamo = product.stack().dynamoClient();
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : dynamo.listTablesPaginator().tableNames()) {
            TreeSet<String> items = new TreeSet<>();
            dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                    .forEach(item -> items.add(new TreeMap<String, AttributeValue>(item).toString()));
            tables.put(table, new ArrayList<>(items));
        }
        assertTrue(tables.size() >= 10, "the template's tables: " + tables.keySet());
        return tables;
    }

    /** One HTTP/1.1 exchange over a socket (the JDK client will not send a Host of our choosing); the status. */
    private static int send(MalformedRequests.Request request) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", product.baseUri().getPort()), 2_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", request.host().orElse("127.0.0.1:" + product.baseUri().getPort()));
            headers.putAll(request.headers());
            headers.put("Content-Length", Integer.toString(request.body().length));
            headers.put("Connection", "close");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                head.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            try {
                out.write(request.body());
                out.flush();
            } catch (java.net.SocketException refusedEarly) {
                // the gateway answered (413) before reading the whole body: read its answer below
            }
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return statusLine.startsWith("HTTP/1.1 ") ? Integer.parseInt(statusLine.substring(9, 12)) : -1;
        }
    }
}

package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.local.testfunctions.EchoHttpHandler;
import com.runtothebeats.local.testfunctions.RendezvousHandler;
import com.runtothebeats.local.testfunctions.StreamRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code ./beats serve}: the HTTP API and the stream triggers of the test project, on the real stand-ins. */
class LocalApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path state;
    private static LocalStack stack;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        stack = TestProject.start(state);
        api = LocalApi.start(stack, 0, System.err);
    }

    @AfterAll
    static void stop() {
        api.close();
        stack.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(api.gateway().baseUri() + pathAndQuery);
    }

    @Test
    void routesAGetWithPathParametersQueryAndCookiesAsAPayloadV2Event() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/42?tag=a&tag=b&q=x%20y"))
                .header("Cookie", "session=abc; theme=dark")
                .header("X-Custom-Header", "Value"));

        assertEquals(201, response.statusCode());
        assertEquals("yes", response.headers().firstValue("X-Echo").orElseThrow());
        assertEquals(List.of("first=1; Path=/; HttpOnly", "second=2; Path=/"), response.headers().allValues("Set-Cookie"));
        JsonNode seen = JSON.readTree(response.body());
        assertEquals("GET /things/{id}", seen.get("routeKey").asText());
        assertEquals("/things/42", seen.get("rawPath").asText());
        assertEquals("tag=a&tag=b&q=x%20y", seen.get("rawQueryString").asText());
        assertEquals("a,b", seen.get("queryStringParameters").get("tag").asText());
        assertEquals("x y", seen.get("queryStringParameters").get("q").asText());
        assertEquals("42", seen.get("pathParameters").get("id").asText());
        assertEquals(List.of("session=abc", "theme=dark"), JSON.convertValue(seen.get("cookies"), List.class));
        assertEquals("Value", seen.get("headers").get("x-custom-header").asText(), "header names are lower-cased");
        assertFalse(seen.get("headers").has("cookie"), "payload v2 moves cookies out of the headers");
        assertEquals("GET", seen.get("method").asText());
        assertEquals("test", seen.get("stage").asText());
        assertEquals("EchoFunction", seen.get("functionName").asText());
    }

    @Test
    void theFunctionSeesItsTemplateEnvironmentResolvedToLocalNames() throws Exception {
        JsonNode env = JSON.readTree(send(HttpRequest.newBuilder(uri("/things/1"))).body()).get("environment");
        assertEquals("Things", env.get("THINGS_TABLE").asText());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/Things", env.get("THINGS_ARN").asText());
        assertEquals("beats-local-bucket", env.get("BUCKET").asText());
        assertEquals("globals", env.get("FROM_GLOBALS").asText());
        assertEquals("function", env.get("OVERRIDDEN").asText());
        assertEquals("", env.get("API_SECRET").asText(), "a parameter without a default is empty locally");
        assertEquals(stack.dynamoEndpoint().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB").asText());
        assertEquals(stack.s3Endpoint().toString(), env.get("AWS_ENDPOINT_URL_S3").asText());
        assertEquals("test", env.get("FROM_TEST").asText());
        assertTrue(env.get("DJL_CACHE_DIR").asText().startsWith(stack.stateDir().toString()));
    }

    @Test
    void aLiteralRouteWinsOverAParameterAndAnyMethodReachesAGreedyPath() throws Exception {
        JsonNode special = JSON.readTree(send(HttpRequest.newBuilder(uri("/things/special"))).body());
        assertEquals("GET /things/special", special.get("routeKey").asText());

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/files/a/b/c.txt")).DELETE());
        JsonNode seen = JSON.readTree(deleted.body());
        assertEquals("ANY /files/{proxy+}", seen.get("routeKey").asText());
        assertEquals("a/b/c.txt", seen.get("pathParameters").get("proxy").asText());
        assertEquals("DELETE", seen.get("method").asText());
    }

    @Test
    void aFunctionReturningPlainJsonGivesA200JsonResponseAndUnmatchedPathsGoToTheDefaultRoute() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/nothing/here")));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("$default", JSON.readTree(response.body()).get("routeKey").asText());
    }

    @Test
    void binaryBodiesTravelBase64EncodedBothWays() throws Exception {
        byte[] body = {0, 1, 2, (byte) 0xff};
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri("/binary"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(List.of((byte) 0xff, (byte) 2, (byte) 1, (byte) 0), toList(response.body()));
    }

    @Test
    void aTextBodyArrivesAsText() throws Exception {
        JsonNode seen = JSON.readTree(send(HttpRequest.newBuilder(uri("/files/upload"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bpm\":150}"))).body());
        assertEquals("{\"bpm\":150}", seen.get("body").asText());
        assertFalse(seen.get("isBase64Encoded").asBoolean());
    }

    /** The status line's code of a request written byte for byte (HttpClient will not send another Host). */
    private static int rawStatus(String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.gateway().port())) {
            String request = "GET /things/1 HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void onlyTheLoopbackNamesOfThisServerAreServed() throws Exception {
        int port = api.gateway().port();
        assertEquals(421, rawStatus("evil.example"), "DNS rebinding");
        assertEquals(421, rawStatus("evil.example:" + port));
        assertEquals(421, rawStatus("127.0.0.1:" + (port + 1)));
        assertEquals(421, rawStatus(null));
        int served = send(HttpRequest.newBuilder(uri("/things/1"))).statusCode();
        assertEquals(served, rawStatus("127.0.0.1:" + port), "what the function answers");
        assertEquals(served, rawStatus("LocalHost:" + port));
    }

    @Test
    void bodiesLargerThanAMebibyteAre413() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/files/upload"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024 * 1024 + 1))));
        assertEquals(413, response.statusCode());
        assertTrue(send(HttpRequest.newBuilder(uri("/files/upload")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024 * 1024)))).statusCode() < 400, "a mebibyte is served");
    }

    @Test
    void aFailingFunctionGivesA500WithoutInternals() throws Exception {
        // BinaryHandler refuses a text body with an exception
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/binary"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void requestsAreServedConcurrentlyEachInItsOwnContainer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < RendezvousHandler.PARTIES; i++) {
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/rendezvous")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Set<String> handlers = new java.util.HashSet<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertEquals(200, response.statusCode(), response.body());
            handlers.add(JSON.readTree(response.body()).get("handler").asText());
        }
        assertEquals(RendezvousHandler.PARTIES, handlers.size());
    }

    @Test
    void warmContainersAreReused() throws Exception {
        send(HttpRequest.newBuilder(uri("/things/warm")));
        int containers = EchoHttpHandler.CONTAINERS.get();
        for (int i = 0; i < 3; i++) {
            send(HttpRequest.newBuilder(uri("/things/warm")));
        }
        assertEquals(containers, EchoHttpHandler.CONTAINERS.get());
    }

    @Test
    void streamRecordsReachTheirFunctionInOrderThroughFailuresWithoutLossOrDuplicates() throws Exception {
        List<String> ids = List.of("t1", "t2", "partial-3", "t4", "t5");
        for (String id : ids) {
            stack.dynamoClient().putItem(b -> b.tableName("Things").item(Map.of("id", AttributeValue.fromS(id))));
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (StreamRecorder.RECEIVED.size() < ids.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(ids, StreamRecorder.RECEIVED);
        // two whole-batch failures and one partial failure were retried
        assertTrue(StreamRecorder.INVOCATIONS.get() >= 3 + 3, "invocations: " + StreamRecorder.INVOCATIONS.get());
        Path checkpoint = stack.stateDir().resolve("streams/StreamFunction.Changes.json");
        assertTrue(Files.readString(checkpoint).contains("delivered"));
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}

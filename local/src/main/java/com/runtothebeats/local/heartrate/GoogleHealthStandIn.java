package com.runtothebeats.local.heartrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.core.heartrate.HeartRateSample;
import com.runtothebeats.core.identity.Pkce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Google's OAuth endpoints and the Google Health API, for one health user, so a
 * recorded run can be played through the real connect → webhook → sync path without a Fitbit:
 * <ul>
 *   <li>{@code GET /o/oauth2/v2/auth} consents at once: redirects to {@code redirect_uri} with a code;</li>
 *   <li>{@code POST /token}: the authorization-code grant (checking the PKCE verifier) and refreshes;</li>
 *   <li>{@code POST /revoke}: ends the grant of a refresh or access token (its refresh token and every access
 *       token issued under it), 400 {@code invalid_token} for a token it does not know (any more);</li>
 *   <li>{@code GET /v4/users/me/identity} and {@code GET /v4/users/me/dataTypes/heart-rate/dataPoints} (the
 *       physical-time filter with {@code >=}/{@code <}, newest first, {@code pageSize}/{@code pageToken},
 *       {@code beatsPerMinute} as a string), answering 401 to tokens it did not issue.</li>
 * </ul>
 * Samples are added with {@link #publish}, as a device sync would.
 */
public final class GoogleHealthStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FROM = Pattern.compile("physical_time\\s*>=\\s*\"([^\"]+)\"");
    private static final Pattern TO = Pattern.compile("physical_time\\s*<\\s*\"([^\"]+)\"");
    static final int DEFAULT_PAGE_SIZE = 1440;
    static final int MAX_PAGE_SIZE = 10_000;

    private final HttpServer server;
    private final String healthUserId;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentSkipListMap<Instant, Integer> samples = new ConcurrentSkipListMap<>();
    private final Map<String, String> codeChallenges = new ConcurrentHashMap<>();
    /** Access token → the refresh token of the grant it was issued under. */
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

    private GoogleHealthStandIn(HttpServer server, String healthUserId) {
        this.server = server;
        this.healthUserId = healthUserId;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port). */
    public static GoogleHealthStandIn start(int port, String healthUserId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            GoogleHealthStandIn standIn = new GoogleHealthStandIn(server, healthUserId);
            server.createContext("/o/oauth2/v2/auth", standIn::authorize);
            server.createContext("/token", standIn::token);
            server.createContext("/revoke", standIn::revoke);
            server.createContext("/v4/users/me/identity", standIn::identity);
            server.createContext("/v4/users/me/dataTypes/heart-rate/dataPoints", standIn::dataPoints);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "google-health-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("the Google Health stand-in cannot listen on 127.0.0.1:" + port
                    + " (is another replay running?)", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String healthUserId() {
        return healthUserId;
    }

    /** New readings synced from the device. */
    public void publish(List<HeartRateSample> readings) {
        readings.forEach(sample -> samples.put(sample.timestamp(), sample.bpm()));
    }

    public int sampleCount() {
        return samples.size();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String redirect = query.get("redirect_uri");
        if (redirect == null || query.get("state") == null || !"S256".equals(query.get("code_challenge_method"))) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = token("code");
        codeChallenges.put(code, query.getOrDefault("code_challenge", ""));
        exchange.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?")
                + "code=" + encode(code) + "&state=" + encode(query.get("state")));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            String challenge = codeChallenges.remove(form.getOrDefault("code", ""));
            if (challenge == null || !challenge.equals(Pkce.challengeOf(form.getOrDefault("code_verifier", "")))) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
            String refresh = token("refresh");
            refreshTokens.add(refresh);
            json(exchange, 200, grant(refresh, true));
        } else if (grant.equals("refresh_token") && refreshTokens.contains(form.getOrDefault("refresh_token", ""))) {
            json(exchange, 200, grant(form.get("refresh_token"), false));
        } else {
            json(exchange, 400, Map.of("error", "invalid_grant"));
        }
    }

    private void revoke(HttpExchange exchange) throws IOException {
        String token = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                .getOrDefault("token", "");
        String refresh = refreshTokens.contains(token) ? token : accessTokens.get(token);
        if (refresh == null || !refreshTokens.remove(refresh)) {
            json(exchange, 400, Map.of("error", "invalid_token", "error_description", "Token expired or revoked"));
            return;
        }
        accessTokens.values().removeIf(refresh::equals);
        json(exchange, 200, Map.of());
    }

    private Map<String, Object> grant(String refreshToken, boolean includeRefreshToken) {
        String access = token("access");
        accessTokens.put(access, refreshToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", 3599);
        body.put("token_type", "Bearer");
        body.put("scope", "https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly");
        if (includeRefreshToken) {
            body.put("refresh_token", refreshToken);
        }
        return body;
    }

    private void identity(HttpExchange exchange) throws IOException {
        if (authorized(exchange)) {
            json(exchange, 200, Map.of("name", "users/me/identity", "healthUserId", healthUserId, "legacyUserId", "LOCAL"));
        }
    }

    private void dataPoints(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String filter = query.getOrDefault("filter", "");
        Matcher from = FROM.matcher(filter);
        Matcher to = TO.matcher(filter);
        Instant start = from.find() ? Instant.parse(from.group(1)) : Instant.EPOCH;
        Instant end = to.find() ? Instant.parse(to.group(1)) : Instant.parse("9999-01-01T00:00:00Z");
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Integer.parseInt(query.getOrDefault("pageSize",
                Integer.toString(DEFAULT_PAGE_SIZE)))));
        int offset = query.containsKey("pageToken")
                ? Integer.parseInt(new String(Base64.getUrlDecoder().decode(query.get("pageToken")), StandardCharsets.UTF_8)) : 0;
        List<Map.Entry<Instant, Integer>> matching = new ArrayList<>(samples.subMap(start, true, end, false).entrySet());
        matching.sort(Map.Entry.<Instant, Integer>comparingByKey(Comparator.reverseOrder()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode points = body.putArray("dataPoints");
        for (Map.Entry<Instant, Integer> sample : matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + pageSize, matching.size()))) {
            ObjectNode point = points.addObject();
            ObjectNode heartRate = point.putObject("heartRate");
            heartRate.put("beatsPerMinute", Integer.toString(sample.getValue()));
            ObjectNode sampleTime = heartRate.putObject("sampleTime");
            sampleTime.put("physicalTime", sample.getKey().toString());
            sampleTime.put("utcOffset", "0s");
            point.putObject("dataSource").put("recordingMethod", "PASSIVELY_MEASURED").put("platform", "FITBIT");
        }
        if (offset + pageSize < matching.size()) {
            body.put("nextPageToken", Base64.getUrlEncoder().encodeToString(
                    Integer.toString(offset + pageSize).getBytes(StandardCharsets.UTF_8)));
        }
        json(exchange, 200, body);
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Bearer ") && accessTokens.containsKey(header.substring(7))) {
            return true;
        }
        json(exchange, 401, Map.of("error", Map.of("code", 401, "status", "UNAUTHENTICATED")));
        return false;
    }

    private String token(String kind) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return "local-" + kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

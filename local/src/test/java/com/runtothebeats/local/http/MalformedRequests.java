package com.runtothebeats.local.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Requests that no route may act on, for {@link RequestFuzzTest}: a malformed body (with a valid CSRF pair, so it
 * reaches validation), malformed headers, a malformed query string or a foreign Host, each drawn from one
 * {@link Random} so a seed replays the same thousand.
 */
final class MalformedRequests {

    record Request(String method, String target, Optional<String> host, Map<String, String> headers, byte[] body) {
        String describe() {
            String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.ISO_8859_1);
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target) + " host=" + host.orElse("-")
                    + " headers=" + headers.keySet() + " body[" + body.length + "]=" + text.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }

    /** Valid bodies of the routes whose body is read, to break field by field. */
    private static final Map<String, String> SAMPLE_BODIES = Map.of(
            "POST /api/heart-rate", "{\"bpm\":152}",
            "POST /api/recommendations", "{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30}",
            "POST /api/recommendations/alternatives",
            "{\"request\":{\"target\":{\"type\":\"tempo\",\"bpm\":165},\"minutes\":30},\"trackIds\":[\"a\"],\"position\":0}",
            "POST /api/bans", "{\"trackId\":\"6f807x0ima9a1j3VPbc7VN\"}",
            "POST /api/playlists", "{\"name\":\"Tempo run\",\"public\":false,\"trackIds\":[\"6f807x0ima9a1j3VPbc7VN\"]}",
            "POST /webhooks/google-health", "[{\"data\":{\"version\":\"1\",\"healthUserId\":\"hu-demo\",\"operation\":\"UPSERT\","
                    + "\"dataType\":\"heart-rate\",\"intervals\":[{\"physicalTimeInterval\":{\"startTime\":\"2026-11-24T19:00:00Z\","
                    + "\"endTime\":\"2026-11-24T19:15:00Z\"}}]}}]");
    private static final List<String> WRONG_VALUES = List.of("true", "[]", "{}", "null", "-1e9", "1e400", "0.5", "[[[[1]]]]");
    /** Webhook bodies whose every item is unreadable: Google's tolerance stores readable items, so none may be. */
    private static final List<String> UNREADABLE_NOTIFICATIONS = List.of("[]", "[1,2]", "[{}]", "[{\"data\":null}]",
            "[{\"data\":{\"healthUserId\":\"hu-demo\",\"operation\":\"UPSERT\",\"dataType\":\"heart-rate\",\"intervals\":[]}}]",
            "[{\"data\":{\"healthUserId\":\"hu-demo\",\"operation\":\"MERGE\",\"dataType\":\"heart-rate\",\"intervals\":"
                    + "[{\"physicalTimeInterval\":{\"startTime\":\"2026-11-24T19:00:00Z\",\"endTime\":\"2026-11-24T19:15:00Z\"}}]}}]",
            "[{\"data\":{\"healthUserId\":\"hu-demo\",\"operation\":\"UPSERT\",\"dataType\":\"heart-rate\",\"intervals\":"
                    + "[{\"physicalTimeInterval\":{\"startTime\":\"2026-11-24T19:15:00Z\",\"endTime\":\"2026-11-24T19:00:00Z\"}}]}}]",
            "[{\"data\":{\"healthUserId\":\"hu-demo\",\"operation\":\"UPSERT\",\"dataType\":\"heart-rate\",\"intervals\":"
                    + "[{\"physicalTimeInterval\":{\"startTime\":\"1970-01-01T00:00:00Z\",\"endTime\":\"2100-01-01T00:00:00Z\"}}]}}]",
            "[{\"data\":{\"healthUserId\":\"\",\"operation\":\"UPSERT\",\"dataType\":\"heart-rate\",\"intervals\":"
                    + "[{\"physicalTimeInterval\":{\"startTime\":\"yesterday\",\"endTime\":\"today\"}}]}}]");
    private static final List<String> FOREIGN_HOSTS = List.of("evil.example", "evil.example:80", "127.0.0.1", "127.0.0.1:1",
            "localhost", "127.0.0.1.evil.example", "[::1]", "0.0.0.0");
    private static final List<String> QUERY_KEYS = List.of("minutes", "limit", "before", "q", "songKey", "state", "code", "error",
            "target", "provider", "x", "", "__proto__");
    private static final List<String> QUERY_VALUES = List.of("", "%", "%zz", "%00", "%ff%fe", "-1", "0", "1e400", "abc", "+",
            "%22%3E%3Cscript%3E", "NaN", "99999999999999999999", "..%2f..%2f", "2026-13-45T99:99:99Z");

    private MalformedRequests() {
    }

    static Request forRoute(String method, String path, Random random, String webhookSecret) {
        String verb = "ANY".equals(method) ? pick(random, List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) : method;
        String concrete = concretePath(path, random);
        String key = verb + " " + concrete;
        boolean readsBody = SAMPLE_BODIES.containsKey(key);
        boolean webhook = key.equals("POST /webhooks/google-health");
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> host = Optional.empty();
        String query = "";
        byte[] body = SAMPLE_BODIES.getOrDefault(key, "").getBytes(StandardCharsets.UTF_8);
        int kind = random.nextInt(readsBody ? 5 : 4);
        switch (kind) {
            case 0 -> host = Optional.of(pick(random, FOREIGN_HOSTS));
            case 1 -> headers.putAll(malformedHeaders(random));
            case 2 -> query = malformedQuery(random);
            case 3 -> {
                body = malformedBody(random, SAMPLE_BODIES.get(key), webhook);
                headers.put("Content-Type", pick(random, List.of("application/json", "text/plain", "application/x-www-form-urlencoded")));
            }
            default -> {
                // The body is read: it alone is malformed, everything else is what the page or Google would send.
                body = malformedBody(random, SAMPLE_BODIES.get(key), webhook);
                headers.put("Content-Type", "application/json");
                if (webhook) {
                    headers.put("Authorization", webhookSecret);
                } else {
                    headers.put("Cookie", "__Host-beats_csrf=fuzz-csrf");
                    headers.put("X-CSRF-Token", "fuzz-csrf");
                    headers.put("Idempotency-Key", "fuzz-" + random.nextInt(1_000_000));
                }
            }
        }
        return new Request(verb, concrete + query, host, headers, body);
    }

    private static String concretePath(String path, Random random) {
        return path
                .replace("{provider}", pick(random, List.of("spotify", "google-health", "fitbit", "%2e%2e", "x".repeat(300), "%00")))
                // "start" with a configured provider would begin a real sign-in (an OAuth state, in the demo a session)
                .replace("{action}", pick(random, List.of("callback", "stop", "callback%00", "..%2fstart", "")))
                .replace("{proxy+}", pick(random, List.of("../../pom.xml", "%2e%2e/%2e%2e/template.yaml", "app.js%00", "a/b/c",
                        "..%5c..%5ctemplate.yaml", "x".repeat(2000))));
    }

    private static Map<String, String> malformedHeaders(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(8)) {
                case 0 -> headers.put("Cookie", pick(random, List.of("__Host-beats_session=demo-runner.forged",
                        "__Host-beats_session=" + garbage(random, 40), ";;;==;", "__Host-beats_session=" + "a".repeat(6000),
                        "beats_session=demo-runner.x", "__Host-beats_csrf=a; __Host-beats_csrf=b")));
                case 1 -> {
                    headers.put("Cookie", "__Host-beats_csrf=one");
                    headers.put("X-CSRF-Token", pick(random, List.of("two", "", "one ", "ONE")));
                }
                case 2 -> headers.put("Content-Type", pick(random, List.of("application/json; charset=utf-7", "multipart/form-data; boundary=",
                        "text/plain", "x".repeat(300), "application/json;;;")));
                case 3 -> headers.put("Authorization", pick(random, List.of("Bearer", "Bearer " + garbage(random, 30), "Basic %%%", "local-webhook-secre")));
                case 4 -> headers.put("X-HEALTHAPI-SIGNATURE", garbage(random, 80));
                case 5 -> headers.put("Idempotency-Key", pick(random, List.of("", " ", "k".repeat(500), garbage(random, 20))));
                case 6 -> headers.put("Origin", pick(random, List.of("https://evil.example", "null", "http://127.0.0.1.evil.example")));
                default -> headers.put("Accept", garbage(random, 50));
            }
        }
        return headers;
    }

    private static String malformedQuery(Random random) {
        StringBuilder query = new StringBuilder("?");
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                query.append(random.nextBoolean() ? "&" : "&&");
            }
            query.append(pick(random, QUERY_KEYS)).append('=').append(random.nextInt(10) == 0
                    ? "z".repeat(4000) : pick(random, QUERY_VALUES));
        }
        return query.toString();
    }

    private static byte[] malformedBody(Random random, String sample, boolean webhook) {
        if (webhook && random.nextBoolean()) {
            return pick(random, UNREADABLE_NOTIFICATIONS).getBytes(StandardCharsets.UTF_8);
        }
        return switch (random.nextInt(webhook ? 8 : 9)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(random, 1 + random.nextInt(300));
            case 2 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> pick(random, List.of("null", "42", "\"text\"", "true", "{", "}", "{\"a\":}", "[1,]", "{'bpm':152}"))
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[LoopbackRequests.MAX_BODY_BYTES + 1 + random.nextInt(1024)];
            case 5 -> ("\uFEFF" + (sample == null ? "{}" : sample)).getBytes(StandardCharsets.UTF_16);
            case 6 -> truncated(random, sample == null ? "{\"a\":[1,2,3]}" : sample);
            case 7 -> ("{\"" + garbage(random, 20) + "\":\"" + "x".repeat(random.nextInt(500_000)) + "\"").getBytes(StandardCharsets.UTF_8);
            default -> wrongType(random, sample == null ? "{\"a\":1}" : sample);
        };
    }

    /** A strict prefix of a JSON object or array is never JSON. */
    private static byte[] truncated(Random random, String json) {
        return json.substring(0, 1 + random.nextInt(json.length() - 1)).getBytes(StandardCharsets.UTF_8);
    }

    /** The sample with its first field's value replaced by one of the wrong type or range. */
    private static byte[] wrongType(Random random, String sample) {
        int colon = sample.indexOf(':');
        int end = sample.indexOf(sample.charAt(colon + 1) == '{' ? '}' : ',', colon);
        end = end < 0 ? sample.lastIndexOf('}') : end + (sample.charAt(colon + 1) == '{' ? 1 : 0);
        return (sample.substring(0, colon + 1) + pick(random, WRONG_VALUES) + sample.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String garbage(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

package com.runtothebeats.local.heartrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A running {@code ./beats serve}, over HTTP as a browser and Google would call it: the connect flow
 * (start → the stand-in's consent → callback, cookies carried along), webhook deliveries and
 * {@code GET /api/me}. Acts as the local demo runner, or as the runner a session cookie names.
 */
public final class ServeReplayTarget implements ReplayTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI serve;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** @param sessionCookie {@code __Host-beats_session=…} for a signed-in runner, or null for the demo runner */
    public ServeReplayTarget(URI serve, String sessionCookie) {
        this.serve = serve;
        if (sessionCookie != null) {
            int eq = sessionCookie.indexOf('=');
            cookies.put(sessionCookie.substring(0, eq), sessionCookie.substring(eq + 1).split(";")[0]);
        }
    }

    @Override
    public void connect(GoogleHealthStandIn standIn) {
        HttpResponse<String> start = get(serve.resolve("/auth/google-health/start"));
        if (start.statusCode() != 302) {
            throw new ReplayFailedException("GET /auth/google-health/start answered " + start.statusCode() + ": "
                    + start.body() + "\n" + ReplayHeartRateCommand.SERVE_SETUP);
        }
        URI consent = location(start);
        if (!consent.getAuthority().equals(standIn.baseUrl().getAuthority())) {
            throw new ReplayFailedException("./beats serve sends Google consent to " + consent.getAuthority()
                    + ", not to the stand-in at " + standIn.baseUrl().getAuthority() + ".\n" + ReplayHeartRateCommand.SERVE_SETUP);
        }
        HttpResponse<String> consented = get(consent);
        HttpResponse<String> callback = get(location(consented));
        if (callback.statusCode() != 302 || !location(callback).toString().contains("connected=google-health")) {
            throw new ReplayFailedException("the Google Health callback answered " + callback.statusCode() + ": " + callback.body());
        }
    }

    @Override
    public int deliverWebhook(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(serve.resolve("/webhooks/google-health"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build()).statusCode();
    }

    @Override
    public Optional<CurrentHeartRate> currentHeartRate() {
        HttpResponse<String> me = get(serve.resolve("/api/me"));
        if (me.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            JsonNode heartRate = JSON.readTree(me.body()).path("heartRate");
            return heartRate.path("current").isNumber() && heartRate.path("at").isTextual()
                    ? Optional.of(new CurrentHeartRate(heartRate.path("current").asInt(),
                    java.time.Instant.parse(heartRate.path("at").asText())))
                    : Optional.empty();
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest withCookies = request;
        if (!cookies.isEmpty() && request.uri().getAuthority().equals(serve.getAuthority())) {
            withCookies = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")))
                    .build();
        }
        try {
            HttpResponse<String> response = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
            if (request.uri().getAuthority().equals(serve.getAuthority())) {
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";")[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new ReplayFailedException("cannot reach " + request.uri().getAuthority() + " (" + e.getClass().getSimpleName()
                    + "); is ./beats serve running? A serve on another port is found through its state directory: pass the "
                    + "--state it was started with, or --serve with its address.\n" + ReplayHeartRateCommand.SERVE_SETUP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailedException("interrupted");
        }
    }

    private static URI location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(URI::create)
                .map(uri -> uri.isAbsolute() ? uri : response.uri().resolve(uri))
                .orElseThrow(() -> new ReplayFailedException(response.uri().getPath() + " answered "
                        + response.statusCode() + " without a redirect"));
    }
}

package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import se.michaelthelin.spotify.IHttpManager;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;

/**
 * The HTTP layer under spotify-web-api-java's requests. It rewrites Spotify's hosts onto the configured
 * bases ({@link SpotifyEndpoints}) and turns error statuses into the library's exceptions, with
 * {@code Retry-After} on 429. Unlike the library's own manager it neither caches nor retries: retries belong
 * to the caller, who knows whether a call is safe to repeat and how long a Lambda may wait.
 */
public final class SpotifyHttpTransport implements IHttpManager {

    /** Headers that HttpClient sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final HttpClient http;
    private final SpotifyEndpoints endpoints;
    private final Duration timeout;

    public SpotifyHttpTransport(HttpClient http, SpotifyEndpoints endpoints, Duration timeout) {
        // The library logs every response body at FINE, token responses included: never let that through.
        se.michaelthelin.spotify.SpotifyApi.LOGGER.setLevel(java.util.logging.Level.INFO);
        this.http = http;
        this.endpoints = endpoints;
        this.timeout = timeout;
    }

    public static SpotifyHttpTransport create(SpotifyEndpoints endpoints) {
        return new SpotifyHttpTransport(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                endpoints, Duration.ofSeconds(10));
    }

    public SpotifyEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public String get(URI uri, Header[] headers) throws IOException, SpotifyWebApiException {
        return send("GET", uri, headers, null);
    }

    @Override
    public String post(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("POST", uri, headers, body);
    }

    @Override
    public String put(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("PUT", uri, headers, body);
    }

    @Override
    public String delete(URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        return send("DELETE", uri, headers, body);
    }

    private String send(String method, URI uri, Header[] headers, HttpEntity body) throws IOException, SpotifyWebApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints.rewrite(uri)).timeout(timeout);
        if (headers != null) {
            for (Header header : headers) {
                if (!RESTRICTED.contains(header.getName().toLowerCase(java.util.Locale.ROOT))) {
                    request.header(header.getName(), header.getValue());
                }
            }
        }
        if (body != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.writeTo(bytes);
            if (body.getContentType() != null) {
                request.setHeader("Content-Type", body.getContentType());
            }
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
        } else if (method.equals("GET")) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling Spotify", e);
        }
        int status = response.statusCode();
        if (status < 400) {
            return response.body() == null ? "" : response.body();
        }
        throw failure(status, response);
    }

    private static SpotifyWebApiException failure(int status, HttpResponse<String> response) {
        String message = errorMessage(response.body());
        return switch (status) {
            case 400 -> new BadRequestException(message);
            case 401 -> new UnauthorizedException(message);
            case 403 -> new ForbiddenException(message);
            case 404 -> new NotFoundException(message);
            case 429 -> new TooManyRequestsException(message, retryAfterSeconds(response));
            case 500 -> new InternalServerErrorException(message);
            case 502 -> new BadGatewayException(message);
            case 503 -> new ServiceUnavailableException(message);
            default -> status >= 500 ? new InternalServerErrorException(status + " " + message)
                    : new SpotifyWebApiException(status + " " + message);
        };
    }

    private static int retryAfterSeconds(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Retry-After").map(String::trim).map(Integer::parseInt).orElse(1);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Web API errors are {@code {"error":{"status","message"}}}; the accounts service answers OAuth errors
     * {@code {"error":"invalid_grant","error_description":"…"}}, whose code leads the message so callers can
     * recognise it. Neither ever contains a token.
     */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            JsonNode error = json.path("error");
            if (error.isTextual()) {
                String description = json.path("error_description").asText("");
                return description.isEmpty() ? error.asText() : error.asText() + ": " + description;
            }
            if (error.isObject()) {
                return error.path("message").asText("");
            }
        } catch (IOException e) {
            // not JSON: fall through
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }
}

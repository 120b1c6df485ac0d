package com.runtothebeats.providers.googlehealth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google's public keyset for webhook signatures, fetched from the URL Google publishes it at and cached. Google
 * rotates the keys (about monthly), so the keyset is fetched again when a signature names a key we do not hold
 * (at most once per {@code minRefetch}, so forged key ids cannot make us hammer the URL) and when the cached copy
 * is older than {@code maxAge}. A failed refetch keeps the copy we have; with no copy at all the delivery cannot
 * be checked and is answered 503, so Google delivers it again later.
 */
public final class PublishedSigningKeyset {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedSigningKeyset.class);

    /** Nothing to check a signature against: the keyset has never been fetched. */
    public static class KeysetUnavailableException extends RuntimeException {
        KeysetUnavailableException(String message) {
            super(message);
        }
    }

    private final URI url;
    private final GoogleHttp http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefetch;

    private NotificationSignatureVerifier current;
    private Instant fetchedAt;
    private Instant lastAttemptAt;

    public PublishedSigningKeyset(URI url, Clock clock) {
        this(url, new GoogleHttp(), clock, Duration.ofHours(6), Duration.ofMinutes(1));
    }

    PublishedSigningKeyset(URI url, GoogleHttp http, Clock clock, Duration maxAge, Duration minRefetch) {
        this.url = url;
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minRefetch = minRefetch;
    }

    public URI url() {
        return url;
    }

    /** @throws KeysetUnavailableException when no keyset has ever been fetched */
    public boolean verifies(String rawBody, String signatureHeader) {
        NotificationSignatureVerifier verifier = verifier(false);
        if (verifier.verifies(rawBody, signatureHeader)) {
            return true;
        }
        if (!verifier.namesUnknownKey(signatureHeader)) {
            return false;
        }
        NotificationSignatureVerifier refreshed = verifier(true);
        return refreshed != verifier && refreshed.verifies(rawBody, signatureHeader);
    }

    private synchronized NotificationSignatureVerifier verifier(boolean unknownKey) {
        Instant now = clock.instant();
        boolean stale = current == null || !now.isBefore(fetchedAt.plus(maxAge));
        boolean mayRefetch = lastAttemptAt == null || !now.isBefore(lastAttemptAt.plus(minRefetch));
        if ((stale || unknownKey) && mayRefetch) {
            lastAttemptAt = now;
            try {
                current = fetch();
                fetchedAt = now;
            } catch (RuntimeException failed) {
                LOG.warn("the webhook signing keyset could not be fetched from {}: {}", url, failed.getMessage());
            }
        }
        if (current == null) {
            throw new KeysetUnavailableException("the webhook signing keyset could not be fetched from " + url);
        }
        return current;
    }

    private NotificationSignatureVerifier fetch() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(GoogleHttp.REQUEST_TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        NotificationSignatureVerifier fetched = NotificationSignatureVerifier.fromPublicKeysetJson(response.body());
        LOG.info("webhook signing keyset fetched from {}", url);
        return fetched;
    }
}

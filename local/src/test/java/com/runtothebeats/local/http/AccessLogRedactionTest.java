package com.runtothebeats.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AccessLogRedactionTest {

    @Test
    void oauthCallbackCodeAndStateNeverReachTheLog() {
        assertEquals("/auth/spotify/callback?code=<redacted>&state=<redacted>",
                HttpApiGateway.loggable(URI.create("/auth/spotify/callback?code=AQBx-secret&state=st4te")));
    }

    @Test
    void sensitiveNamesAreMatchedCaseInsensitivelyOnEveryPath() {
        assertEquals("/v1/recommendations?runner=r1&Access_Token=<redacted>&apiKey=<redacted>&client_secret=<redacted>"
                        + "&PASSWORD=<redacted>&refresh_token=<redacted>&limit=20",
                HttpApiGateway.loggable(URI.create("/v1/recommendations?runner=r1&Access_Token=a&apiKey=k&client_secret=s"
                        + "&PASSWORD=p&refresh_token=r&limit=20")));
    }

    @Test
    void harmlessQueriesAndPathsAreLoggedAsTheyCame() {
        assertEquals("/v1/tracks?bpm=170&limit=5", HttpApiGateway.loggable(URI.create("/v1/tracks?bpm=170&limit=5")));
        assertEquals("/health", HttpApiGateway.loggable(URI.create("/health")));
    }
}

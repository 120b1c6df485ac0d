package com.runtothebeats.functions.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.lambda.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WebHandlerTest {

    private static final Path EVENTS = Path.of("../../events/web");

    private final WebHandler handler = new WebHandler();

    @Test
    void healthAnswersOkFromTheSampleEvent() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EVENTS.resolve("health.json").toString());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("ok", Json.MAPPER.readTree(response.getBody()).path("status").asText());
    }

    @Test
    void homePageIsHtmlWithAStrictPolicyAndACsrfCookie() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EVENTS.resolve("home.json").toString());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(200, response.getStatusCode());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        String csp = response.getHeaders().get("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertEquals("no-cache", response.getHeaders().get("Cache-Control"));
        assertTrue(response.getBody().startsWith("<!doctype html>"));
        assertFalse(response.getBody().contains("{{"), "every placeholder is filled in");
        List<String> cookies = response.getCookies();
        assertEquals(1, cookies.size());
        assertTrue(cookies.get(0).matches("__Host-beats_csrf=[A-Za-z0-9_-]{32}; Path=/; Max-Age=2592000; Secure; SameSite=Lax"), cookies.get(0));
    }

    @Test
    void aBrowserThatHasTheCsrfCookieKeepsIt() {
        APIGatewayV2HTTPEvent event = get("/build");
        event.setCookies(List.of("__Host-beats_session=abc", "__Host-beats_csrf=" + "a".repeat(43)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(200, response.getStatusCode());
        assertNull(response.getCookies());
    }

    @Test
    void aMalformedCsrfCookieIsReplaced() {
        APIGatewayV2HTTPEvent event = get("/dashboard");
        event.setHeaders(Map.of("cookie", "__Host-beats_csrf=short"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(1, response.getCookies().size());
    }

    @Test
    void everyPageRendersAndItsStaticFilesAreServedWithCachingByVersion() {
        for (String path : List.of("/", "/dashboard", "/build", "/result", "/result/")) {
            APIGatewayV2HTTPResponse page = handler.handleRequest(get(path), null);
            assertEquals(200, page.getStatusCode(), path);
            Matcher link = Pattern.compile("/static/([a-z.-]+)\\?v=([0-9a-f]{10})").matcher(page.getBody());
            int links = 0;
            while (link.find()) {
                links++;
                APIGatewayV2HTTPEvent asset = get("/static/" + link.group(1));
                asset.setQueryStringParameters(Map.of("v", link.group(2)));
                APIGatewayV2HTTPResponse file = handler.handleRequest(asset, null);
                assertEquals(200, file.getStatusCode(), link.group(0));
                assertEquals("public, max-age=31536000, immutable", file.getHeaders().get("Cache-Control"));
                assertNotNull(file.getHeaders().get("ETag"));
            }
            assertTrue(links >= 3, "stylesheet, script and icon are linked from " + path);
        }
    }

    @Test
    void staticFilesHaveTheirOwnContentTypeAndRevalidate() {
        APIGatewayV2HTTPResponse css = handler.handleRequest(get("/static/app.css"), null);
        assertEquals("text/css; charset=utf-8", css.getHeaders().get("Content-Type"));
        assertEquals("public, max-age=300, must-revalidate", css.getHeaders().get("Cache-Control"));
        APIGatewayV2HTTPResponse js = handler.handleRequest(get("/static/app.js"), null);
        assertEquals("text/javascript; charset=utf-8", js.getHeaders().get("Content-Type"));

        APIGatewayV2HTTPEvent again = get("/static/app.css");
        again.setHeaders(Map.of("If-None-Match", css.getHeaders().get("ETag")));
        APIGatewayV2HTTPResponse revalidated = handler.handleRequest(again, null);
        assertEquals(304, revalidated.getStatusCode());
        assertNull(revalidated.getBody());
    }

    @Test
    void pathsOutsideTheStaticFolderAreNotFound() throws Exception {
        for (String path : List.of("/static/../layout.html", "/static/..%2Flayout.html", "/static/.hidden.js",
                "/static/missing.js", "/static/app.java", "/static/")) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(get(path), null);
            assertEquals(404, response.getStatusCode(), path);
            JsonNode error = Json.MAPPER.readTree(response.getBody()).path("error");
            assertEquals("not_found", error.path("code").asText(), path);
        }
    }

    @Test
    void anUnknownPageIsAFriendly404Page() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(get("/no-such-page"), null);

        assertEquals(404, response.getStatusCode());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(response.getBody().contains("Page not found"));
    }

    @Test
    void otherMethodsAreRefusedWithAClearMessageNotAnError() throws Exception {
        APIGatewayV2HTTPEvent event = get("/build");
        event.getRequestContext().getHttp().setMethod("POST");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertEquals(405, response.getStatusCode());
        assertEquals("GET", response.getHeaders().get("Allow"));
        assertTrue(Json.MAPPER.readTree(response.getBody()).path("error").path("message").asText().contains("POST"));
    }

    static APIGatewayV2HTTPEvent get(String path) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setHeaders(new HashMap<>());
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath(path);
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }
}

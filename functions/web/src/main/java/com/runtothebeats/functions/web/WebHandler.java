package com.runtothebeats.functions.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.session.CsrfTokens;
import com.runtothebeats.lambda.session.RequestCookies;
import com.runtothebeats.lambda.session.SessionCookies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The web app: the health check, the pages (home, dashboard, build, result) and their static files, all
 * from the function's own classpath so the pages share the API's origin (the session cookie just works)
 * and nothing is fetched from a CDN. The pages are static; their script talks to the JSON API.
 */
public class WebHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(WebHandler.class);
    private static final String STATIC_PREFIX = "/static/";
    /** Pages change with every deploy; browsers revalidate them with the ETag instead of refetching. */
    private static final String PAGE_CACHING = "no-cache";
    /** A versioned static URL ({@code ?v=<content hash>}) never changes meaning, so it may be kept for good. */
    private static final String VERSIONED_CACHING = "public, max-age=31536000, immutable";
    private static final String UNVERSIONED_CACHING = "public, max-age=300, must-revalidate";

    /** A CSRF token another of our functions (or an earlier page) set; anything else is replaced. */
    private static final Pattern WELL_FORMED_CSRF_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private final BundledAssets assets;
    private final CsrfTokens csrfTokens;

    /** What Lambda calls: everything the web app serves is in this function's own jar. */
    public WebHandler() {
        this(new BundledAssets(WebHandler.class.getClassLoader()),
                new CsrfTokens(new SecureRandom(), SessionCookies.DEFAULT_LIFETIME));
    }

    WebHandler(BundledAssets assets, CsrfTokens csrfTokens) {
        this.assets = assets;
        this.csrfTokens = csrfTokens;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return context == null ? answer(event) : PowertoolsLogging.withLogging(context, () -> answer(event));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        try {
            return route(event);
        } catch (RuntimeException e) {
            LOG.error("web request failed", e);
            return HttpResponses.unexpected();
        }
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        String method = method(event);
        String path = path(event);
        if ("/health".equals(path) && "GET".equals(method)) {
            return HttpResponses.json(200, Map.of("status", "ok"));
        }
        if (!"GET".equals(method)) {
            return withAllow(HttpResponses.error(405, "method_not_allowed",
                    "The web app only answers GET; " + method + " " + path + " is not something it does.", null));
        }
        if (path.startsWith(STATIC_PREFIX)) {
            return staticFile(path.substring(STATIC_PREFIX.length()), event);
        }
        Optional<Page> page = Page.at(path).filter(p -> p != Page.NOT_FOUND);
        return page(page.orElse(Page.NOT_FOUND), page.isPresent() ? 200 : 404, event);
    }

    private APIGatewayV2HTTPResponse page(Page page, int status, APIGatewayV2HTTPEvent event) {
        Asset asset = assets.page(page);
        // The page's script sends this token back in the X-CSRF-Token header of every POST (double submit).
        List<String> cookies = new ArrayList<>();
        boolean hasToken = RequestCookies.of(event).get(CsrfTokens.COOKIE)
                .filter(token -> WELL_FORMED_CSRF_TOKEN.matcher(token).matches())
                .isPresent();
        if (!hasToken) {
            cookies.add(csrfTokens.newCookie());
        }
        if (status == 200 && asset.etag().equals(RequestCookies.header(event, "if-none-match"))) {
            return notModified(asset, PAGE_CACHING, cookies);
        }
        return respond(status, asset, PAGE_CACHING, cookies);
    }

    private APIGatewayV2HTTPResponse staticFile(String relativePath, APIGatewayV2HTTPEvent event) {
        Optional<Asset> found = assets.staticFile(relativePath);
        if (found.isEmpty()) {
            return HttpResponses.error(404, "not_found", "There is no file /static/" + relativePath + ".", null);
        }
        Asset asset = found.get();
        String requestedVersion = event.getQueryStringParameters() == null
                ? null : event.getQueryStringParameters().get("v");
        String caching = asset.version().equals(requestedVersion) ? VERSIONED_CACHING : UNVERSIONED_CACHING;
        if (asset.etag().equals(RequestCookies.header(event, "if-none-match"))) {
            return notModified(asset, caching, List.of());
        }
        return respond(200, asset, caching, List.of());
    }

    private static APIGatewayV2HTTPResponse respond(int status, Asset asset, String caching, List<String> cookies) {
        Map<String, String> headers = SecurityHeaders.forContent(asset.contentType());
        headers.put("Cache-Control", caching);
        headers.put("ETag", asset.etag());
        boolean text = ContentTypes.isText(asset.contentType());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withBody(text ? new String(asset.bytes(), StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(asset.bytes()))
                .withIsBase64Encoded(!text)
                .build();
    }

    private static APIGatewayV2HTTPResponse notModified(Asset asset, String caching, List<String> cookies) {
        Map<String, String> headers = SecurityHeaders.forContent(asset.contentType());
        headers.put("Cache-Control", caching);
        headers.put("ETag", asset.etag());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(304)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .build();
    }

    private static APIGatewayV2HTTPResponse withAllow(APIGatewayV2HTTPResponse response) {
        response.getHeaders().put("Allow", "GET");
        return response;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase();
        }
        return "GET";
    }

    private static String path(APIGatewayV2HTTPEvent event) {
        String raw = event.getRawPath();
        if ((raw == null || raw.isEmpty()) && event.getRequestContext() != null
                && event.getRequestContext().getHttp() != null) {
            raw = event.getRequestContext().getHttp().getPath();
        }
        return raw == null || raw.isEmpty() ? "/" : raw;
    }
}

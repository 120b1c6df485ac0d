package com.runtothebeats.functions.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.CsrfTokens;
import com.runtothebeats.lambda.session.RequestCookies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web app: the health check, the pages (home, dashboard, build, result) and their static files, all
 * from the function's own classpath so the pages share the API's origin (the session cookie just works)
 * and nothing is fetched from a CDN. The pages are static; their script talks to the JSON API.
 */
public class WebHandler extends HttpFunction {

    private static final String STATIC_ROUTE = "GET /static/{file+}";
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
        this(WebComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    WebHandler(WebComponents components) {
        super(components.metrics());
        this.assets = components.assets();
        this.csrfTokens = components.csrfTokens();
        on("GET /health", request -> HttpResponses.json(200, Map.of("status", "ok")));
        on(STATIC_ROUTE, request -> staticFile(request.pathParameter("file"), request));
        on("GET /static", request -> staticFile("", request)); // the folder itself is not a file
        for (Page page : Page.values()) {
            page.path().ifPresent(path -> on("GET " + path, request -> page(page, 200, request)));
        }
    }

    /** Any other path: the friendly not-found page; any other method: 405, as the web app only reads. */
    @Override
    protected APIGatewayV2HTTPResponse noRoute(HttpRequest request) {
        if (!"GET".equals(request.httpMethod())) {
            APIGatewayV2HTTPResponse response = HttpResponses.error(405, "method_not_allowed",
                    "The web app only answers GET; " + request.httpMethod() + " " + request.path() + " is not something it does.", null);
            response.getHeaders().put("Allow", "GET");
            return response;
        }
        return page(Page.NOT_FOUND, 404, request);
    }

    private APIGatewayV2HTTPResponse page(Page page, int status, HttpRequest request) {
        Asset asset = assets.page(page);
        // The page's script sends this token back in the X-CSRF-Token header of every POST (double submit).
        List<String> cookies = new ArrayList<>();
        boolean hasToken = RequestCookies.of(request.event()).get(CsrfTokens.COOKIE)
                .filter(token -> WELL_FORMED_CSRF_TOKEN.matcher(token).matches())
                .isPresent();
        if (!hasToken) {
            cookies.add(csrfTokens.newCookie());
        }
        if (status == 200 && asset.etag().equals(request.header("if-none-match"))) {
            return notModified(asset, PAGE_CACHING, cookies);
        }
        return respond(status, asset, PAGE_CACHING, cookies);
    }

    private APIGatewayV2HTTPResponse staticFile(String relativePath, HttpRequest request) {
        Optional<Asset> found = assets.staticFile(relativePath);
        if (found.isEmpty()) {
            return HttpResponses.error(404, "not_found", "There is no file /static/" + relativePath + ".", null);
        }
        Asset asset = found.get();
        String caching = request.query("v").filter(asset.version()::equals).isPresent() ? VERSIONED_CACHING : UNVERSIONED_CACHING;
        if (asset.etag().equals(request.header("if-none-match"))) {
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
}

package com.runtothebeats.functions.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.identity.OAuthState;
import com.runtothebeats.core.identity.OAuthStateStore;
import com.runtothebeats.core.identity.Pkce;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.CsrfTokens;
import com.runtothebeats.lambda.session.RequestRejectedException;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /auth/{provider}/start|callback|disconnect} and {@code POST /auth/logout}: starts a provider's
 * authorization (PKCE S256 + a one-time {@code state} bound to the signed-in runner, kept with a TTL),
 * completes it on the callback (state checked and consumed, code exchanged by the provider's
 * {@link ConnectFlow}), signs the runner in with the session cookie and sends the browser back to the app.
 */
public class AuthHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    private final SessionCookies sessions;
    private final CsrfTokens csrf;
    private final OAuthStateStore states;
    private final Map<Provider, ConnectFlow> flows;
    private final Clock clock;
    private final SecureRandom random;
    private final String appHome;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public AuthHandler() {
        this(AuthComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    private AuthHandler(AuthComponents components) {
        this(components.sessions(), components.states(), components.flows(), Clock.systemUTC(), new SecureRandom(),
                components.appHome());
    }

    public AuthHandler(SessionCookies sessions, OAuthStateStore states, List<ConnectFlow> flows, Clock clock,
                       SecureRandom random, String appHome) {
        this.sessions = sessions;
        this.csrf = new CsrfTokens(random, sessions.lifetime());
        this.states = states;
        this.flows = new LinkedHashMap<>();
        flows.forEach(flow -> this.flows.put(flow.provider(), flow));
        this.clock = clock;
        this.random = random;
        this.appHome = appHome;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            List<String> route = route(event);
            String method = method(event);
            if (route.size() == 1 && route.get(0).equals("logout") && method.equals("POST")) {
                return logout(event);
            }
            if (route.size() != 2) {
                return HttpResponses.error(404, "not_found", "No such auth route.", null);
            }
            Optional<Provider> provider = provider(route.get(0));
            if (provider.isEmpty()) {
                return HttpResponses.error(404, "unknown_provider", "Unknown provider '" + route.get(0)
                        + "'; use spotify or google-health.", "provider");
            }
            String action = route.get(1);
            if (action.equals("start") && method.equals("GET")) {
                return start(provider.get(), event);
            }
            if (action.equals("callback") && method.equals("GET")) {
                return callback(provider.get(), event);
            }
            if (action.equals("disconnect") && method.equals("POST")) {
                return disconnect(provider.get(), event);
            }
            return HttpResponses.error(404, "not_found", "No such auth route.", null);
        } catch (RequestRejectedException e) {
            return HttpResponses.error(e.status(), e.code(), e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("auth request failed: {}", e.getClass().getName());
            return HttpResponses.unexpected();
        }
    }

    private APIGatewayV2HTTPResponse start(Provider provider, APIGatewayV2HTTPEvent event) {
        Optional<RunnerSession> session = sessions.session(event);
        ConnectFlow flow = flows.get(provider);
        if (flow == null) {
            if (provider == Provider.SPOTIFY && sessions.demoMode()) {
                // The local demo without a Spotify app: sign in as the demo runner so the app can be tried.
                LOG.info("demo mode: signing in as {}", SessionCookies.DEMO_RUNNER_ID);
                return redirect(appHome + "?signedIn=demo",
                        List.of(sessions.issue(SessionCookies.DEMO_RUNNER_ID), csrf.newCookie()));
            }
            return HttpResponses.error(409, "provider_not_configured",
                    provider.id() + " is not configured on this deployment.", "provider");
        }
        if (flow.requiresSignedInRunner() && session.isEmpty()) {
            return HttpResponses.error(401, "not_signed_in", "Sign in with Spotify before connecting " + provider.id() + ".", null);
        }
        Pkce pkce = Pkce.generate(random);
        String state = Pkce.randomToken(random, 32);
        String runnerId = session.map(RunnerSession::runnerId).orElse(null);
        states.save(new OAuthState(state, provider, runnerId, pkce.verifier(), clock.instant().plus(STATE_LIFETIME)));
        LOG.info("authorization started for {}", provider.id());
        return redirect(flow.authorizationUrl(state, pkce.challenge()).toString(), List.of());
    }

    private APIGatewayV2HTTPResponse callback(Provider provider, APIGatewayV2HTTPEvent event) {
        Map<String, String> query = event.getQueryStringParameters() != null ? event.getQueryStringParameters() : Map.of();
        String state = query.get("state");
        if (state == null || state.isBlank()) {
            return HttpResponses.badRequest("The callback has no state parameter.", "state");
        }
        Instant now = clock.instant();
        Optional<OAuthState> attempt = states.consume(state, now);
        if (attempt.isEmpty() || attempt.get().provider() != provider) {
            return HttpResponses.badRequest("This sign-in link is unknown, expired or already used; start again.", "state");
        }
        String denied = query.get("error");
        if (denied != null) {
            LOG.info("{} authorization declined: {}", provider.id(), safeCode(denied));
            return redirect(appHome + "?connect=" + provider.id() + "&error=" + encode(safeCode(denied)), List.of());
        }
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            return HttpResponses.badRequest("The callback has no code parameter.", "code");
        }
        ConnectFlow flow = flows.get(provider);
        if (flow == null) {
            return HttpResponses.error(409, "provider_not_configured", provider.id() + " is not configured on this deployment.", "provider");
        }
        String boundRunner = attempt.get().runnerId();
        if (flow.requiresSignedInRunner()) {
            Optional<String> current = sessions.session(event).map(RunnerSession::runnerId);
            if (boundRunner == null || current.isEmpty() || !current.get().equals(boundRunner)) {
                // The state belongs to another runner's browser: refuse rather than link their account to this one.
                return HttpResponses.error(403, "runner_mismatch", "This connection was started by another sign-in.", "state");
            }
        }
        String runnerId;
        try {
            runnerId = flow.complete(code, attempt.get().codeVerifier(), boundRunner);
        } catch (ConnectFailedException e) {
            LOG.warn("{} connect failed: {}", provider.id(), e.getMessage());
            if (e.providerRefused()) {
                return HttpResponses.error(400, "authorization_failed", e.getMessage(), "code");
            }
            return HttpResponses.error(502, "provider_unavailable", provider.id() + " could not be reached; try again.", null);
        }
        LOG.info("{} connected for runner {}", provider.id(), runnerId);
        List<String> cookies = new ArrayList<>();
        cookies.add(sessions.issue(runnerId));
        cookies.add(csrf.newCookie());
        return redirect(appHome + "?connected=" + provider.id(), cookies);
    }

    private APIGatewayV2HTTPResponse disconnect(Provider provider, APIGatewayV2HTTPEvent event) {
        RunnerSession session = sessions.requireRunner(event);
        ConnectFlow flow = flows.get(provider);
        if (flow == null) {
            return HttpResponses.error(409, "provider_not_configured", provider.id() + " is not configured on this deployment.", "provider");
        }
        boolean revokedAtProvider = flow.disconnect(session.runnerId());
        LOG.info("{} disconnected for runner {} (revoked at provider: {})", provider.id(), session.runnerId(),
                revokedAtProvider);
        return HttpResponses.json(200, new Disconnected(provider.id(), "DISCONNECTED", revokedAtProvider));
    }

    /** The disconnect answer; {@code revokedAtProvider} false means the runner may still see us in their account there. */
    record Disconnected(String provider, String status, boolean revokedAtProvider) {
    }

    private APIGatewayV2HTTPResponse logout(APIGatewayV2HTTPEvent event) {
        sessions.session(event).ifPresent(session -> CsrfTokens.verify(event, session));
        APIGatewayV2HTTPResponse response = HttpResponses.json(200, Map.of("signedOut", true));
        response.setCookies(List.of(sessions.expire()));
        return response;
    }

    private static APIGatewayV2HTTPResponse redirect(String location, List<String> cookies) {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(302)
                .withHeaders(Map.of("Location", location, "Cache-Control", "no-store"))
                .build();
        if (!cookies.isEmpty()) {
            response.setCookies(cookies);
        }
        return response;
    }

    /** The path segments after {@code /auth/} (the stage prefix, if any, is skipped). */
    static List<String> route(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() != null ? event.getRawPath() : "";
        int at = path.indexOf("/auth/");
        if (at < 0) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(at + "/auth/".length()).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        return "GET";
    }

    private static Optional<Provider> provider(String id) {
        try {
            return Optional.of(Provider.fromId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Provider error codes are short tokens; anything else is not echoed into our URL or logs. */
    private static String safeCode(String code) {
        return code.matches("[a-z_]{1,40}") ? code : "authorization_error";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.runtothebeats.functions.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.identity.Provider;
import com.runtothebeats.lambda.HttpFunction;
import com.runtothebeats.lambda.HttpRequest;
import com.runtothebeats.lambda.HttpResponses;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.CsrfTokens;
import com.runtothebeats.lambda.session.RequestCookies;
import com.runtothebeats.lambda.session.RunnerSession;
import com.runtothebeats.lambda.session.SessionCookies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /auth/{provider}/start|callback|disconnect} and {@code POST /auth/logout}: starts a provider's
 * authorization and completes it on the callback ({@link ConnectAttempts}), signs the runner in with the
 * session cookie and sends the browser back to the app.
 */
public class AuthHandler extends HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);

    private final SessionCookies sessions;
    private final CsrfTokens csrf;
    private final ConnectAttempts attempts;
    private final String appHome;

    /** What Lambda calls: collaborators built once per container from the function's environment. */
    public AuthHandler() {
        this(AuthComponents.fromEnvironment(LambdaEnvironment.current()));
    }

    public AuthHandler(AuthComponents components) {
        super(components.metrics());
        this.sessions = components.sessions();
        this.csrf = new CsrfTokens(components.random(), sessions.lifetime());
        this.attempts = new ConnectAttempts(components.states(),
                new OAuthBrowserBinding(components.sessionSecret(), ConnectAttempts.STATE_LIFETIME, components.clock()),
                components.flows(), components.clock(), components.random());
        this.appHome = components.appHome();
        on("POST /auth/logout", this::logout);
        on("POST /auth/logout/everywhere", this::logoutEverywhere);
        on("GET /auth/{provider}/start", this::start);
        on("GET /auth/{provider}/callback", this::callback);
        on("POST /auth/{provider}/disconnect", this::disconnect);
        onError(ConnectRefusedException.class, e -> HttpResponses.error(e.status(), e.code(), e.getMessage(), e.field()));
    }

    @Override
    protected APIGatewayV2HTTPResponse noRoute(HttpRequest request) {
        return HttpResponses.error(404, "not_found", "No such auth route.", null);
    }

    private APIGatewayV2HTTPResponse start(HttpRequest request) {
        Provider provider = provider(request);
        if (!attempts.configured(provider) && provider == Provider.SPOTIFY && sessions.demoMode()) {
            // The local demo without a Spotify app: sign in as the demo runner so the app can be tried.
            LOG.info("demo mode: signing in as {}", SessionCookies.DEMO_RUNNER_ID);
            return redirect(appHome + "?signedIn=demo", List.of(sessions.issue(SessionCookies.DEMO_RUNNER_ID), csrf.newCookie()));
        }
        ConnectAttempts.Started started = attempts.begin(provider, sessions.session(request.event()).map(RunnerSession::runnerId));
        LOG.info("authorization started for {}", provider.id());
        return redirect(started.authorizeUrl().toString(), List.of(started.browserCookie()));
    }

    private APIGatewayV2HTTPResponse callback(HttpRequest request) {
        Provider provider = provider(request);
        ConnectAttempts.Outcome outcome;
        try {
            outcome = attempts.finish(provider, request.queryParameters(),
                    sessions.session(request.event()).map(RunnerSession::runnerId), RequestCookies.of(request.event()));
        } catch (ConnectFailedException e) {
            LOG.warn("{} connect failed: {}", provider.id(), e.getMessage());
            return e.providerRefused() ? HttpResponses.error(400, "authorization_failed", e.getMessage(), "code")
                    : HttpResponses.error(502, "provider_unavailable", provider.id() + " could not be reached; try again.", null);
        } catch (ConnectUnusableException e) {
            LOG.warn("{} connect not usable, nothing stored: {}", provider.id(), e.getMessage());
            String missing = e.missingScopes().isEmpty() ? ""
                    : "&missing=" + URLEncoder.encode(String.join(" ", e.missingScopes()), StandardCharsets.UTF_8);
            return redirect(appHome + "?connect=" + provider.id() + "&error=" + e.code() + missing,
                    List.of(OAuthBrowserBinding.expire(provider)));
        }
        if (outcome.declined() != null) {
            LOG.info("{} authorization declined: {}", provider.id(), outcome.declined());
            return redirect(appHome + "?connect=" + provider.id() + "&error="
                    + URLEncoder.encode(outcome.declined(), StandardCharsets.UTF_8), List.of(OAuthBrowserBinding.expire(provider)));
        }
        LOG.info("{} connected for runner {}", provider.id(), outcome.runnerId());
        return redirect(appHome + "?connected=" + provider.id(), List.of(sessions.issue(outcome.runnerId()), csrf.newCookie(),
                OAuthBrowserBinding.expire(provider)));
    }

    private APIGatewayV2HTTPResponse disconnect(HttpRequest request) {
        RunnerSession session = sessions.requireRunner(request.event());
        Provider provider = provider(request);
        boolean revokedAtProvider = attempts.disconnect(provider, session.runnerId());
        LOG.info("{} disconnected for runner {} (revoked at provider: {})", provider.id(), session.runnerId(), revokedAtProvider);
        return HttpResponses.json(200, new Disconnected(provider.id(), "DISCONNECTED", revokedAtProvider));
    }

    /** The disconnect answer; {@code revokedAtProvider} false means the runner may still see us in their account there. */
    record Disconnected(String provider, String status, boolean revokedAtProvider) {
    }

    /** Ends this browser's session: its cookie signs nobody in any more, wherever it was copied to. */
    private APIGatewayV2HTTPResponse logout(HttpRequest request) {
        sessions.session(request.event()).ifPresent(session -> CsrfTokens.verify(request.event(), session));
        sessions.signOut(request.event());
        APIGatewayV2HTTPResponse response = HttpResponses.json(200, Map.of("signedOut", true));
        response.setCookies(List.of(sessions.expire()));
        return response;
    }

    /** Ends every session of the signed-in runner, in every browser (a lost phone, a shared computer). */
    private APIGatewayV2HTTPResponse logoutEverywhere(HttpRequest request) {
        RunnerSession session = sessions.requireRunner(request.event());
        int ended = sessions.signOutEverywhere(session.runnerId());
        LOG.info("runner {} signed out everywhere ({} sessions ended)", session.runnerId(), ended);
        APIGatewayV2HTTPResponse response = HttpResponses.json(200, Map.of("signedOut", true, "sessionsEnded", ended));
        response.setCookies(List.of(sessions.expire()));
        return response;
    }

    private static Provider provider(HttpRequest request) {
        String id = request.pathParameter("provider");
        try {
            return Provider.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ConnectRefusedException(404, "unknown_provider", "Unknown provider '" + id + "'; use spotify or google-health.", "provider");
        }
    }

    private static APIGatewayV2HTTPResponse redirect(String location, List<String> cookies) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(302)
                .withHeaders(Map.of("Location", location, "Cache-Control", "no-store"))
                .withCookies(cookies.isEmpty() ? null : cookies)
                .build();
    }
}

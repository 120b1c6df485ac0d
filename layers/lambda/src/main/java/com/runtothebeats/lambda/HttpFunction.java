package com.runtothebeats.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.session.RequestRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What every API Gateway (HTTP API, payload v2) function does around its routes, so a handler declares only
 * those: the Powertools logging context (request id, cold start, and the {@code route} key on every line),
 * dispatch by route key or method and path ({@link Routes}), the exception → response mapping, one log line
 * per request (route and status), per-route metrics and one flush per invocation.
 *
 * <p>Errors: {@link InvalidInputException} → 400 naming the field; {@link RequestRejectedException} → its
 * status (401, 403); the handler adds its own (404, 409, 422, 503…) with {@link #onError}; anything else → 500
 * with no detail, logged by class and place only (exception messages may carry what must not be logged).
 *
 * <p>Metrics, with the route as a dimension ({@code POST:/api/playlists}): {@code RequestsAnswered} (below 400), {@code RequestsRefused}
 * (4xx), {@code RequestsFailed} (5xx) and {@code RequestTime}; the handler's own metrics share the flush.
 */
public abstract class HttpFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** One route's work. */
    @FunctionalInterface
    public interface Answer {
        APIGatewayV2HTTPResponse answer(HttpRequest request);
    }

    /** The response to one kind of exception. */
    @FunctionalInterface
    public interface ErrorAnswer<E extends RuntimeException> {
        APIGatewayV2HTTPResponse answer(E error);
    }

    private record OnError<E extends RuntimeException>(Class<E> type, ErrorAnswer<E> answer) {
        APIGatewayV2HTTPResponse answer(RuntimeException error) {
            return answer.answer(type.cast(error));
        }
    }

    /** The route name metrics and logs use for a request no route matched (its path is the client's to choose). */
    static final String UNMATCHED = "unmatched";

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Metrics metrics;
    private final Routes routes = new Routes();
    private final List<OnError<?>> errors = new ArrayList<>();

    protected HttpFunction(Metrics metrics) {
        this.metrics = metrics;
        onError(InvalidInputException.class, e -> HttpResponses.badRequest(e.getMessage(), e.field()));
        onError(RequestRejectedException.class, e -> HttpResponses.error(e.status(), e.code(), e.getMessage(), null));
    }

    /** Declares a route as template.yaml does: {@code "GET /api/me"}, {@code "POST /auth/{provider}/disconnect"}. */
    protected final void on(String route, Answer answer) {
        routes.add(route, answer);
    }

    /** How to answer an exception of this type (the most specific declared type wins). */
    protected final <E extends RuntimeException> void onError(Class<E> type, ErrorAnswer<E> answer) {
        errors.add(new OnError<>(type, answer));
    }

    /** For the handler's own metrics; flushed with the request's. */
    protected final Metrics metrics() {
        return metrics;
    }

    /** A request no route matches: 404 by default. */
    protected APIGatewayV2HTTPResponse noRoute(HttpRequest request) {
        return HttpResponses.error(404, "not_found", "No such route: " + request.httpMethod() + " " + request.path(), null);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return context == null ? respond(event) : PowertoolsLogging.withLogging(context, () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.of(event);
        String route = UNMATCHED;
        APIGatewayV2HTTPResponse response;
        try {
            Optional<Routes.Match> match = routes.find(routeKey(event), request);
            route = match.map(found -> found.route().template().key()).orElse(UNMATCHED);
            MDC.put("route", route);
            response = match.isPresent()
                    ? match.get().route().answer().answer(request.routed(route, match.get().parameters()))
                    : noRoute(request);
        } catch (RuntimeException e) {
            response = answer(e, route);
        }
        int status = response.getStatusCode();
        // one line per request, like an access log: every invocation leaves a trace with its request id
        log.info("{} answered {}", route, status);
        MDC.remove("route");
        metrics.addDimension("route", route.replace(' ', ':')); // dimension values may not contain spaces
        metrics.addMetric(status < 400 ? "RequestsAnswered" : status < 500 ? "RequestsRefused" : "RequestsFailed", 1, MetricUnit.COUNT);
        metrics.addMetric("RequestTime", (System.nanoTime() - started) / 1e6, MetricUnit.MILLISECONDS);
        metrics.flush();
        return response;
    }

    private APIGatewayV2HTTPResponse answer(RuntimeException error, String route) {
        OnError<?> best = null;
        for (OnError<?> candidate : errors) {
            if (candidate.type().isInstance(error) && (best == null || best.type().isAssignableFrom(candidate.type()))) {
                best = candidate;
            }
        }
        if (best != null) {
            return best.answer(error);
        }
        StackTraceElement[] trace = error.getStackTrace();
        log.error("{} failed: {} at {}", route, error.getClass().getName(), trace.length > 0 ? trace[0] : "?");
        return HttpResponses.unexpected();
    }

    private static String routeKey(APIGatewayV2HTTPEvent event) {
        String key = event.getRouteKey();
        return key == null || key.isBlank() || key.equals("$default") ? null : key;
    }
}

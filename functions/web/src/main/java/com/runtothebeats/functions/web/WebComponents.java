package com.runtothebeats.functions.web;

import com.runtothebeats.lambda.FunctionMetrics;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.lambda.session.CsrfTokens;
import com.runtothebeats.lambda.session.SessionCookies;
import java.security.SecureRandom;
import software.amazon.lambda.powertools.metrics.Metrics;

/** The Web function's collaborators: everything it serves is in its own jar (built once per container). */
record WebComponents(BundledAssets assets, CsrfTokens csrfTokens, Metrics metrics) {

    static WebComponents fromEnvironment(LambdaEnvironment env) {
        return new WebComponents(new BundledAssets(WebHandler.class.getClassLoader()),
                new CsrfTokens(new SecureRandom(), SessionCookies.DEFAULT_LIFETIME), FunctionMetrics.create(env));
    }
}

package com.runtothebeats.lambda.session;

/**
 * Who a request acts for.
 *
 * @param demo true for the local demo's {@code demo-runner} (only in demo mode), whether the request came without a
 *             cookie or with the session the demo's "sign in" issued: either way it reads the stand-ins' music and
 *             has no Spotify link of its own
 */
public record RunnerSession(String runnerId, boolean demo) {
}

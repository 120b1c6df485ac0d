package com.runtothebeats.lambda;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The function's environment variables. On Lambda they are the process environment; the local runner
 * ({@code ./beats invoke} and {@code serve}) runs many functions in one JVM, so it hands each function the
 * Environment that template.yaml gives it while that function's handler is constructed. Handlers read
 * configuration only in their constructors, as Lambda builds them once per container.
 */
public final class LambdaEnvironment {

    private static final ThreadLocal<Map<String, String>> OVERRIDE = new ThreadLocal<>();

    private final Map<String, String> variables;

    private LambdaEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** The variables in force for the handler being constructed on this thread. */
    public static LambdaEnvironment current() {
        Map<String, String> override = OVERRIDE.get();
        return new LambdaEnvironment(override != null ? override : System.getenv());
    }

    public static LambdaEnvironment of(Map<String, String> variables) {
        return new LambdaEnvironment(Map.copyOf(variables));
    }

    /** Runs {@code construction} (typically a handler's no-argument constructor) with these variables. */
    public static <T> T with(Map<String, String> variables, Supplier<T> construction) {
        Map<String, String> previous = OVERRIDE.get();
        OVERRIDE.set(Map.copyOf(variables));
        try {
            return construction.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** A variable the function cannot work without; the message names it so an operator can fix the template. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    public int getInt(String name, int fallback) {
        return get(name).map(Integer::parseInt).orElse(fallback);
    }

    public Map<String, String> asMap() {
        return variables;
    }
}

package com.runtothebeats.local.statemachine;

/**
 * An error in the Step Functions sense: a name that Retry and Catch match with {@code ErrorEquals}
 * ({@code States.TaskFailed}, {@code States.Timeout}, a Lambda error type…) and a cause.
 */
public class StatesError extends Exception {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

    private final String error;
    private final String errorCause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.errorCause = cause;
    }

    public String error() {
        return error;
    }

    public String errorCause() {
        return errorCause;
    }

    /** Whether a retrier or catcher listing {@code name} handles this error. */
    public boolean matches(String name) {
        if (error.equals(RUNTIME)) {
            return false; // a broken definition or path is not something to retry or catch
        }
        if (name.equals(ALL) || name.equals(error)) {
            return true;
        }
        return name.equals(TASK_FAILED) && !error.equals(TIMEOUT) && !error.startsWith("States.");
    }
}

package com.runtothebeats.local;

/**
 * A function invocation that failed, described as Lambda describes it to its callers (Step Functions'
 * {@code Error}/{@code Cause}, a stream's retry): the error type is the exception's class name.
 */
public final class FunctionError extends Exception {

    private final String functionId;
    private final String errorType;

    public FunctionError(String functionId, String errorType, String message, Throwable cause) {
        super(message, cause);
        this.functionId = functionId;
        this.errorType = errorType;
    }

    static FunctionError thrownBy(String functionId, Throwable thrown) {
        return new FunctionError(functionId, thrown.getClass().getName(),
                thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage(), thrown);
    }

    public String functionId() {
        return functionId;
    }

    public String errorType() {
        return errorType;
    }
}

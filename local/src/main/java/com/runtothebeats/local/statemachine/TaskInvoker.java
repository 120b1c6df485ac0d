package com.runtothebeats.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a Task state's {@code Resource} (a Lambda ARN or {@code arn:aws:states:::lambda:invoke}) with its input. */
@FunctionalInterface
public interface TaskInvoker {

    /** @throws StatesError named as Step Functions would name the failure (the function's error type) */
    JsonNode invoke(String resource, JsonNode input) throws StatesError;
}

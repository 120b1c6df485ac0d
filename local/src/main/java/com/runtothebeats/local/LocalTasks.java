package com.runtothebeats.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.statemachine.StatesError;
import com.runtothebeats.local.statemachine.TaskInvoker;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Task states' Lambda calls, answered by the template's functions in this JVM: a function ARN as the
 * Resource (the payload is the task input, the result its output), or the {@code lambda:invoke}
 * integration ({@code FunctionName} + {@code Payload}, the result wrapped as {@code {"Payload": …}}).
 * A function's exception becomes the error Step Functions would see: its type as Error, Lambda's error
 * JSON as Cause.
 */
final class LocalTasks implements TaskInvoker {

    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, LocalFunction> functions;

    LocalTasks(Function<String, LocalFunction> functions) {
        this.functions = functions;
    }

    @Override
    public JsonNode invoke(String resource, JsonNode input) throws StatesError {
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE + ".waitForTaskToken")) {
            if (!input.path("FunctionName").isTextual()) {
                throw new StatesError(StatesError.RUNTIME, "lambda:invoke needs Parameters.FunctionName");
            }
            JsonNode payload = input.has("Payload") ? input.get("Payload") : JsonNodeFactory.instance.objectNode();
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("ExecutedVersion", "$LATEST");
            result.set("Payload", call(input.get("FunctionName").asText(), payload));
            result.put("StatusCode", 200);
            return result;
        }
        if (resource.contains(":function:")) {
            return call(resource, input);
        }
        throw new StatesError(StatesError.RUNTIME, "the local runner only runs Lambda tasks, not " + resource);
    }

    private JsonNode call(String functionNameOrArn, JsonNode payload) throws StatesError {
        String logicalId = functionId(functionNameOrArn);
        LocalFunction function;
        try {
            function = functions.apply(logicalId);
        } catch (NoSuchElementException e) {
            throw new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + functionNameOrArn);
        }
        try {
            String output = function.invoke(payload.toString());
            return output == null ? NullNode.getInstance() : JSON.readTree(output);
        } catch (FunctionError e) {
            ObjectNode cause = JsonNodeFactory.instance.objectNode();
            cause.put("errorMessage", e.getMessage());
            cause.put("errorType", e.errorType());
            throw new StatesError(e.errorType(), cause.toString());
        } catch (JsonProcessingException e) {
            throw new StatesError(StatesError.TASK_FAILED, "the function returned something that is not JSON");
        }
    }

    /** {@code arn:aws:lambda:region:account:function:Name[:qualifier]} or a bare name → the template's logical id. */
    static String functionId(String functionNameOrArn) {
        int at = functionNameOrArn.indexOf(":function:");
        if (at < 0) {
            return functionNameOrArn;
        }
        String rest = functionNameOrArn.substring(at + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }
}

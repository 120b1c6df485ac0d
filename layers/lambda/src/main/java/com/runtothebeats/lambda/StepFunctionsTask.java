package com.runtothebeats.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.runtothebeats.core.catalog.MalformedDatasetException;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * What every Step Functions task handler does around its domain call: Powertools logging context for
 * the invocation, one log line for the outcome, and the result as the plain JSON object the state machine
 * passes on. Errors are rethrown so the state machine's Retry and Catch see them: bad input
 * ({@link InvalidInputException}, {@link MalformedDatasetException}; never worth a retry) keeps its type in
 * the task's error name and is logged as a warning without a stack trace.
 */
public final class StepFunctionsTask {

    private StepFunctionsTask() {
    }

    public static Map<String, Object> run(Context context, Logger log, String step, Supplier<Object> work) {
        Supplier<Map<String, Object>> task = () -> {
            try {
                Object result = work.get();
                @SuppressWarnings("unchecked")
                Map<String, Object> output = Json.MAPPER.convertValue(result, LinkedHashMap.class);
                log.info("{} finished: {}", step, entry("result", output));
                return output;
            } catch (InvalidInputException e) {
                log.warn("{} refused its input ({}): {}", step, entry("field", e.field()), e.getMessage());
                throw e;
            } catch (MalformedDatasetException e) {
                log.warn("{} refused a malformed dataset ({}): {}", step, entry("line", e.line()), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                log.error("{} failed", step, e);
                throw e;
            }
        };
        return context == null ? task.get() : PowertoolsLogging.withLogging(context, task);
    }

    /** A string field of the event, or null when absent; a non-string value is refused naming the field. */
    public static String text(Map<String, ?> event, String field, String path) {
        Object value = event == null ? null : event.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(path, path + " must be a string");
        }
        return text.isBlank() ? null : text;
    }
}

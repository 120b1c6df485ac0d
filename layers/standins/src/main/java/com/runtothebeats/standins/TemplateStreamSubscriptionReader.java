package com.runtothebeats.standins;

import static com.runtothebeats.standins.SamTemplate.asList;
import static com.runtothebeats.standins.SamTemplate.asMap;

import java.util.Map;
import java.util.Optional;

/** A function's {@code DynamoDB} event read with Lambda's defaults for what the template leaves out. */
final class TemplateStreamSubscriptionReader {

    private TemplateStreamSubscriptionReader() {
    }

    static SamTemplate.StreamSubscription subscriptionOf(String functionId, String name, Map<String, Object> event) {
        Map<String, Object> properties = asMap(event.get("Properties"));
        Object stream = properties.get("Stream");
        Optional<String> table = stream instanceof Intrinsic intrinsic
                && intrinsic.function().equals(Intrinsic.GET_ATT)
                && intrinsic.attribute().filter("StreamArn"::equals).isPresent()
                ? intrinsic.target() : Optional.empty();
        return new SamTemplate.StreamSubscription(functionId, name, stream, table,
                String.valueOf(properties.getOrDefault("StartingPosition", "TRIM_HORIZON")),
                intOf(properties.getOrDefault("BatchSize", 100)),
                intOf(properties.getOrDefault("MaximumRetryAttempts", -1)),
                Boolean.parseBoolean(String.valueOf(properties.getOrDefault("BisectBatchOnFunctionError", false))),
                intOf(properties.getOrDefault("MaximumRecordAgeInSeconds", -1)),
                asList(asMap(properties.get("FilterCriteria")).get("Filters")).stream()
                        .map(filter -> String.valueOf(asMap(filter).get("Pattern"))).toList(),
                asList(properties.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                Boolean.parseBoolean(String.valueOf(properties.getOrDefault("Enabled", true))));
    }

    private static int intOf(Object value) {
        return value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value));
    }
}

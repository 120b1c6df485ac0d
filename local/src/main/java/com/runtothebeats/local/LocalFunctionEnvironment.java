package com.runtothebeats.local;

import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.TemplateValues;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a template function sees as its environment locally: the template's (Globals merged, intrinsics resolved to
 * local names), the AWS SDK pointed at the stand-ins with dummy credentials, local-only settings, the provider
 * variables from the process environment ({@link ProviderSettings}: plain documented names, then
 * {@code BEATS_ENV_<NAME>}) and finally the stack options' extra variables.
 */
final class LocalFunctionEnvironment {

    private final TemplateValues values;
    private final URI dynamoEndpoint;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;
    private final Path stateDir;
    private final Map<String, String> extra;

    LocalFunctionEnvironment(TemplateValues values, URI dynamoEndpoint, URI s3Endpoint, URI sqsEndpoint, Path stateDir,
                             Map<String, String> extra) {
        this.values = values;
        this.dynamoEndpoint = dynamoEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.sqsEndpoint = sqsEndpoint;
        this.stateDir = stateDir;
        this.extra = Map.copyOf(extra);
    }

    Map<String, String> of(SamTemplate.FunctionDefinition definition) {
        Map<String, String> env = new LinkedHashMap<>(values.resolveVariables(definition.environment()));
        env.put("AWS_REGION", LocalStack.REGION);
        env.put("AWS_DEFAULT_REGION", LocalStack.REGION);
        env.put("AWS_ACCESS_KEY_ID", DynamoDbLocalServer.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", DynamoDbLocalServer.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(intValue(definition.memorySize(), 1024)));
        env.put("BEATS_LOCAL", "true");
        env.put("BEATS_STATE_DIR", stateDir.toString());
        env.put("DJL_OFFLINE", "true");
        env.put("DJL_CACHE_DIR", stateDir.resolve("djl").toString());
        env.put("MODEL_CACHE_DIR", stateDir.resolve("model-cache").toString());
        env.putAll(ProviderSettings.forFunctions(System.getenv()));
        env.putAll(extra);
        return env;
    }

    /** A number the template gives (MemorySize, Timeout), resolved; the fallback when it is absent or not a number. */
    int intValue(Object templateValue, int fallback) {
        String text = values.resolveString(templateValue);
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Parameters take {@code BEATS_PARAM_<Name>} from the process environment, else their Default; one
     * without either (a secret, say) is empty locally rather than stopping every function.
     */
    static Map<String, String> parameterOverrides(SamTemplate template, Map<String, String> processEnvironment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> {
            String fromEnvironment = processEnvironment.get("BEATS_PARAM_" + name);
            if (fromEnvironment != null) {
                overrides.put(name, fromEnvironment);
            } else if (parameter.defaultValue().isEmpty()) {
                overrides.put(name, "");
            }
        });
        return overrides;
    }
}

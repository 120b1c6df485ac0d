package com.runtothebeats.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.config.Configuration;

class FunctionMetricsTest {

    @Test
    void offLambdaTheMetricDocumentsNameTheServiceInsteadOfLoggingUnknownName() {
        FunctionMetrics.create(LambdaEnvironment.of(Map.of("POWERTOOLS_SERVICE_NAME", "beats-metrics-test")));

        // EMF's local environment logs "Unknown name"/"Unknown type" when these are empty
        Configuration emf = EnvironmentConfigurationProvider.getConfig();
        assertEquals("beats-metrics-test", emf.getServiceName().orElse(null));
        assertEquals("AWS::Lambda::Function", emf.getServiceType().orElse(null));
    }
}

package com.runtothebeats.lambda;

import software.amazon.cloudwatchlogs.emf.config.Configuration;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;

/**
 * The Powertools metrics instance a handler emits to (CloudWatch embedded metric format in the log).
 * Handlers call {@link Metrics#flush()} at the end of each invocation themselves: we do not weave the
 * {@code @FlushMetrics} aspect.
 */
public final class FunctionMetrics {

    private FunctionMetrics() {
    }

    public static Metrics create(LambdaEnvironment environment) {
        String service = environment.get("POWERTOOLS_SERVICE_NAME", "run-to-the-beats");
        // Outside Lambda the EMF library would otherwise probe the EC2 metadata endpoint and then a
        // CloudWatch agent on TCP; offline we want the metric documents printed like on Lambda.
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null && System.getenv("AWS_EMF_ENVIRONMENT") == null) {
            Configuration emf = EnvironmentConfigurationProvider.getConfig();
            emf.setEnvironmentOverride(Environments.Local);
            emf.setServiceType("AWS::Lambda::Function"); // what the documents would say on Lambda
            // without a name EMF's local environment logs "Unknown name" at INFO for every document; one
            // process runs every local function and this configuration is global, so it is the service's name
            emf.setServiceName(service);
        }
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(environment.get("POWERTOOLS_METRICS_NAMESPACE", "RunToTheBeats"));
        metrics.setDefaultDimensions(DimensionSet.of("service", service));
        return metrics;
    }
}

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.providers.googlehealth.WebhookSubscriberRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./beats register-webhook --outputs outputs.json --project P}: registers the deployed stack's webhook
 * ({@code ApiUrl} output + {@code /webhooks/google-health}) as the project's Google Health subscriber
 * (docs/deploy-real-providers.md, step 3.5). The secret and a service account's access token come from the
 * environment, never the command line (shell history).
 */
@Command(name = "register-webhook", mixinStandardHelpOptions = true,
        description = {"Register the deployed webhook as the Google Health subscriber of a Google Cloud project.",
                "Needs GOOGLE_ACCESS_TOKEN (a service account's, cloud-platform scope) and GOOGLE_HEALTH_WEBHOOK_SECRET",
                "(the SSM value, sent by Google as the whole Authorization header). 409 = already registered."})
final class RegisterWebhookCommand implements Callable<Integer> {

    @Option(names = "--outputs", required = true, description = "aws cloudformation describe-stacks --output json, saved to a file")
    Path outputs;

    @Option(names = "--project", required = true, description = "the Google Cloud project id")
    String project;

    @Option(names = "--subscriber-id", defaultValue = "run-to-the-beats", description = "default: ${DEFAULT-VALUE}")
    String subscriberId;

    @Option(names = "--health-api", defaultValue = "https://health.googleapis.com",
            description = "Google Health API base URL (default: ${DEFAULT-VALUE})")
    URI healthApi;

    @Option(names = "--data-types", split = ",", defaultValue = "heart-rate,steps",
            description = "kebab-case data types to be notified of (default: ${DEFAULT-VALUE})")
    java.util.List<String> dataTypes;

    @Override
    public Integer call() throws Exception {
        String token = System.getenv("GOOGLE_ACCESS_TOKEN");
        String secret = System.getenv("GOOGLE_HEALTH_WEBHOOK_SECRET");
        if (token == null || token.isBlank() || secret == null || secret.isBlank()) {
            System.err.println("Set GOOGLE_ACCESS_TOKEN and GOOGLE_HEALTH_WEBHOOK_SECRET (see docs/deploy-real-providers.md).");
            return 2;
        }
        String endpoint = webhookUri(outputs);
        System.out.println("Registering " + endpoint + " with project " + project + " (Google verifies it now)…");
        WebhookSubscriberRegistration.Outcome outcome = new WebhookSubscriberRegistration(healthApi, HttpClient.newHttpClient())
                .register(project, subscriberId, endpoint, secret, token, dataTypes);
        System.out.println(outcome.status() == 409 ? "Already registered (409)." : "Google answered " + outcome.status() + ": " + outcome.body());
        return outcome.registered() ? 0 : 1;
    }

    /** {@code <ApiUrl>/webhooks/google-health} from describe-stacks output. */
    static String webhookUri(Path outputsFile) throws java.io.IOException {
        JsonNode stacks = new ObjectMapper().readTree(outputsFile.toFile()).path("Stacks");
        for (JsonNode output : stacks.path(0).path("Outputs")) {
            if ("ApiUrl".equals(output.path("OutputKey").asText())) {
                return output.path("OutputValue").asText().replaceAll("/+$", "") + "/webhooks/google-health";
            }
        }
        throw new IllegalArgumentException(outputsFile + " has no ApiUrl output: save `aws cloudformation describe-stacks --output json`");
    }
}

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.heartrate.LocalGoogleHealth;
import com.runtothebeats.standins.SamTemplate;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./beats invoke <LogicalId> --event FILE}: the offline {@code sam local invoke}. */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = {"Runs one function of template.yaml on an event, against the local stack.",
                "Prints the response JSON on stdout; logs go to stderr."})
final class InvokeCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Parameters(index = "0", paramLabel = "LogicalId", description = "The function's logical id in template.yaml, e.g. HarvestFunction.")
    String logicalId;

    @Option(names = {"-e", "--event"}, paramLabel = "FILE", description = "The event JSON ('-' for stdin). Default: {}.")
    String event;

    @Override
    public Integer call() throws Exception {
        String eventJson = readEvent();
        // Handlers and Powertools may print to stdout (metrics are printed as EMF JSON); stdout is for the response.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        if (System.getenv("BEATS_DEBUG") == null) {
            FunctionLogFile.quietStandIns(); // stderr keeps the function's own logs
        }
        // the same local settings serve uses: local token key, demo mode without a Spotify app, the Google
        // Health webhook secret from the environment and Google's stand-in (as if serve ran on its default port)
        Map<String, String> environment = new LinkedHashMap<>(LocalDemo.decide(System.getenv(), stack.stateDir(), 3000).environment());
        environment.putAll(LocalGoogleHealth.environment(System.getenv(), 3000));
        // servers start as the function uses them: a function that only reads objects never waits for S3Mock
        LocalStack.Options options = new LocalStack.Options(stack.projectRoot(), stack.stateDir(), false, environment, System.err)
                .startingOnDemand();
        try (LocalStack local = LocalStack.start(options)) {
            SamTemplate template = local.template();
            if (template.resourcesOfType(SamTemplate.FUNCTION).stream().noneMatch(r -> r.logicalId().equals(logicalId))) {
                throw new IllegalArgumentException("template.yaml has no function " + logicalId + "; functions: "
                        + template.functions().stream().map(SamTemplate.FunctionDefinition::logicalId).collect(Collectors.joining(", ")));
            }
            local.startAheadFor(logicalId);
            try {
                String response = local.function(logicalId).invoke(eventJson);
                stdout.println(response == null ? "null" : response);
                return 0;
            } catch (FunctionError e) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.put("errorType", e.errorType());
                error.put("errorMessage", e.getMessage());
                stdout.println(error);
                return 1;
            }
        } finally {
            stdout.flush();
            System.setOut(stdout);
        }
    }

    private String readEvent() throws Exception {
        if (event == null) {
            return "{}";
        }
        if (event.equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Path.of(event);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no event file " + file.toAbsolutePath());
        }
        return Files.readString(file);
    }
}

package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.statemachine.ExecutionListener;
import com.runtothebeats.local.statemachine.Sleeper;
import com.runtothebeats.local.statemachine.StateMachineInterpreter;
import com.runtothebeats.local.statemachine.StatesError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./beats pipeline [--dataset FILE]}: runs the catalog pipeline state machine from its ASL file,
 * task by task, against the local stack, with a line per step and the final counts.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline state machine of template.yaml (its ASL file) on a dataset, locally:",
                "harvest -> transform -> ... with the same handlers as on AWS."})
final class PipelineCommand implements Callable<Integer> {

    static final double DEFAULT_WAIT_SCALE = 0.05;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Mixin
    StackOptions stack;

    @Option(names = {"-d", "--dataset"}, paramLabel = "FILE",
            description = "Dataset CSV. Default: $BEATS_DATASET, else data/spotify_songs.csv, else $BEATS_DATA_DIR/spotify/spotify_songs_train.csv, "
                    + "else ../shared/data/spotify/spotify_songs_train.csv, else the public file downloaded from $BEATS_DATASET_URL into data/.")
    Path dataset;

    @Option(names = "--run-id", description = "Run id (default: the start time, yyyyMMdd'T'HHmmss'Z').")
    String runId;

    @Option(names = "--state-machine", paramLabel = "LogicalId", description = "Which state machine (default: the template's only one).")
    String stateMachine;

    @Option(names = "--wait-scale", defaultValue = "0.05",
            description = "Multiplier for Retry intervals and Wait states (default ${DEFAULT-VALUE}: waits 20x shorter than on AWS).")
    double waitScale;

    @Option(names = {"-v", "--verbose"}, description = "Functions' logs and the stand-ins' output on the terminal too (as BEATS_DEBUG does).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path projectRoot = stack.projectRoot();
        Path source = LocalDataset.find(Optional.ofNullable(dataset), projectRoot, System.getenv(), out);
        String id = runId != null ? runId : RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("runId", id);
        ObjectNode sourceNode = input.putObject("source");
        sourceNode.put("type", "dataset");
        sourceNode.put("location", source.toAbsolutePath().toString());

        // functions' JSON logs, metric documents and the stand-ins' banners go to the log file; progress stays on stdout
        FunctionLogFile logs = FunctionLogFile.divertKeepingStdout(stack.stateDir(), verbose);
        long started = System.nanoTime();
        try (logs; LocalStack local = LocalStack.start(stack.options())) {
            if (!logs.whereLine().isEmpty()) {
                out.println(logs.whereLine());
            }
            String machine = stateMachine != null ? stateMachine : LocalStateMachine.onlyStateMachine(local.template());
            out.printf("Pipeline %s, run %s%n  dataset %s%n  state   %s%n", machine, id, source.toAbsolutePath(), local.stateDir());
            LocalStateMachine runner = new LocalStateMachine(local, machine, Sleeper.scaled(waitScale), new StepLines(out, waitScale));
            JsonNode output = runner.execute(id, input);
            out.printf("Succeeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
            printCounts(out, output);
            out.println(output.toPrettyString());
            return 0;
        } catch (StateMachineInterpreter.ExecutionFailed e) {
            out.printf("Failed in %s after %.1f s: %s%n  %s%n", e.state(), (System.nanoTime() - started) / 1e9, e.error(), e.errorCause());
            return 1;
        }
    }

    /** The counts any step reported, found wherever the state machine put them. */
    private static void printCounts(PrintStream out, JsonNode output) {
        output.findParents("counts").forEach(parent -> out.println("  counts: " + parent.get("counts")));
    }

    /** One line as each step starts, ends, retries or is caught. */
    static final class StepLines implements ExecutionListener {
        private final PrintStream out;
        private final double waitScale;

        /** For runs whose waits use the default scale. */
        StepLines(PrintStream out) {
            this(out, DEFAULT_WAIT_SCALE);
        }

        StepLines(PrintStream out, double waitScale) {
            this.out = out;
            this.waitScale = waitScale;
        }

        @Override
        public void stateEntered(String state, String type, JsonNode input) {
            if (type.equals("Task")) {
                out.printf("  > %-14s ...%n", state);
                out.flush();
            }
        }

        @Override
        public void stateExited(String state, String type, JsonNode output, Duration took) {
            out.printf("  %s %-14s %6.1f s  %s%n", type.equals("Fail") ? "x" : "✓", state, took.toMillis() / 1000.0, summary(output));
            out.flush();
        }

        @Override
        public void retrying(String state, StatesError error, int attempt, Duration delay) {
            out.printf("  ! %-14s %s; retry %d after %.1f s (%.2f s here)%n", state, error.error(), attempt,
                    delay.toMillis() / 1000.0, delay.toMillis() * waitScale / 1000.0);
        }

        @Override
        public void caught(String state, StatesError error, String next) {
            out.printf("  ! %-14s %s: %s -> %s%n", state, error.error(), error.errorCause(), next);
        }

        private static String summary(JsonNode output) {
            JsonNode counts = output.findValue("counts");
            return counts != null ? "counts " + counts : "";
        }
    }
}

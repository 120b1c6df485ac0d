package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.aws.identity.DynamoSessionStore;
import com.runtothebeats.lambda.Json;
import com.runtothebeats.lambda.session.SessionCookies;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./beats recommend}: a playlist for a run from the local catalog. The options become the body of
 * {@code POST /api/recommendations} and go through RecommendFunction itself, so {@code --format json} prints
 * exactly what the API answers, and every validation message is the API's.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds a playlist for a run from the local catalog (run ./beats pipeline first).",
                "Examples:",
                "  ./beats recommend --tempo 170 --minutes 60",
                "  ./beats recommend --heart-rate 150 --ramp 150:175 --minutes 45",
                "  ./beats recommend --cadence 172 --intervals 4x175:2x150 --minutes 40 --format json",
                "  ./beats recommend --tempo 165 --warmup 5 --cooldown 5 --no-explicit --released-from 2010",
                "  ./beats recommend --tempo 165 --genres rock,pop"})
public final class RecommendCommand implements Callable<Integer> {

    static final String FUNCTION = "RecommendFunction";
    private static final Pattern RAMP = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)?\\s*:\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern BLOCK = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*[xX×]\\s*(\\d+(?:\\.\\d+)?)?\\s*");

    @Mixin
    StackOptions stack;

    static final class Target {
        @Option(names = "--tempo", paramLabel = "BPM", description = "Target tempo, 40-240 BPM.")
        Double tempo;

        @Option(names = "--heart-rate", paramLabel = "BPM", description = "Current heart rate: the target is the heart rate, clamped to 100-200.")
        Double heartRate;

        @Option(names = "--cadence", paramLabel = "SPM", description = "Running cadence in steps per minute: one beat per step.")
        Double cadence;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = "--minutes", paramLabel = "MIN", defaultValue = "60", description = "Length of the run, 5-240 (default: ${DEFAULT-VALUE}).")
    double minutes;

    static final class Plan {
        @Option(names = "--ramp", paramLabel = "FROM:TO", description = "Ramp the tempo from FROM to TO BPM over the run (':TO' starts from the target).")
        String ramp;

        @Option(names = "--intervals", paramLabel = "MINxBPM:…",
                description = "Interval blocks, repeated to fill the run: e.g. 4x175:2x150 = 4 min at 175, 2 min at 150, again and again ('3x' uses the target).")
        String intervals;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Plan plan;

    @Option(names = "--seed", paramLabel = "ID", description = "A track id to start from (up to 3, in order; find ids with the web app's search or GET /api/tracks/search?q=).")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--no-fold", description = "Only tracks at their own tempo (no half- or double-time).")
    boolean noFold;

    @Option(names = "--beam", paramLabel = "N", description = "Beam width, 1 (greedy) to 64 (default: 8).")
    Integer beam;

    @Option(names = "--tolerance", paramLabel = "BPM", description = "Largest |effective tempo - target| allowed, 0.5-20 (default: 2).")
    Double tolerance;

    @Option(names = "--harmony", paramLabel = "strict|prefer", description = "strict: only Camelot-compatible transitions (default); prefer: any key, at a cost per step.")
    String harmony;

    @Mixin
    RunnerLimitOptions limits;

    @Option(names = "--source", paramLabel = "library|catalog|mix",
            description = "Where tracks come from: the runner's imported library, the catalog, or the library first and the rest from "
                    + "catalog tracks in its style (default: mix when --runner has a library, else catalog).")
    String source;

    @Option(names = "--runner", paramLabel = "ID",
            description = "The runner whose library --source uses (default with --source library or mix: demo-runner, whose library "
                    + "./beats serve's demo imports).")
    String runner;

    @Option(names = {"-v", "--verbose"}, description = "The function's logs and the stand-ins' output on stderr (default: <state>/logs/functions.log).")
    boolean verbose;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "table (default) or json: the API's response body, exactly.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be table or json, was '" + format + "'");
        }
        ObjectNode request = event(body());
        String runnerId = runner != null ? runner : source != null && !source.equals("catalog") ? SessionCookies.DEMO_RUNNER_ID : null;
        PrintStream stdout = System.out;
        JsonNode response;
        // handler logs, metrics and the stand-ins' banners must not mix with the playlist
        try (FunctionLogFile logs = FunctionLogFile.divertKeepingStdout(stack.stateDir(), verbose);
                LocalStack local = LocalStack.start(stack.options().startingOnDemand())) {
            if (runnerId != null) {
                // the runner signs in through the stack's sessions table, as the sign-in callback would
                String cookie = new SessionCookies(new DynamoSessionStore(local.dynamoClient(), local.tableName("SessionsTable")),
                        Duration.ofMinutes(5), Clock.systemUTC(), false).issue(runnerId);
                request.putArray("cookies").add(cookie.substring(0, cookie.indexOf(';')));
            }
            String event = request.toString();
            // with ./beats serve running on this state, its warm RecommendFunction answers
            response = Json.MAPPER.readTree(local.invoke(FUNCTION, event));
        }
        int status = response.path("statusCode").asInt();
        String body = response.path("body").asText();
        if (format.equals("json")) {
            stdout.println(body);
        }
        if (status == 200) {
            if (format.equals("table")) {
                RecommendationTable.print(Json.MAPPER.readTree(body), stdout);
            }
            return 0;
        }
        JsonNode error = Json.MAPPER.readTree(body).path("error");
        String message = error.path("message").asText();
        if (error.path("code").asText().equals("catalog_unavailable")) {
            spec.commandLine().getErr().println("beats recommend: there is no catalog in " + stack.stateDir()
                    + " yet. Run ./beats pipeline first (it imports the dataset into the local tracks table).");
            return 3;
        }
        String option = optionFor(error.path("field").asText(null));
        spec.commandLine().getErr().println("beats recommend: " + message + (option == null ? "" : " [" + option + "]"));
        return status == 400 || status == 422 ? 2 : 1;
    }

    /** The request body the options describe (docs/contracts.md, "Recommendations API"). */
    ObjectNode body() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        if (target != null) {
            ObjectNode t = body.putObject("target");
            if (target.tempo != null) {
                t.put("type", "tempo").put("bpm", target.tempo);
            } else if (target.heartRate != null) {
                t.put("type", "heartRate").put("bpm", target.heartRate);
            } else if (target.cadence != null) {
                t.put("type", "cadence").put("stepsPerMinute", target.cadence);
            }
        }
        if (plan != null && plan.ramp != null) {
            Matcher m = RAMP.matcher(plan.ramp);
            if (!m.matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--ramp takes FROM:TO in BPM, e.g. 150:175, was '" + plan.ramp + "'");
            }
            ObjectNode p = body.putObject("plan").put("type", "ramp");
            if (m.group(1) != null) {
                p.put("fromBpm", Double.parseDouble(m.group(1)));
            }
            p.put("toBpm", Double.parseDouble(m.group(2)));
        } else if (plan != null && plan.intervals != null) {
            ArrayNode blocks = body.putObject("plan").put("type", "intervals").putArray("blocks");
            for (String part : plan.intervals.split("[:,]")) {
                Matcher m = BLOCK.matcher(part);
                if (!m.matches()) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--intervals takes MINxBPM blocks separated by ':', e.g. 4x175:2x150, but '" + part + "' is not one");
                }
                ObjectNode block = blocks.addObject().put("minutes", Double.parseDouble(m.group(1)));
                if (m.group(2) != null) {
                    block.put("bpm", Double.parseDouble(m.group(2)));
                }
            }
        } else {
            body.putObject("plan").put("type", "steady");
        }
        body.put("minutes", minutes);
        if (!seeds.isEmpty()) {
            ArrayNode ids = body.putArray("seedTrackIds");
            seeds.forEach(ids::add);
        }
        ObjectNode options = body.putObject("options").put("fold", !noFold);
        if (beam != null) {
            options.put("beamWidth", beam);
        }
        if (tolerance != null) {
            options.put("tempoToleranceBpm", tolerance);
        }
        if (harmony != null) {
            options.put("harmony", harmony.toLowerCase(Locale.ROOT));
        }
        limits.addTo(body, options);
        if (source != null) {
            body.put("source", source.toLowerCase(Locale.ROOT));
        }
        return body;
    }

    /** An HTTP API (payload v2) event for {@code POST /api/recommendations} carrying {@code body}. */
    static ObjectNode event(ObjectNode body) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /api/recommendations");
        event.put("rawPath", "/api/recommendations");
        event.put("rawQueryString", "");
        event.putObject("headers").put("content-type", "application/json").put("user-agent", "beats-cli");
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", "POST /api/recommendations").put("stage", "$default").put("requestId", "cli-" + System.nanoTime());
        context.putObject("http").put("method", "POST").put("path", "/api/recommendations").put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "beats-cli");
        event.put("body", body.toString());
        event.put("isBase64Encoded", false);
        return event;
    }

    /** The CLI option behind a request field the API named. */
    static String optionFor(String field) {
        if (field == null) {
            return null;
        }
        Map<String, String> options = Map.ofEntries(
                Map.entry("minutes", "--minutes"), Map.entry("target", "--tempo, --heart-rate or --cadence"),
                Map.entry("target.stepsPerMinute", "--cadence"), Map.entry("plan.fromBpm", "--ramp"), Map.entry("plan.toBpm", "--ramp"),
                Map.entry("options.beamWidth", "--beam"), Map.entry("options.tempoToleranceBpm", "--tolerance"),
                Map.entry("options.harmony", "--harmony"), Map.entry("options.energyFloor", "--energy-floor"),
                Map.entry("warmupMinutes", "--warmup"), Map.entry("cooldownMinutes", "--cooldown"),
                Map.entry("exclude.explicit", "--no-explicit"), Map.entry("releasedFrom", "--released-from"),
                Map.entry("releasedTo", "--released-to"), Map.entry("energy.min", "--energy-min"), Map.entry("energy.max", "--energy-max"),
                Map.entry("genres", "--genres"), Map.entry("source", "--source"), Map.entry("options.fold", "--no-fold"));
        if (options.containsKey(field)) {
            return options.get(field);
        }
        if (field.equals("target.bpm")) {
            return "--tempo or --heart-rate";
        }
        if (field.startsWith("plan.blocks") || field.equals("plan")) {
            return field.equals("plan") ? "--ramp or --intervals" : "--intervals";
        }
        if (field.startsWith("seedTrackIds")) {
            return "--seed";
        }
        if (field.startsWith("exclude.artists")) {
            return "--exclude-artist";
        }
        if (field.startsWith("exclude.trackIds")) {
            return "--exclude-track";
        }
        return null;
    }
}

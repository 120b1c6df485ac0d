package com.runtothebeats.local;

import com.runtothebeats.standins.OnDemandListener;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.standins.TemplateValues;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The offline counterpart of the deployed stack: DynamoDB Local with on-disk tables and an S3 stand-in,
 * both under one state directory, the template's tables and buckets created in them, and every function of
 * template.yaml runnable in this JVM with the environment the template gives it (resolved to local names)
 * plus what points the AWS SDK at the stand-ins.
 *
 * <p>When another {@code ./beats} process already runs a stack on the same state directory (say
 * {@code serve} while you run {@code pipeline}), this one attaches to its servers instead of opening the
 * same files twice; {@code stack.json} in the state directory says where they are.
 */
public final class LocalStack implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "beats-local";
    private static final String STACK_FILE = "stack.json";

    /**
     * @param projectRoot where template.yaml and statemachine/ live
     * @param stateDir    where tables and objects are kept between runs
     * @param inMemory    tables in memory and no attaching (tests)
     * @param environment extra variables for every function, overriding the template's (tests, local secrets)
     */
    public record Options(Path projectRoot, Path stateDir, boolean inMemory, Map<String, String> environment, PrintStream log,
                          boolean onDemand) {
        public Options {
            environment = Map.copyOf(environment);
        }

        /** Every server started up front (serve, pipeline, tests). */
        public Options(Path projectRoot, Path stateDir, boolean inMemory, Map<String, String> environment, PrintStream log) {
            this(projectRoot, stateDir, inMemory, environment, log, false);
        }

        public static Options forProject(Path projectRoot, Path stateDir) {
            return new Options(projectRoot, stateDir, false, Map.of(), System.err);
        }

        /**
         * For a command that mostly reads (recommend, the model commands, invoke): objects are read from the
         * state's files and S3Mock starts only on a write; DynamoDB Local starts on the first connection to it.
         */
        public Options startingOnDemand() {
            return new Options(projectRoot, stateDir, inMemory, environment, log, true);
        }
    }

    private final Options options;
    private final SamTemplate template;
    /** What this process started (closed in reverse order); empty when it uses another process's stack. */
    private final List<AutoCloseable> servers;
    private final URI dynamoEndpoint;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;
    /** Another process's Lambda Invoke API when this stack is attached to it ({@link #invoke}), else null. */
    private final URI lambdaEndpoint;
    /** Built on first use ({@link #dynamoClient()}): a command that never touches a table never loads the DynamoDB client. */
    private DynamoDbClient dynamoClient;
    private final Map<String, String> tableNames;
    private final TemplateValues values;
    private final LocalFunctionEnvironment environment;
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
    /** What this process wrote to stack.json when it published the stack; null when it did not (and removes nothing). */
    private RunningStack record;

    private LocalStack(Options options, SamTemplate template, LocalServers started, URI lambdaEndpoint) {
        this.options = options;
        this.lambdaEndpoint = lambdaEndpoint;
        this.template = template;
        this.servers = new ArrayList<>(started.servers());
        this.dynamoEndpoint = started.dynamo();
        this.s3Endpoint = started.s3();
        this.sqsEndpoint = started.sqs();
        this.tableNames = started.tablesReady() ? tableNames(template) : TemplateTables.createAll(dynamoClient(), template, id -> id);
        this.values = new TemplateValues(template, LocalFunctionEnvironment.parameterOverrides(template, System.getenv()),
                new LocalResourceNames(template, sqsEndpoint, s3Endpoint, this::dynamoClient), REGION, ACCOUNT_ID, STACK_NAME);
        this.environment = new LocalFunctionEnvironment(values, dynamoEndpoint, s3Endpoint, sqsEndpoint, stateDir(),
                options.environment());
    }

    public static LocalStack start(Options options) {
        long started = System.nanoTime();
        SamTemplate template = SamTemplate.load(options.projectRoot().resolve("template.yaml"));
        List<String> buckets = template.resourcesOfType("AWS::S3::Bucket").stream().map(r -> bucketName(r.logicalId())).toList();
        Path state = options.stateDir().toAbsolutePath();
        if (!options.inMemory()) {
            Optional<LocalStack> running = attach(options, template);
            if (running.isPresent()) {
                return running.get();
            }
        }
        // an on-demand stack publishes nothing in stack.json: a short command's servers must not become another's
        LocalStack stack = options.onDemand() && !options.inMemory()
                ? new LocalStack(options, template, LocalServers.startOnDemand(options, template, buckets, state), null)
                : startAll(options, template, buckets, state);
        options.log().printf("Local stack on %s ready in %d ms (%s)%n", state, (System.nanoTime() - started) / 1_000_000,
                stack.record != null ? "every server started" : "servers start on first use");
        return stack;
    }

    private static LocalStack startAll(Options options, SamTemplate template, List<String> buckets, Path state) {
        LocalServers started = LocalServers.startAll(options, template, buckets, state);
        boolean publish = !options.inMemory();
        LocalStack stack = new LocalStack(options, template, started, null);
        if (publish) {
            // another ./beats on this state invokes functions here, in their warm containers
            LocalLambdaApi lambda = LocalLambdaApi.start(id -> template.resourcesOfType(SamTemplate.FUNCTION).stream()
                    .anyMatch(r -> r.logicalId().equals(id)), stack::function, options.log());
            stack.servers.add(lambda);
            stack.record = new RunningStack(ProcessHandle.current().pid(), started.dynamo(), started.s3(), started.sqs(),
                    lambda.endpoint(), null);
            stack.record.write(state.resolve(STACK_FILE));
        }
        return stack;
    }

    /** Tables go by their logical ids locally. */
    private static Map<String, String> tableNames(SamTemplate template) {
        Map<String, String> names = new LinkedHashMap<>();
        template.tables().forEach(table -> names.put(table.logicalId(), table.logicalId()));
        return names;
    }

    /** The stack another {@code ./beats} process runs on the options' state directory, if one does. */
    public static Optional<LocalStack> attach(Options options) {
        return attach(options, SamTemplate.load(options.projectRoot().resolve("template.yaml")));
    }

    private static Optional<LocalStack> attach(Options options, SamTemplate template) {
        Path state = options.stateDir().toAbsolutePath();
        return RunningStack.read(state.resolve(STACK_FILE)).map(running -> {
            options.log().println("Using the local stack already running on " + state + " (pid " + running.pid() + ")");
            // the process running it created the template's tables when it started
            return new LocalStack(options, template,
                    new LocalServers(List.of(), running.dynamo(), running.s3(), running.sqs(), true), running.lambda());
        });
    }

    /** Records in stack.json where the product's HTTP API listens, so a second {@code ./beats} finds {@code serve}. */
    public synchronized void announceApi(URI endpoint) {
        if (record != null) {
            record = record.withApi(endpoint);
            record.write(stateDir().resolve(STACK_FILE));
        }
    }

    /** The HTTP API of the {@code ./beats serve} running on {@code stateDir}, if one runs there (its stack.json says). */
    public static Optional<URI> runningApi(Path stateDir) {
        return RunningStack.read(stateDir.toAbsolutePath().resolve(STACK_FILE)).map(RunningStack::api);
    }

    public SamTemplate template() {
        return template;
    }

    public TemplateValues values() {
        return values;
    }

    public Path projectRoot() {
        return options.projectRoot();
    }

    public Path stateDir() {
        return options.stateDir().toAbsolutePath();
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    /** A new client on the local SQS stand-in (the caller closes it). */
    public SqsClient sqsClient() {
        return LocalAwsClients.sqs(sqsEndpoint);
    }

    /** A client on the local DynamoDB (shared; do not close). */
    public synchronized DynamoDbClient dynamoClient() {
        if (dynamoClient == null) {
            dynamoClient = LocalAwsClients.dynamoDb(dynamoEndpoint);
        }
        return dynamoClient;
    }

    public DynamoDbStreamsClient streamsClient() {
        return LocalAwsClients.dynamoDbStreams(dynamoEndpoint);
    }

    public String tableName(String logicalId) {
        return tableNames.get(logicalId);
    }

    public static String bucketName(String logicalId) {
        // S3 names are lower-case DNS labels: DataBucket -> beats-local-data-bucket
        return STACK_NAME + "-" + logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public static String functionArn(String logicalId) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + logicalId;
    }

    /**
     * Runs a template function on an event: in the process that runs the stack this one is attached to (its warm
     * containers: {@code ./beats serve}), else here ({@link #function}).
     */
    public String invoke(String logicalId, String eventJson) throws FunctionError {
        return lambdaEndpoint != null
                ? LocalLambdaApi.invoke(lambdaEndpoint, logicalId, eventJson)
                : function(logicalId).invoke(eventJson);
    }

    /** A template function, ready to invoke; built once and shared (it pools its containers). */
    public LocalFunction function(String logicalId) {
        return functions.computeIfAbsent(logicalId, id -> {
            SamTemplate.FunctionDefinition definition = template.function(id);
            return new LocalFunction(definition, environmentFor(definition), functionArn(id),
                    environment.intValue(definition.memorySize(), 1024), environment.intValue(definition.timeout(), 30),
                    Thread.currentThread().getContextClassLoader(), options.log());
        });
    }

    /**
     * Starts, in the background, the servers {@code logicalId} will use that start on demand: DynamoDB Local when
     * its environment names a table, so the server comes up while the function initialises rather than after.
     */
    public void startAheadFor(String logicalId) {
        boolean usesTables = function(logicalId).environment().values().stream().anyMatch(tableNames.values()::contains);
        if (usesTables) {
            servers.stream().filter(OnDemandListener.class::isInstance).map(OnDemandListener.class::cast)
                    .forEach(OnDemandListener::startInBackground);
        }
    }

    /**
     * What the function sees as its environment ({@link LocalFunctionEnvironment}): the template's, the AWS SDK
     * pointed at the stand-ins, local-only settings, provider variables and the options' extra variables.
     */
    public Map<String, String> environmentFor(SamTemplate.FunctionDefinition definition) {
        return environment.of(definition);
    }

    public static String stateMachineArn(String logicalId) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT_ID + ":stateMachine:" + logicalId;
    }

    @Override
    public synchronized void close() {
        if (dynamoClient != null) {
            dynamoClient.close();
        }
        if (record != null) {
            try {
                Files.deleteIfExists(stateDir().resolve(STACK_FILE));
            } catch (IOException e) {
                options.log().println("could not remove " + stateDir().resolve(STACK_FILE) + ": " + e.getMessage());
            }
        }
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (Exception e) {
                options.log().println("could not stop a local server: " + e);
            }
        }
    }
}

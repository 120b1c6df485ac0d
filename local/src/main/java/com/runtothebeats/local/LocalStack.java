package com.runtothebeats.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.standins.DynamoDbLocalServer;
import com.runtothebeats.standins.OnDemandListener;
import com.runtothebeats.standins.OnDemandS3StandIn;
import com.runtothebeats.standins.S3StandIn;
import com.runtothebeats.standins.SqsStandIn;
import com.runtothebeats.standins.TemplateQueues;
import com.runtothebeats.standins.SamTemplate;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.standins.TemplateValues;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
    private final boolean published;

    private LocalStack(Options options, SamTemplate template, List<AutoCloseable> servers, boolean published,
                       URI dynamoEndpoint, URI s3Endpoint, URI sqsEndpoint, URI lambdaEndpoint, boolean tablesReady) {
        this.options = options;
        this.lambdaEndpoint = lambdaEndpoint;
        this.template = template;
        this.servers = new ArrayList<>(servers);
        this.published = published;
        this.dynamoEndpoint = dynamoEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.sqsEndpoint = sqsEndpoint;
        this.tableNames = tablesReady ? tableNames(template) : TemplateTables.createAll(dynamoClient(), template, id -> id);
        this.values = new TemplateValues(template, parameterOverrides(template), new LocalResourceNames(), REGION, ACCOUNT_ID, STACK_NAME);
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
        LocalStack stack = options.onDemand() && !options.inMemory()
                ? startOnDemand(options, template, buckets, state)
                : startAll(options, template, buckets, state);
        options.log().printf("Local stack on %s ready in %d ms (%s)%n", state, (System.nanoTime() - started) / 1_000_000,
                stack.published ? "every server started" : "servers start on first use");
        return stack;
    }

    private static LocalStack startAll(Options options, SamTemplate template, List<String> buckets, Path state) {
        // the two servers start side by side: S3Mock (Spring Boot) takes seconds to come up
        CompletableFuture<S3StandIn> s3Start = CompletableFuture.supplyAsync(() -> S3StandIn.start(state.resolve("s3"), 0, buckets));
        DynamoDbLocalServer dynamo;
        try {
            dynamo = options.inMemory()
                    ? DynamoDbLocalServer.inMemory()
                    : DynamoDbLocalServer.onDisk(state.resolve("dynamodb"), 0);
        } catch (RuntimeException e) {
            s3Start.thenAccept(S3StandIn::close);
            throw e;
        }
        S3StandIn s3;
        try {
            s3 = s3Start.join();
        } catch (CompletionException e) {
            dynamo.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        SqsStandIn sqs = queues(options, template, state);
        boolean publish = !options.inMemory();
        List<AutoCloseable> servers = new ArrayList<>(List.of(dynamo, s3, sqs));
        LocalStack stack = new LocalStack(options, template, servers, publish, dynamo.endpoint(), s3.endpoint(),
                sqs.endpoint(), null, false);
        if (publish) {
            // another ./beats on this state invokes functions here, in their warm containers
            LocalLambdaApi lambda = LocalLambdaApi.start(id -> template.resourcesOfType(SamTemplate.FUNCTION).stream()
                    .anyMatch(r -> r.logicalId().equals(id)), stack::function, options.log());
            stack.servers.add(lambda);
            new RunningStack(ProcessHandle.current().pid(), dynamo.endpoint(), s3.endpoint(), sqs.endpoint(), lambda.endpoint())
                    .write(state.resolve(STACK_FILE));
        }
        return stack;
    }

    /**
     * Objects answered from the state's files, S3Mock and DynamoDB Local started only when a request needs them.
     * Nothing is published in {@code stack.json}: a short command's servers must not become another's.
     */
    private static LocalStack startOnDemand(Options options, SamTemplate template, List<String> buckets, Path state) {
        OnDemandS3StandIn s3 = OnDemandS3StandIn.start(state.resolve("s3"), buckets);
        OnDemandListener dynamo = OnDemandListener.start("dynamodb", () -> {
            long started = System.nanoTime();
            DynamoDbLocalServer server = DynamoDbLocalServer.onDisk(state.resolve("dynamodb"), 0);
            try (DynamoDbClient client = dynamoClient(server.endpoint())) {
                TemplateTables.createAll(client, template, id -> id);
            }
            options.log().printf("DynamoDB Local started on first use in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            return new OnDemandListener.Backend() {
                @Override
                public URI endpoint() {
                    return server.endpoint();
                }

                @Override
                public void close() {
                    server.close();
                }
            };
        });
        SqsStandIn sqs = queues(options, template, state);
        return new LocalStack(options, template, List.of(dynamo, s3, sqs), false, dynamo.endpoint(), s3.endpoint(),
                sqs.endpoint(), null, true);
    }

    /** The template's queues, kept as files beside the tables so a queued message survives a restart. */
    private static SqsStandIn queues(Options options, SamTemplate template, Path state) {
        return SqsStandIn.start(TemplateQueues.queues(template),
                options.inMemory() ? Optional.empty() : Optional.of(state.resolve("sqs")), 0, REGION);
    }

    private static DynamoDbClient dynamoClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
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
            return new LocalStack(options, template, List.of(), false, running.dynamo(), running.s3(), running.sqs(),
                    running.lambda(), true);
        });
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
        return SqsClient.builder()
                .endpointOverride(sqsEndpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A client on the local DynamoDB (shared; do not close). */
    public synchronized DynamoDbClient dynamoClient() {
        if (dynamoClient == null) {
            dynamoClient = dynamoClient(dynamoEndpoint);
        }
        return dynamoClient;
    }

    public DynamoDbStreamsClient streamsClient() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoEndpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
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
                    intValue(definition.memorySize(), 1024), intValue(definition.timeout(), 30),
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
     * What the function sees as its environment: the template's (Globals merged, intrinsics resolved to
     * local names), the AWS SDK pointed at the stand-ins with dummy credentials, local-only settings, and
     * the provider variables from the process environment ({@link ProviderSettings}: plain documented names,
     * then {@code BEATS_ENV_<NAME>}) and finally the options' extra variables.
     */
    public Map<String, String> environmentFor(SamTemplate.FunctionDefinition definition) {
        Map<String, String> env = new LinkedHashMap<>(values.resolveVariables(definition.environment()));
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", DynamoDbLocalServer.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", DynamoDbLocalServer.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(intValue(definition.memorySize(), 1024)));
        env.put("BEATS_LOCAL", "true");
        env.put("BEATS_STATE_DIR", stateDir().toString());
        env.put("DJL_OFFLINE", "true");
        env.put("DJL_CACHE_DIR", stateDir().resolve("djl").toString());
        env.put("MODEL_CACHE_DIR", stateDir().resolve("model-cache").toString());
        env.putAll(ProviderSettings.forFunctions(System.getenv()));
        env.putAll(options.environment());
        return env;
    }

    private int intValue(Object templateValue, int fallback) {
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
    private static Map<String, String> parameterOverrides(SamTemplate template) {
        Map<String, String> overrides = new LinkedHashMap<>();
        template.parameters().forEach((name, parameter) -> {
            String fromEnvironment = System.getenv("BEATS_PARAM_" + name);
            if (fromEnvironment != null) {
                overrides.put(name, fromEnvironment);
            } else if (parameter.defaultValue().isEmpty()) {
                overrides.put(name, "");
            }
        });
        return overrides;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(DynamoDbLocalServer.ACCESS_KEY_ID, DynamoDbLocalServer.SECRET_ACCESS_KEY));
    }

    /** Local names for the template's resources: what {@code !Ref} and {@code !GetAtt} become here. */
    private final class LocalResourceNames implements TemplateValues.ResourceNames {
        @Override
        public String ref(String logicalId) {
            return switch (typeOf(logicalId)) {
                case "AWS::S3::Bucket" -> bucketName(logicalId);
                case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" -> stateMachineArn(logicalId);
                case "AWS::Serverless::HttpApi" -> "local";
                case TemplateQueues.QUEUE -> SqsStandIn.queueUrl(sqsEndpoint, logicalId);
                default -> logicalId; // tables and functions are called by their logical ids
            };
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            String type = typeOf(logicalId);
            return switch (type + "." + attribute) {
                case "AWS::DynamoDB::Table.Arn" -> "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + logicalId;
                case "AWS::DynamoDB::Table.StreamArn" -> dynamoClient().describeTable(b -> b.tableName(logicalId)).table().latestStreamArn();
                case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + bucketName(logicalId);
                case "AWS::S3::Bucket.DomainName", "AWS::S3::Bucket.RegionalDomainName" -> s3Endpoint.getAuthority();
                case "AWS::Serverless::Function.Arn" -> functionArn(logicalId);
                case "AWS::Serverless::StateMachine.Arn" -> stateMachineArn(logicalId);
                case "AWS::Serverless::StateMachine.Name" -> logicalId;
                case TemplateQueues.QUEUE + ".Arn" -> SqsStandIn.queueArn(REGION, logicalId);
                case TemplateQueues.QUEUE + ".QueueName" -> logicalId;
                case TemplateQueues.QUEUE + ".QueueUrl" -> SqsStandIn.queueUrl(sqsEndpoint, logicalId);
                default -> attribute.equals("Arn")
                        ? "arn:aws:local:" + REGION + ":" + ACCOUNT_ID + ":" + logicalId
                        : logicalId + "." + attribute;
            };
        }

        private String typeOf(String logicalId) {
            if (logicalId.endsWith("Role") && !template.resources().containsKey(logicalId)) {
                return "AWS::IAM::Role"; // generated by SAM for a function
            }
            return template.resource(logicalId).type();
        }
    }

    public static String stateMachineArn(String logicalId) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT_ID + ":stateMachine:" + logicalId;
    }

    @Override
    public synchronized void close() {
        if (dynamoClient != null) {
            dynamoClient.close();
        }
        if (published) {
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

    /** Where a running stack's servers listen, as recorded in its state directory; lambda: its Invoke API (null when older). */
    record RunningStack(long pid, URI dynamo, URI s3, URI sqs, URI lambda) {
        private static final ObjectMapper JSON = new ObjectMapper();

        static Optional<RunningStack> read(Path file) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            try {
                RunningStack stack = JSON.readValue(file.toFile(), RunningStack.class);
                boolean alive = ProcessHandle.of(stack.pid()).map(ProcessHandle::isAlive).orElse(false);
                if (alive && listening(stack.dynamo()) && listening(stack.s3()) && stack.sqs() != null && listening(stack.sqs())) {
                    return Optional.of(stack.lambda() == null || listening(stack.lambda()) ? stack
                            : new RunningStack(stack.pid(), stack.dynamo(), stack.s3(), stack.sqs(), null));
                }
                Files.deleteIfExists(file); // left behind by a stack that was killed
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        void write(Path file) {
            try {
                Files.createDirectories(file.getParent());
                JSON.writeValue(file.toFile(), this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        private static boolean listening(URI endpoint) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}

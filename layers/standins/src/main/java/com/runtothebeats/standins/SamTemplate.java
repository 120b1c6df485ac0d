package com.runtothebeats.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * template.yaml read as data: what the local stack and the tests need to behave exactly as the deployed
 * system is described (functions with their handlers and environments, HTTP routes, stream subscriptions,
 * the state machine, the tables). Values keep their intrinsics ({@link Intrinsic}); {@link TemplateValues}
 * resolves them to local names.
 */
public final class SamTemplate {

    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String STATE_MACHINE = "AWS::Serverless::StateMachine";
    public static final String TABLE = "AWS::DynamoDB::Table";

    /** Pseudo parameters every template may {@code !Ref}. */
    public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");


    private final Path baseDirectory;
    private final Map<String, Object> document;

    private SamTemplate(Path baseDirectory, Map<String, Object> document) {
        this.baseDirectory = baseDirectory;
        this.document = document;
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + file, e);
        }
    }

    /** {@code baseDirectory} is where relative CodeUri/DefinitionUri paths start (the template's folder). */
    public static SamTemplate parse(String yaml, Path baseDirectory) {
        return new SamTemplate(baseDirectory, CloudFormationYaml.parse(yaml));
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    public Map<String, Object> document() {
        return document;
    }

    // ------------------------------------------------------------------ parameters, conditions, resources

    public record Parameter(String name, String type, Optional<Object> defaultValue) {
    }

    public Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        section("Parameters").forEach((name, value) -> {
            Map<String, Object> properties = asMap(value);
            parameters.put(name, new Parameter(name, String.valueOf(properties.getOrDefault("Type", "String")),
                    Optional.ofNullable(properties.get("Default"))));
        });
        return parameters;
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    public record Resource(String logicalId, String type, Map<String, Object> properties, Map<String, Object> definition) {
        public Optional<Object> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }
    }

    public Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        section("Resources").forEach((id, value) -> {
            Map<String, Object> definition = asMap(value);
            resources.put(id, new Resource(id, String.valueOf(definition.get("Type")), asMap(definition.get("Properties")), definition));
        });
        return resources;
    }

    public Resource resource(String logicalId) {
        Resource resource = resources().get(logicalId);
        if (resource == null) {
            throw new NoSuchElementException("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    // ------------------------------------------------------------------ functions

    /**
     * A function with the Globals applied: {@code environment} is Globals' variables overridden by the
     * function's own; values (also timeout and memory size) still unresolved.
     */
    public record FunctionDefinition(String logicalId, String handler, Object codeUri, String runtime,
                                     Map<String, Object> environment, Object timeout, Object memorySize,
                                     Map<String, Map<String, Object>> events) {

        /** {@code com.example.Handler::handleRequest} → {@code com.example.Handler}. */
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }

        public Optional<String> handlerMethod() {
            int separator = handler.indexOf("::");
            return separator < 0 ? Optional.empty() : Optional.of(handler.substring(separator + 2));
        }
    }

    public List<FunctionDefinition> functions() {
        return resourcesOfType(FUNCTION).stream().map(this::functionOf).toList();
    }

    public FunctionDefinition function(String logicalId) {
        Resource resource = resource(logicalId);
        if (!resource.type().equals(FUNCTION)) {
            throw new NoSuchElementException(logicalId + " is a " + resource.type() + ", not a function");
        }
        return functionOf(resource);
    }

    private FunctionDefinition functionOf(Resource resource) {
        Map<String, Object> globals = asMap(section("Globals").get("Function"));
        Map<String, Object> properties = resource.properties();
        Map<String, Object> environment = new LinkedHashMap<>(variablesOf(globals));
        environment.putAll(variablesOf(properties));
        Object handler = properties.getOrDefault("Handler", globals.get("Handler"));
        if (handler == null) {
            throw new IllegalStateException(resource.logicalId() + " has no Handler");
        }
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        asMap(properties.get("Events")).forEach((name, event) -> events.put(name, asMap(event)));
        return new FunctionDefinition(resource.logicalId(), String.valueOf(handler),
                properties.getOrDefault("CodeUri", globals.get("CodeUri")),
                String.valueOf(properties.getOrDefault("Runtime", globals.getOrDefault("Runtime", "java17"))),
                Collections.unmodifiableMap(environment),
                properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)),
                properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128)),
                events);
    }

    private static Map<String, Object> variablesOf(Map<String, Object> functionProperties) {
        return asMap(asMap(functionProperties.get("Environment")).get("Variables"));
    }

    // ------------------------------------------------------------------ events

    /** An HttpApi route: {@code method} is upper case ({@code ANY} for any), {@code path} as in the template. */
    public record HttpRoute(String functionId, String eventName, String method, String path, Optional<Object> api) {
        /** SAM's default route, used when an HttpApi event names no path. */
        public static final String DEFAULT_PATH = "$default";
    }

    public List<HttpRoute> httpRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            function.events().forEach((name, event) -> {
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> properties = asMap(event.get("Properties"));
                    String method = String.valueOf(properties.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
                    String path = String.valueOf(properties.getOrDefault("Path", HttpRoute.DEFAULT_PATH));
                    routes.add(new HttpRoute(function.logicalId(), name, method, path, Optional.ofNullable(properties.get("ApiId"))));
                }
            });
        }
        return routes;
    }

    /**
     * A DynamoDB stream event source. {@code tableLogicalId} is set when the stream is written as
     * {@code !GetAtt Table.StreamArn}, the only form the local stack can follow. Defaults are Lambda's: retries and
     * record age -1 (no limit), no bisecting, no filter patterns (every record).
     */
    public record StreamSubscription(String functionId, String eventName, Object stream, Optional<String> tableLogicalId,
                                     String startingPosition, int batchSize, int maximumRetryAttempts,
                                     boolean bisectBatchOnFunctionError, int maximumRecordAgeInSeconds,
                                     List<String> filterPatterns, boolean reportBatchItemFailures, boolean enabled) {
    }

    public List<StreamSubscription> streamSubscriptions() {
        List<StreamSubscription> subscriptions = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            function.events().forEach((name, event) -> {
                if ("DynamoDB".equals(event.get("Type"))) {
                    subscriptions.add(TemplateStreamSubscriptionReader.subscriptionOf(function.logicalId(), name, event));
                }
            });
        }
        return subscriptions;
    }

    // ------------------------------------------------------------------ state machines

    public record StateMachineDefinition(String logicalId, Optional<String> definitionUri,
                                         Map<String, Object> definitionSubstitutions, Map<String, Object> events) {
    }

    public List<StateMachineDefinition> stateMachines() {
        return resourcesOfType(STATE_MACHINE).stream().map(resource -> new StateMachineDefinition(resource.logicalId(),
                resource.property("DefinitionUri").filter(String.class::isInstance).map(String.class::cast),
                asMap(resource.properties().get("DefinitionSubstitutions")),
                asMap(resource.properties().get("Events")))).toList();
    }

    // ------------------------------------------------------------------ tables

    public record KeyAttribute(String name, String type) {
    }

    public record Index(String name, KeyAttribute hash, Optional<KeyAttribute> range, String projectionType,
                        List<String> nonKeyAttributes) {
    }

    public record TableDefinition(String logicalId, Optional<Object> tableName, KeyAttribute hash,
                                  Optional<KeyAttribute> range, List<Index> globalIndexes, List<Index> localIndexes,
                                  Optional<String> streamViewType, Optional<String> timeToLiveAttribute) {
    }

    public List<TableDefinition> tables() {
        return resourcesOfType(TABLE).stream().map(TemplateTableReader::tableOf).toList();
    }

    public TableDefinition table(String logicalId) {
        return TemplateTableReader.tableOf(resource(logicalId));
    }

    // ------------------------------------------------------------------ references

    /** Where a template value points: a {@code Ref}, a {@code Fn::GetAtt}, or a {@code ${Name}} inside a {@code Fn::Sub}. */
    public record Reference(String location, String target, Optional<String> attribute) {
    }

    /** Every reference in Resources, Outputs and Conditions, for checking that each one resolves. */
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (String section : List.of("Resources", "Outputs", "Conditions", "Globals")) {
            TemplateReferenceCollector.collect(section, document.get(section), references);
        }
        return references;
    }

    /**
     * Whether a reference can resolve: a parameter, a resource, a pseudo parameter, or a resource SAM
     * generates from ours ({@code <Function>Role}, {@code ServerlessHttpApi}, {@code <StateMachine>Role}).
     */
    public boolean resolves(String target) {
        if (PSEUDO_PARAMETERS.contains(target) || parameters().containsKey(target) || resources().containsKey(target)) {
            return true;
        }
        if (target.equals("ServerlessHttpApi") || target.equals("ServerlessRestApi")) {
            return true;
        }
        return target.endsWith("Role") && resources().containsKey(target.substring(0, target.length() - "Role".length()));
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> section(String name) {
        return asMap(document.get(name));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}

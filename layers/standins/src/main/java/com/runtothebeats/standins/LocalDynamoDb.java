package com.runtothebeats.standins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local for tests, with the template's own tables: one in-memory server per test JVM (started by the
 * first class that registers this, closed when the run ends), and each call of {@link #tables} creates fresh,
 * uniquely named copies of the template tables it names, so tests never share rows and never spell a key schema
 * of their own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalDynamoDb DYNAMO = new LocalDynamoDb();
 *
 * @BeforeEach
 * void freshTables() {
 *     var tables = DYNAMO.tables("RunnersTable", "OAuthStatesTable");
 *     runners = new DynamoRunnerStore(DYNAMO.client(), tables.get("RunnersTable"));
 * }
 * }</pre>
 */
public final class LocalDynamoDb implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDynamoDb.class);
    private static final AtomicInteger GENERATION = new AtomicInteger();

    private volatile Running running;

    /** The server and its client, closed by JUnit with the root context (the end of the run). */
    private record Running(DynamoDbLocalServer server, DynamoDbClient client, SamTemplate template) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> {
            DynamoDbLocalServer server = DynamoDbLocalServer.inMemory();
            return new Running(server, server.client(), SamTemplate.load(ProjectFiles.template()));
        }, Running.class);
    }

    public DynamoDbClient client() {
        return started().client();
    }

    public DynamoDbLocalServer server() {
        return started().server();
    }

    /**
     * Creates a fresh copy of each named template table (logical ids, e.g. {@code "RunnersTable"}), with its keys,
     * indexes, stream and TTL as template.yaml declares them.
     *
     * @return logical id → the created table's name
     */
    public Map<String, String> tables(String... logicalIds) {
        Running r = started();
        int generation = GENERATION.incrementAndGet();
        Map<String, String> names = new LinkedHashMap<>();
        for (String logicalId : logicalIds) {
            String name = logicalId + "-" + generation;
            TemplateTables.create(r.client(), r.template().table(logicalId), name);
            names.put(logicalId, name);
        }
        return names;
    }

    /** The name of a fresh copy of one template table. */
    public String table(String logicalId) {
        return tables(logicalId).get(logicalId);
    }

    private Running started() {
        if (running == null) {
            throw new IllegalStateException("register LocalDynamoDb with @RegisterExtension on a static field");
        }
        return running;
    }
}

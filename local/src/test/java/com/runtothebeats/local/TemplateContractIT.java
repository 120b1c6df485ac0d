package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.standins.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * template.yaml against the built project (runs in {@code verify}, after every function module has packaged
 * its zip): every Handler exists and is a Lambda handler, every reference resolves, every CodeUri and
 * DefinitionUri exists, and every sample event under {@code events/<function-dir>/} is a valid event for its
 * function ({@code <function-dir>} is the folder of the function's CodeUri: functions/harvest → events/harvest).
 */
class TemplateContractIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final SamTemplate TEMPLATE = SamTemplate.load(PROJECT.resolve("template.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE_URI = Pattern.compile("functions/([^/]+)/target/[^/]+\\.zip");

    @TestFactory
    Stream<DynamicTest> everyHandlerExistsAndIsALambdaHandler() {
        return TEMPLATE.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Class<?> handler = Class.forName(function.handlerClass());
            assertTrue(RequestHandler.class.isAssignableFrom(handler) || RequestStreamHandler.class.isAssignableFrom(handler),
                    function.handlerClass() + " implements neither RequestHandler nor RequestStreamHandler");
            handler.getConstructor(); // what Lambda calls
            LocalFunction.handlerMethod(handler, function.handlerMethod().orElse("handleRequest"));
        }));
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        for (SamTemplate.Reference reference : TEMPLATE.references()) {
            if (!TEMPLATE.resolves(reference.target())) {
                unresolved.add(reference.location() + " -> " + reference.target());
            }
        }
        assertEquals(List.of(), unresolved);
    }

    @TestFactory
    Stream<DynamicTest> everyCodeUriIsAPackagedLambdaZip() {
        return TEMPLATE.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            String codeUri = String.valueOf(function.codeUri());
            assertTrue(CODE_URI.matcher(codeUri).matches(), function.logicalId() + ": CodeUri should be functions/<dir>/target/<name>.zip, is " + codeUri);
            Path zip = PROJECT.resolve(codeUri);
            assertTrue(Files.isRegularFile(zip), zip + " does not exist (mvn package builds it)");
            String handlerEntry = function.handlerClass().replace('.', '/') + ".class";
            try (ZipFile file = new ZipFile(zip.toFile())) {
                assertTrue(file.getEntry(handlerEntry) != null, zip + " has no " + handlerEntry + " at its root");
                assertTrue(file.stream().anyMatch(entry -> entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")),
                        zip + " has no dependencies in lib/");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStateMachineDefinitionExistsWithItsSubstitutions() {
        return TEMPLATE.stateMachines().stream().map(machine -> DynamicTest.dynamicTest(machine.logicalId(), () -> {
            Path definition = PROJECT.resolve(machine.definitionUri().orElseThrow());
            assertTrue(Files.isRegularFile(definition), definition + " does not exist");
            String text = Files.readString(definition);
            Matcher variables = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(text);
            while (variables.find()) {
                assertTrue(machine.definitionSubstitutions().containsKey(variables.group(1)),
                        definition + " uses ${" + variables.group(1) + "}, which DefinitionSubstitutions does not define");
            }
            JSON.readTree(text);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleEventParsesAsItsFunctionsEventType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SamTemplate.FunctionDefinition function : TEMPLATE.functions()) {
            Matcher codeUri = CODE_URI.matcher(String.valueOf(function.codeUri()));
            if (!codeUri.matches()) {
                continue; // reported by everyCodeUriIsAPackagedLambdaZip
            }
            Path events = PROJECT.resolve("events").resolve(codeUri.group(1));
            tests.add(DynamicTest.dynamicTest(function.logicalId() + " has sample events", () -> {
                assertTrue(Files.isDirectory(events) && listJson(events).findAny().isPresent(),
                        function.logicalId() + " needs at least one sample event in " + PROJECT.relativize(events));
            }));
            if (!Files.isDirectory(events)) {
                continue;
            }
            try (Stream<Path> files = listJson(events)) {
                files.forEach(file -> tests.add(DynamicTest.dynamicTest(PROJECT.relativize(file).toString(),
                        () -> assertParses(function, file))));
            } catch (IOException e) {
                fail(e);
            }
        }
        return tests.stream();
    }

    private static Stream<Path> listJson(Path dir) throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".json")).sorted();
    }

    /**
     * Deserialises the sample with the serialiser the Lambda runtime uses for the handler's input type, then
     * checks nothing was silently dropped: every field of the sample must survive a round trip, so a
     * misspelt field or a sample meant for another event type fails.
     */
    private static void assertParses(SamTemplate.FunctionDefinition function, Path file) throws Exception {
        Class<?> handler = Class.forName(function.handlerClass());
        if (RequestStreamHandler.class.isAssignableFrom(handler)) {
            JSON.readTree(file.toFile());
            return;
        }
        Type inputType = LocalFunction.handlerMethod(handler, function.handlerMethod().orElse("handleRequest")).getGenericParameterTypes()[0];
        PojoSerializer<Object> serializer = LocalFunction.serializerFor(inputType);
        Object event;
        try (InputStream in = Files.newInputStream(file)) {
            event = serializer.fromJson(in);
        }
        assertTrue(event != null, file + " deserialised to nothing");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        JsonNode original = JSON.readTree(file.toFile());
        JsonNode roundTrip = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        List<String> dropped = new ArrayList<>();
        collectDropped("", original, roundTrip, dropped);
        assertFalse(!dropped.isEmpty(), file + " has fields " + inputType.getTypeName() + " does not know: " + dropped);
    }

    private static void collectDropped(String path, JsonNode original, JsonNode roundTrip, List<String> dropped) {
        if (original.isObject()) {
            Iterator<String> names = original.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode value = original.get(name);
                JsonNode kept = findIgnoringCase(roundTrip, name);
                if (kept == null) {
                    if (!value.isNull()) {
                        dropped.add(path + "/" + name);
                    }
                } else {
                    collectDropped(path + "/" + name, value, kept, dropped);
                }
            }
        } else if (original.isArray() && roundTrip.isArray()) {
            for (int i = 0; i < Math.min(original.size(), roundTrip.size()); i++) {
                collectDropped(path + "[" + i + "]", original.get(i), roundTrip.get(i), dropped);
            }
        }
    }

    /** Lambda's event serialisers write some fields in another case than AWS sends them (eventSourceARN…). */
    private static JsonNode findIgnoringCase(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has(name)) {
            return node.get(name);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return node.get(candidate);
            }
        }
        return null;
    }
}

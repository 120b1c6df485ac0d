package com.runtothebeats.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    static SamTemplate sample() {
        try (InputStream in = SamTemplateTest.class.getResourceAsStream("/sample-template.yaml")) {
            return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of("/project"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void functionsCarryTheirHandlerCodeAndEnvironmentWithGlobalsMerged() {
        SamTemplate.FunctionDefinition function = sample().function("ThingFunction");
        assertEquals("com.example.ThingHandler", function.handlerClass());
        assertEquals(Optional.of("handleRequest"), function.handlerMethod());
        assertEquals("functions/thing/target/thing.zip", function.codeUri());
        assertEquals(30, function.timeout());
        assertEquals("beats", function.environment().get("POWERTOOLS_SERVICE_NAME"));
        assertEquals("from-function", function.environment().get("SHARED"));
        assertEquals(new Intrinsic("Ref", "Things"), function.environment().get("THINGS_TABLE"));
    }

    @Test
    void shortAndLongFormIntrinsicsReadTheSame() {
        Map<String, Object> env = sample().function("ThingFunction").environment();
        assertEquals(new Intrinsic("Fn::GetAtt", List.of("Things", "Arn")), env.get("THINGS_ARN"));
        assertEquals(new Intrinsic("Fn::GetAtt", List.of("Bucket", "Arn")), env.get("LONG_FORM"));
    }

    @Test
    void httpApiEventsBecomeRoutes() {
        List<SamTemplate.HttpRoute> routes = sample().httpRoutes();
        assertEquals(2, routes.size());
        assertEquals("GET", routes.get(0).method());
        assertEquals("/things/{id}", routes.get(0).path());
        assertEquals("ANY", routes.get(1).method());
        assertEquals("/files/{proxy+}", routes.get(1).path());
        assertEquals("ThingFunction", routes.get(1).functionId());
    }

    @Test
    void dynamoDbEventsBecomeStreamSubscriptionsOnTheirTable() {
        SamTemplate.StreamSubscription subscription = sample().streamSubscriptions().get(0);
        assertEquals(Optional.of("Things"), subscription.tableLogicalId());
        assertEquals("LATEST", subscription.startingPosition());
        assertEquals(10, subscription.batchSize());
        assertEquals(3, subscription.maximumRetryAttempts());
        assertTrue(subscription.bisectBatchOnFunctionError());
        assertEquals(120, subscription.maximumRecordAgeInSeconds());
        assertEquals(List.of("{\"eventName\": [\"INSERT\"]}", "{\"eventName\": [\"MODIFY\"]}"), subscription.filterPatterns());
        assertTrue(subscription.reportBatchItemFailures());
    }

    @Test
    void stateMachinesKeepTheirDefinitionFileAndSubstitutions() {
        SamTemplate.StateMachineDefinition machine = sample().stateMachines().get(0);
        assertEquals(Optional.of("statemachine/machine.asl.json"), machine.definitionUri());
        assertEquals(new Intrinsic("Fn::GetAtt", List.of("ThingFunction", "Arn")),
                machine.definitionSubstitutions().get("ThingFunctionArn"));
    }

    @Test
    void tablesHaveTypedKeysIndexesStreamsAndTtl() {
        SamTemplate.TableDefinition things = sample().table("Things");
        assertEquals(new SamTemplate.KeyAttribute("id", "S"), things.hash());
        assertTrue(things.range().isEmpty());
        SamTemplate.Index index = things.globalIndexes().get(0);
        assertEquals("ByBand", index.name());
        assertEquals(new SamTemplate.KeyAttribute("band", "N"), index.hash());
        assertEquals(Optional.of(new SamTemplate.KeyAttribute("at", "S")), index.range());
        assertEquals(List.of("name"), index.nonKeyAttributes());
        assertEquals(Optional.of("NEW_IMAGE"), things.streamViewType());
        assertEquals(Optional.of("expiresAt"), things.timeToLiveAttribute());
        assertEquals(Optional.of(new SamTemplate.KeyAttribute("timestamp", "S")), sample().table("Readings").range());
    }

    @Test
    void referencesIncludeSubVariablesAndAllResolve() {
        SamTemplate template = sample();
        List<SamTemplate.Reference> references = template.references();
        assertTrue(references.stream().anyMatch(r -> r.target().equals("Bucket") && r.location().contains("BUCKET_URL")));
        assertTrue(references.stream().noneMatch(r -> r.target().equals("!Literal") || r.target().equals("Literal")));
        assertTrue(references.stream().anyMatch(r -> r.target().equals("AWS::Region")));
        references.forEach(r -> assertTrue(template.resolves(r.target()), r.toString()));
        assertFalse(template.resolves("Nothing"));
        assertTrue(template.resolves("ThingFunctionRole"));
    }

    @Test
    void unknownIntrinsicTagsAndDuplicateKeysAreRejected() {
        assertThrows(RuntimeException.class, () -> SamTemplate.parse("Resources:\n  A: !Bogus x\n", Path.of(".")));
        assertThrows(RuntimeException.class, () -> SamTemplate.parse("Resources: {}\nResources: {}\n", Path.of(".")));
    }

    @Test
    void theProjectTemplateParses() {
        Path project = Path.of("../../template.yaml");
        SamTemplate template = SamTemplate.load(project);
        assertTrue(template.resources().containsKey("TracksTable"));
        template.references().forEach(r -> assertTrue(template.resolves(r.target()), r.toString()));
    }
}

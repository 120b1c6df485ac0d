package com.runtothebeats.local.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's pipeline ASL (statemachine/pipeline.asl.json) around its promotion gate: Train's output lands
 * at $.train, the Choice on $.train.promote goes to Promote (with the trained version) or ends in NotPromoted.
 * Tasks are answered here with the shapes the real handlers return (their own tests cover those).
 */
class PipelinePromotionGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> states = new ArrayList<>();
    private final List<JsonNode> promoteInputs = new ArrayList<>();

    private JsonNode run(boolean promote) throws Exception {
        String asl = Files.readString(Path.of("..", "statemachine", "pipeline.asl.json"));
        JsonNode definition = StateMachineInterpreter.load(asl, Map.of(
                "HarvestFunctionArn", "harvest", "TransformFunctionArn", "transform",
                "TrainFunctionArn", "train", "PromoteFunctionArn", "promote"));
        TaskInvoker tasks = (resource, input) -> {
            String function = input.get("FunctionName").asText();
            JsonNode payload = input.get("Payload");
            ObjectNode result = JSON.createObjectNode();
            result.set("Payload", switch (function) {
                case "harvest" -> json("{\"runId\":\"r1\",\"rawKey\":\"raw/r1/tracks.csv\",\"manifestKey\":\"raw/r1/manifest.json\",\"counts\":{\"rows\":3}}");
                case "transform" -> json("{\"runId\":\"r1\",\"transformKey\":\"transform/r1/feature-transform.json\","
                        + "\"sequencesKey\":\"transform/r1/sequences.jsonl\",\"reportKey\":\"transform/r1/report.json\",\"counts\":{\"rows\":3}}");
                case "train" -> {
                    assertEquals("transform/r1/sequences.jsonl", payload.get("sequencesKey").asText(), "Train reads Transform's output");
                    yield json("{\"runId\":\"r1\",\"modelVersion\":\"r1-20260124T060312Z\",\"manifestKey\":\"models/r1-20260124T060312Z/manifest.json\","
                            + "\"metrics\":{\"mae\":0.64},\"baselines\":{},\"current\":null,\"promote\":" + promote + ",\"reasons\":[\"because\"]}");
                }
                case "promote" -> {
                    promoteInputs.add(payload);
                    yield json("{\"version\":\"" + payload.get("modelVersion").asText() + "\",\"manifestKey\":\"m\",\"promotedAt\":\"2026-01-24T06:03:12Z\"}");
                }
                default -> throw new IllegalStateException(function);
            });
            return result;
        };
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void stateEntered(String state, String type, JsonNode input) {
                states.add(state);
            }

            @Override
            public void retrying(String state, StatesError error, int attempt, Duration delay) {
            }
        };
        return new StateMachineInterpreter("Pipeline", definition, tasks, delay -> { }, listener)
                .execute("r1", json("{\"source\":{\"type\":\"dataset\",\"location\":\"/data.csv\"}}"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aModelThatPassesTheGateIsPromoted() throws Exception {
        JsonNode output = run(true);
        assertEquals(List.of("Harvest", "Transform", "Train", "PromotionGate", "Promote", "Promoted"), states);
        assertEquals(1, promoteInputs.size());
        assertEquals("r1-20260124T060312Z", promoteInputs.get(0).get("modelVersion").asText());
        assertEquals("r1-20260124T060312Z", output.at("/promoted/version").asText());
        assertEquals(0.64, output.at("/train/metrics/mae").asDouble());
    }

    @Test
    void aModelThatFailsTheGateEndsNotPromoted() throws Exception {
        JsonNode output = run(false);
        assertEquals(List.of("Harvest", "Transform", "Train", "PromotionGate", "NotPromoted"), states);
        assertTrue(promoteInputs.isEmpty(), "Promote is never called");
        assertFalse(output.at("/train/promote").asBoolean());
        assertEquals("because", output.at("/train/reasons/0").asText());
    }
}

package com.runtothebeats.functions.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.playlist.PlaylistOptions;
import com.runtothebeats.core.playlist.RecommendationRequest;
import com.runtothebeats.core.playlist.TrackSource;
import com.runtothebeats.core.playlist.TransitionWeights;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the body of {@code POST /api/recommendations} (README, "Recommendations API") into a
 * {@link RecommendationRequest}. Every fault names the field in the body's own terms, e.g.
 * {@code plan.blocks[1].bpm}, so the API can answer 400 with something a caller can fix.
 */
final class RecommendationRequestReader {

    private RecommendationRequestReader() {
    }

    /**
     * @param current the signed-in runner's suggested target tempo, for {@code {"type":"current"}}; throws
     *                {@link InvalidInputException} when there is none
     */
    static RecommendationRequest read(String body, Supplier<TargetTempo> current) {
        return request(object(body), current);
    }

    /** The body of {@code POST /api/recommendations/alternatives}: {"request", "trackIds", "position", "limit"?}. */
    record AlternativesBody(RecommendationRequest request, List<String> trackIds, int position, int limit) {
    }

    static final int DEFAULT_ALTERNATIVES = 5;

    static AlternativesBody readAlternatives(String body, Supplier<TargetTempo> current) {
        JsonNode root = object(body);
        JsonNode request = root.get("request");
        if (absent(request) || !request.isObject()) {
            throw new InvalidInputException("request", "request must be the body the playlist was recommended for (a JSON object)");
        }
        RecommendationRequest parsed;
        try {
            parsed = request(request, current);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("request." + e.field(), "request." + e.field() + ": " + e.getMessage());
        }
        List<String> ids = strings(root.get("trackIds"), "trackIds", "a track id");
        if (ids == null) {
            throw new InvalidInputException("trackIds", "trackIds is required: the playlist's track ids in order");
        }
        return new AlternativesBody(parsed, ids, whole(root, "position", null), whole(root, "limit", DEFAULT_ALTERNATIVES));
    }

    private static int whole(JsonNode root, String field, Integer fallback) {
        Double value = number(root, field, field);
        if (value == null) {
            if (fallback == null) {
                throw new InvalidInputException(field, field + " is required");
            }
            return fallback;
        }
        if (value != Math.rint(value) || Math.abs(value) > 1_000_000) {
            throw new InvalidInputException(field, field + " must be a whole number, was " + root.get(field));
        }
        return value.intValue();
    }

    private static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "the request body must be a JSON object, e.g. {\"target\":{\"type\":\"tempo\",\"bpm\":170},\"minutes\":60}");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // A limit Jackson enforces (nesting over 1,000 deep, a huge number) reports no location.
            throw new InvalidInputException("body", "the request body is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "the request body must be a JSON object");
        }
        return root;
    }

    private static RecommendationRequest request(JsonNode root, Supplier<TargetTempo> current) {
        TargetTempo target = target(root.get("target"), current);
        TempoPlan.Request plan = plan(root.get("plan"));
        Double minutes = number(root, "minutes", "minutes");
        List<String> seeds = seeds(root.get("seedTrackIds"));
        PlaylistOptions options = options(root.get("options"));
        String source = text(root, TrackSource.FIELD, TrackSource.FIELD);
        return new RecommendationRequest(target, plan, minutes, seeds, options, RunnerLimitsReader.limits(root),
                number(root, "warmupMinutes", "warmupMinutes"), number(root, "cooldownMinutes", "cooldownMinutes"), Set.of(),
                source == null ? null : TrackSource.fromId(source), null);
    }

    static List<String> strings(JsonNode node, String field, String what) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(field, field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidInputException(field + "[" + i + "]", field + "[" + i + "] must be " + what + " (a string)");
            }
            out.add(node.get(i).asText());
        }
        return out;
    }

    private static TargetTempo target(JsonNode node, Supplier<TargetTempo> current) {
        if (absent(node)) {
            return null;
        }
        requireObject(node, "target");
        String type = text(node, "type", "target.type");
        if (type == null) {
            throw new InvalidInputException("target.type", "target.type is required: tempo, heartRate, cadence or current");
        }
        return switch (type) {
            case "tempo" -> TargetTempo.explicit(required(node, "bpm", "target.bpm"), "target.bpm");
            case "heartRate" -> TargetTempo.fromHeartRate(required(node, "bpm", "target.bpm"), "target.bpm");
            case "cadence" -> TargetTempo.fromCadence(required(node, "stepsPerMinute", "target.stepsPerMinute"), "target.stepsPerMinute");
            case "current" -> current.get();
            default -> throw new InvalidInputException("target.type", "target.type must be tempo, heartRate, cadence or current, was '" + type + "'");
        };
    }

    private static TempoPlan.Request plan(JsonNode node) {
        if (absent(node)) {
            return TempoPlan.Request.steady();
        }
        requireObject(node, "plan");
        String type = text(node, "type", "plan.type");
        List<TempoPlan.BlockRequest> blocks = null;
        JsonNode blockNodes = node.get("blocks");
        if (!absent(blockNodes)) {
            if (!blockNodes.isArray()) {
                throw new InvalidInputException("plan.blocks", "plan.blocks must be an array of {\"minutes\":…, \"bpm\":…}");
            }
            blocks = new ArrayList<>();
            for (int i = 0; i < blockNodes.size(); i++) {
                String field = "plan.blocks[" + i + "]";
                JsonNode b = blockNodes.get(i);
                requireObject(b, field);
                blocks.add(new TempoPlan.BlockRequest(number(b, "minutes", field + ".minutes"), number(b, "bpm", field + ".bpm")));
            }
        }
        return new TempoPlan.Request(type, number(node, "fromBpm", "plan.fromBpm"), number(node, "toBpm", "plan.toBpm"), blocks);
    }

    private static List<String> seeds(JsonNode node) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException("seedTrackIds", "seedTrackIds must be an array of track ids");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidInputException("seedTrackIds[" + i + "]", "seedTrackIds[" + i + "] must be a track id (a string)");
            }
            ids.add(node.get(i).asText());
        }
        return ids;
    }

    private static PlaylistOptions options(JsonNode node) {
        PlaylistOptions d = PlaylistOptions.DEFAULTS;
        if (absent(node)) {
            return d;
        }
        requireObject(node, "options");
        boolean fold = d.fold();
        JsonNode foldNode = node.get("fold");
        if (!absent(foldNode)) {
            if (!foldNode.isBoolean()) {
                throw new InvalidInputException("options.fold", "options.fold must be true or false");
            }
            fold = foldNode.asBoolean();
        }
        int width = d.beamWidth();
        Double w = number(node, "beamWidth", "options.beamWidth");
        if (w != null) {
            if (w != Math.rint(w)) {
                throw new InvalidInputException("options.beamWidth", "options.beamWidth must be a whole number, was " + w);
            }
            width = w < Integer.MIN_VALUE || w > Integer.MAX_VALUE ? Integer.MAX_VALUE : w.intValue();
        }
        Double tolerance = number(node, "tempoToleranceBpm", "options.tempoToleranceBpm");
        String harmony = text(node, "harmony", "options.harmony");
        if (harmony != null && !harmony.equals("strict") && !harmony.equals("prefer")) {
            throw new InvalidInputException("options.harmony", "options.harmony must be strict or prefer, was '" + harmony + "'");
        }
        TransitionWeights weights = d.weights();
        JsonNode wn = node.get("weights");
        if (!absent(wn)) {
            requireObject(wn, "options.weights");
            weights = TransitionWeights.of(number(wn, "flow", "options.weights.flow"), number(wn, "key", "options.weights.key"),
                    number(wn, "tempo", "options.weights.tempo"), number(wn, "jump", "options.weights.jump"),
                    number(wn, "fit", "options.weights.fit"), number(wn, "energy", "options.weights.energy"));
        }
        Double floor = number(node, "energyFloor", "options.energyFloor");
        return new PlaylistOptions(fold, width, tolerance != null ? tolerance : d.toleranceBpm(),
                harmony == null ? d.strictHarmony() : harmony.equals("strict"), weights,
                floor != null ? floor : d.energyFloor());
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static void requireObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, field + " must be a JSON object");
        }
    }

    static Double number(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidInputException(field, field + " must be a number, was " + node);
        }
        return node.asDouble();
    }

    private static double required(JsonNode parent, String name, String field) {
        Double value = number(parent, name, field);
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    static String text(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, field + " must be a string, was " + node);
        }
        return node.asText();
    }
}

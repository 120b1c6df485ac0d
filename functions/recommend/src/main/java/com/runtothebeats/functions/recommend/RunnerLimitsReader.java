package com.runtothebeats.functions.recommend;

import static com.runtothebeats.functions.recommend.RecommendationRequestReader.absent;
import static com.runtothebeats.functions.recommend.RecommendationRequestReader.number;
import static com.runtothebeats.functions.recommend.RecommendationRequestReader.requireObject;
import static com.runtothebeats.functions.recommend.RecommendationRequestReader.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.playlist.RunnerLimits;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.List;

/** The runner's limits in a recommendation body, each fault naming its field ({@code exclude.artists[2]}). */
final class RunnerLimitsReader {

    private RunnerLimitsReader() {
    }

    /** {@code exclude}, {@code releasedFrom}/{@code releasedTo}, {@code energy}, {@code genres}: the runner's limits. */
    static RunnerLimits limits(JsonNode root) {
        boolean explicit = false;
        List<String> artists = null;
        List<String> trackIds = null;
        JsonNode exclude = root.get("exclude");
        if (!absent(exclude)) {
            requireObject(exclude, "exclude");
            JsonNode e = exclude.get("explicit");
            if (!absent(e)) {
                if (!e.isBoolean()) {
                    throw new InvalidInputException("exclude.explicit", "exclude.explicit must be true or false");
                }
                explicit = e.asBoolean();
            }
            artists = strings(exclude.get("artists"), "exclude.artists", "an artist name");
            trackIds = strings(exclude.get("trackIds"), "exclude.trackIds", "a track id");
        }
        Double min = null;
        Double max = null;
        JsonNode energy = root.get("energy");
        if (!absent(energy)) {
            requireObject(energy, "energy");
            min = number(energy, "min", "energy.min");
            max = number(energy, "max", "energy.max");
        }
        return RunnerLimits.of(explicit, artists, trackIds, year(root, "releasedFrom"), year(root, "releasedTo"), min, max,
                strings(root.get(RunnerLimits.GENRES), RunnerLimits.GENRES, "a genre label such as \"rock\""));
    }

    private static Integer year(JsonNode root, String field) {
        Double value = number(root, field, field);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > 100_000) {
            throw new InvalidInputException(field, field + " must be a year such as 2010, was " + root.get(field));
        }
        return value.intValue();
    }
}

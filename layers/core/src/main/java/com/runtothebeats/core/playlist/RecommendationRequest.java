package com.runtothebeats.core.playlist;

import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.List;

/**
 * What a runner asks for, already parsed (from the API's JSON body or the CLI's options) but not yet
 * checked against the catalog.
 *
 * @param target  the resolved target tempo, or null when the plan names every tempo
 * @param plan    the plan as asked for (null = steady)
 * @param minutes the run's length, 5–240
 * @param seedTrackIds 0–3 track ids to start from
 */
public record RecommendationRequest(TargetTempo target, TempoPlan.Request plan, Double minutes,
                                    List<String> seedTrackIds, PlaylistOptions options) {

    public RecommendationRequest {
        seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
        options = options == null ? PlaylistOptions.DEFAULTS : options;
    }
}

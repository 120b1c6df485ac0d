package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.List;
import java.util.Set;

/**
 * What a runner asks for, already parsed (from the API's JSON body or the CLI's options) but not yet
 * checked against the catalog.
 *
 * @param target  the resolved target tempo, or null when the plan names every tempo
 * @param plan    the plan as asked for (null = steady)
 * @param minutes the run's length, 5–240
 * @param seedTrackIds 0–3 track ids to start from
 * @param limits       what the runner never wants to hear (exclusions, release years, energy range)
 * @param warmupMinutes   minutes at an easier tempo before the plan (null or 0 = none)
 * @param cooldownMinutes minutes at an easier tempo after it
 * @param bannedSongs  the signed-in runner's banned songs (not from the body: the handler adds them)
 * @param source       where the tracks come from; null = mix when the runner has a library, else catalog
 * @param library      the signed-in runner's library (not from the body: the handler adds it); null when none
 */
public record RecommendationRequest(TargetTempo target, TempoPlan.Request plan, Double minutes,
                                    List<String> seedTrackIds, PlaylistOptions options, RunnerLimits limits,
                                    Double warmupMinutes, Double cooldownMinutes, Set<SongKey> bannedSongs,
                                    TrackSource source, LibraryIndex library) {

    public RecommendationRequest {
        seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
        options = options == null ? PlaylistOptions.DEFAULTS : options;
        limits = limits == null ? RunnerLimits.NONE : limits;
        bannedSongs = bannedSongs == null ? Set.of() : Set.copyOf(bannedSongs);
    }

    /** A request from the catalog's tracks or the default source. */
    public RecommendationRequest(TargetTempo target, TempoPlan.Request plan, Double minutes, List<String> seedTrackIds,
                                 PlaylistOptions options, RunnerLimits limits, Double warmupMinutes, Double cooldownMinutes,
                                 Set<SongKey> bannedSongs) {
        this(target, plan, minutes, seedTrackIds, options, limits, warmupMinutes, cooldownMinutes, bannedSongs, null, null);
    }

    /** A request without limits, warm-up, cool-down or bans. */
    public RecommendationRequest(TargetTempo target, TempoPlan.Request plan, Double minutes,
                                 List<String> seedTrackIds, PlaylistOptions options) {
        this(target, plan, minutes, seedTrackIds, options, RunnerLimits.NONE, null, null, Set.of());
    }

    /** The genre the request asks for when it names exactly one (the ranking model's playlist genre), else null. */
    public String style() {
        return limits.genres().size() == 1 ? limits.genres().iterator().next() : null;
    }

    public RecommendationRequest withBannedSongs(Set<SongKey> banned) {
        return new RecommendationRequest(target, plan, minutes, seedTrackIds, options, limits, warmupMinutes, cooldownMinutes, banned,
                source, library);
    }

    public RecommendationRequest withSource(TrackSource asked) {
        return new RecommendationRequest(target, plan, minutes, seedTrackIds, options, limits, warmupMinutes, cooldownMinutes,
                bannedSongs, asked, library);
    }

    /** The request with the signed-in runner's library (null: they have none). */
    public RecommendationRequest withLibrary(LibraryIndex runnersLibrary) {
        return new RecommendationRequest(target, plan, minutes, seedTrackIds, options, limits, warmupMinutes, cooldownMinutes,
                bannedSongs, source, runnersLibrary);
    }
}

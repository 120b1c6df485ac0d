package com.runtothebeats.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code ./beats recommend}'s warm-up, cool-down and limits, as the request fields they become. */
final class RunnerLimitOptions {

    @Option(names = "--warmup", paramLabel = "MIN", description = "Minutes of warm-up at 90%% of the plan's lowest tempo, with calmer tracks (0-30).")
    Double warmup;

    @Option(names = "--cooldown", paramLabel = "MIN", description = "Minutes of cool-down at 90%% of the plan's lowest tempo, with calmer tracks (0-30).")
    Double cooldown;

    @Option(names = "--no-explicit", description = "Leave out tracks known to have explicit lyrics.")
    boolean noExplicit;

    @Option(names = "--exclude-artist", paramLabel = "NAME", description = "Leave out an artist (repeatable; 'A feat. B' counts as A).")
    List<String> excludeArtists = new ArrayList<>();

    @Option(names = "--exclude-track", paramLabel = "ID", description = "Leave out a track id (repeatable).")
    List<String> excludeTracks = new ArrayList<>();

    @Option(names = "--released-from", paramLabel = "YEAR", description = "Only tracks released in YEAR or later.")
    Integer releasedFrom;

    @Option(names = "--released-to", paramLabel = "YEAR", description = "Only tracks released in YEAR or earlier.")
    Integer releasedTo;

    @Option(names = "--energy-min", paramLabel = "0-1", description = "Lowest energy of any track.")
    Double energyMin;

    @Option(names = "--energy-max", paramLabel = "0-1", description = "Highest energy of any track.")
    Double energyMax;

    @Option(names = "--genres", paramLabel = "G,G", split = ",",
            description = "Only tracks of these catalog genres (comma-separated: pop, rap, rock, latin, r&b, edm).")
    List<String> genres = new ArrayList<>();

    @Option(names = "--energy-floor", paramLabel = "0-1", description = "Lowest energy where you work (steady, ramp, interval work); default 0.5, 0 = off.")
    Double energyFloor;

    /** The runner's limits, warm-up and cool-down (docs/recommender.md). */
    void addTo(ObjectNode body, ObjectNode options) {
        if (energyFloor != null) {
            options.put("energyFloor", energyFloor);
        }
        if (warmup != null) {
            body.put("warmupMinutes", warmup);
        }
        if (cooldown != null) {
            body.put("cooldownMinutes", cooldown);
        }
        if (noExplicit || !excludeArtists.isEmpty() || !excludeTracks.isEmpty()) {
            ObjectNode exclude = body.putObject("exclude");
            if (noExplicit) {
                exclude.put("explicit", true);
            }
            if (!excludeArtists.isEmpty()) {
                excludeArtists.forEach(exclude.putArray("artists")::add);
            }
            if (!excludeTracks.isEmpty()) {
                excludeTracks.forEach(exclude.putArray("trackIds")::add);
            }
        }
        if (!genres.isEmpty()) {
            genres.forEach(body.putArray("genres")::add);
        }
        if (releasedFrom != null) {
            body.put("releasedFrom", releasedFrom);
        }
        if (releasedTo != null) {
            body.put("releasedTo", releasedTo);
        }
        if (energyMin != null || energyMax != null) {
            ObjectNode energy = body.putObject("energy");
            if (energyMin != null) {
                energy.put("min", energyMin);
            }
            if (energyMax != null) {
                energy.put("max", energyMax);
            }
        }
    }
}

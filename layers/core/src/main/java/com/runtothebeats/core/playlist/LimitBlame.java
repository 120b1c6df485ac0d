package com.runtothebeats.core.playlist;

import com.runtothebeats.core.run.TempoPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When no playlist meets a request that carries limits, finds the limit to blame, so the 422 names the one
 * thing the runner could relax: the limits are dropped one at a time, the one that removed most tracks
 * first, and the first whose removal lets a playlist be built is the one that emptied the candidates.
 * Only runs on the failure path; at most {@value #MAX_TRIES} further searches.
 */
final class LimitBlame {

    static final int MAX_TRIES = 4;
    static final String ENERGY_FLOOR = "options.energyFloor";

    private final PlaylistBuilder builder;
    private final TempoPlan plan;
    private final double minutes;
    private final RecommendationRequest request;

    LimitBlame(PlaylistBuilder builder, TempoPlan plan, double minutes, RecommendationRequest request) {
        this.builder = builder;
        this.plan = plan;
        this.minutes = minutes;
        this.request = request;
    }

    NoPlaylistException explain(NoPlaylistException stuck, AllowedTracks candidates) {
        Map<String, Integer> removed = removedBy(candidates);
        if (removed.isEmpty()) {
            return stuck;
        }
        List<String> suspects = suspects(removed);
        return culprit(removed, suspects).orElseGet(() -> blameAll(stuck, removed, suspects));
    }

    /** The one limit whose removal lets a playlist be built, if there is one. */
    Optional<NoPlaylistException> culprit(AllowedTracks candidates) {
        Map<String, Integer> removed = removedBy(candidates);
        return removed.isEmpty() ? Optional.empty() : culprit(removed, suspects(removed));
    }

    private Map<String, Integer> removedBy(AllowedTracks candidates) {
        Map<String, Integer> removed = new HashMap<>(candidates.removedBy());
        PlaylistOptions options = request.options();
        if (options.energyFloor() > 0) {
            removed.put(ENERGY_FLOOR, belowFloor(options.energyFloor()));
        }
        return removed;
    }

    private static List<String> suspects(Map<String, Integer> removed) {
        List<String> suspects = new ArrayList<>(removed.keySet());
        suspects.sort(Comparator.comparingInt((String f) -> -removed.get(f)).thenComparing(f -> f));
        return suspects;
    }

    private Optional<NoPlaylistException> culprit(Map<String, Integer> removed, List<String> suspects) {
        for (String field : suspects.subList(0, Math.min(MAX_TRIES, suspects.size()))) {
            if (buildsWithout(field)) {
                return Optional.of(new NoPlaylistException(field, "No " + fmt(minutes) + "-minute playlist meets " + field
                        + " together with the rest of the request: it keeps out " + removed.get(field) + " of "
                        + builder.index().size() + " tracks, and without it there is a playlist. " + advice(field)));
            }
        }
        return Optional.empty();
    }

    private NoPlaylistException blameAll(NoPlaylistException stuck, Map<String, Integer> removed, List<String> suspects) {
        StringBuilder counts = new StringBuilder();
        for (String f : suspects) {
            counts.append(counts.length() == 0 ? "" : ", ").append(f).append(' ').append(removed.get(f));
        }
        return new NoPlaylistException(suspects.get(0), stuck.getMessage() + " Your limits keep out tracks ("
                + counts + "); relaxing " + suspects.get(0) + " frees the most.");
    }

    private boolean buildsWithout(String field) {
        PlaylistOptions options = field.equals(ENERGY_FLOOR) ? request.options().withEnergyFloor(0) : request.options();
        RunnerLimits limits = field.equals(ENERGY_FLOOR) || field.equals(AllowedTracks.BANS) ? request.limits() : request.limits().without(field);
        AllowedTracks relaxed = AllowedTracks.of(builder.index(), limits, field.equals(AllowedTracks.BANS) ? Set.of() : request.bannedSongs());
        try {
            builder.build(plan, minutes, request.seedTrackIds(), options, relaxed, request.style());
            return true;
        } catch (NoPlaylistException stillStuck) {
            return false;
        }
    }

    private int belowFloor(double floor) {
        int count = 0;
        TempoIndex index = builder.index();
        for (int i = 0; i < index.size(); i++) {
            count += index.energy(i) < floor ? 1 : 0;
        }
        return count;
    }

    private static String advice(String field) {
        return switch (field) {
            case ENERGY_FLOOR -> "Lower options.energyFloor (0 turns it off).";
            case AllowedTracks.BANS -> "Your banned songs are listed on the home page, where you can undo a ban.";
            case "energy.min", "energy.max" -> "Widen the energy range.";
            case "releasedFrom", "releasedTo" -> "Widen the release years.";
            case RunnerLimits.GENRES -> "Add genres, or leave genres out.";
            default -> "Exclude fewer.";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.Effort;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The tracks that could take one slot of a built playlist ({@code POST /api/recommendations/alternatives}):
 * every one keeps the whole edited playlist inside the hard constraints (its own tempo and its key with
 * both neighbours, no song twice, artist spacing on both sides, the later tracks' tempos after the timing
 * shifts, the run's length) and the runner's limits and bans. Best first: the edited playlist's total cost,
 * scored as the search scores it, with flow measured against the previous track.
 */
final class SlotAlternatives {

    static final int MAX_TRACKS = 200;

    private final TempoIndex index;
    private final TempoPlan plan;
    private final PlaylistOptions options;
    private final long requestedMs;
    private final AllowedTracks allowed;

    SlotAlternatives(TempoIndex index, TempoPlan plan, PlaylistOptions options, long requestedMs, AllowedTracks allowed) {
        this.index = index;
        this.plan = plan;
        this.options = options;
        this.requestedMs = requestedMs;
        this.allowed = allowed;
    }

    /** The playlist's tracks as index positions; 400 naming {@code trackIds[i]} for an unknown or repeated id. */
    int[] resolve(List<String> trackIds) {
        if (trackIds == null || trackIds.isEmpty() || trackIds.size() > MAX_TRACKS) {
            throw new InvalidInputException("trackIds", "trackIds must list the playlist's 1 to " + MAX_TRACKS + " track ids in order");
        }
        int[] tracks = new int[trackIds.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < tracks.length; i++) {
            String id = trackIds.get(i);
            OptionalInt found = id == null ? OptionalInt.empty() : index.indexOf(id.trim());
            if (found.isEmpty()) {
                throw new InvalidInputException("trackIds[" + i + "]", "trackIds[" + i + "]: no track with id '" + id + "' in the catalog");
            }
            if (!seen.add(found.getAsInt())) {
                throw new InvalidInputException("trackIds[" + i + "]", "trackIds[" + i + "]: track '" + id + "' is already in the playlist");
            }
            tracks[i] = found.getAsInt();
        }
        return tracks;
    }

    /**
     * @param seeds which tracks are the runner's seeds (a replaced seed is not one any more)
     * @return the edited playlists, cheapest first, at most {@code limit}
     */
    List<Playlist> alternatives(int[] tracks, int position, boolean[] seeds, int limit) {
        if (position < 0 || position >= tracks.length) {
            throw new InvalidInputException("position", "position must be from 0 to " + (tracks.length - 1) + ", was " + position);
        }
        Playlist current = place(tracks, seeds);
        // Hold the edit to what the playlist itself meets: a ramp's start check when it was built with it.
        boolean alsoAtStart = plan.gradual() && HardConstraints.problem(current, plan, options, true) == null;
        String broken = HardConstraints.problem(current, plan, options, alsoAtStart);
        if (broken != null) {
            throw new InvalidInputException("trackIds", "trackIds is not a playlist for this request (" + broken
                    + "): send the request and the track ids the recommendation answered");
        }
        long start = current.tracks().get(position).startMs();
        List<Playlist> found = new ArrayList<>();
        for (int t : retrieve(tracks, position, start)) {
            if (!allowed.allows(t) || !fitsBeside(tracks, position, t)) {
                continue;
            }
            int[] edited = tracks.clone();
            edited[position] = t;
            boolean[] editedSeeds = seeds.clone();
            editedSeeds[position] = false;
            Playlist candidate = place(edited, editedSeeds);
            if (HardConstraints.problem(candidate, plan, options, alsoAtStart) == null) {
                found.add(candidate);
            }
        }
        found.sort(Comparator.comparingDouble(Playlist::totalCost).thenComparing(p -> p.tracks().get(position).track().id()));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /**
     * Tracks whose tempo (at an allowed factor) is near the plan anywhere the slot's midpoint may fall, in keys
     * that may follow the previous track and lead to the next one.
     */
    private List<Integer> retrieve(int[] tracks, int position, long start) {
        double tolerance = options.toleranceBpm();
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (TempoPlan.Band band : plan.bands(start, start + index.maxDurationMs() / 2.0)) {
            for (int k = 0; k < TempoIndex.KEYS; k++) {
                if (options.strictHarmony() && ((position > 0 && TempoIndex.wheelSteps(index.key(tracks[position - 1]), k) > 1)
                        || (position + 1 < tracks.length && TempoIndex.wheelSteps(k, index.key(tracks[position + 1])) > 1))) {
                    continue;
                }
                for (double factor : Tempo.factors(options.fold())) {
                    TempoIndex.Window w = index.window(k, (band.lowBpm() - tolerance) / factor, (band.highBpm() + tolerance) / factor);
                    int[] ordered = index.ordered(k);
                    for (int j = w.from(); j < w.to(); j++) {
                        if (seen.add(ordered[j])) {
                            out.add(ordered[j]);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Cheap checks before the whole edit is placed: no song already in the playlist (nor another version of
     * the one replaced), no artist within the spacing on either side.
     */
    private boolean fitsBeside(int[] tracks, int position, int t) {
        for (int i = 0; i < tracks.length; i++) {
            if (tracks[i] == t || index.song(tracks[i]) == index.song(t)
                    || (i != position && Math.abs(i - position) <= PlaylistBuilder.ARTIST_SPACING && index.artist(tracks[i]) == index.artist(t))) {
                return false;
            }
        }
        return true;
    }

    /** The tracks laid end to end over the plan, each scored as the search scores a step (flow against the previous track). */
    Playlist place(int[] tracks, boolean[] seeds) {
        TransitionWeights weights = options.weights();
        double tolerance = options.toleranceBpm();
        List<PlacedTrack> placed = new ArrayList<>();
        long start = 0;
        double cost = 0;
        for (int i = 0; i < tracks.length; i++) {
            int t = tracks[i];
            long duration = index.durationMs(t);
            double mid = start + duration / 2.0;
            double target = plan.bpmAt(mid);
            double effective = Tempo.effective(index.tempo(t), target, options.fold() ? index.allowedFactors(t) : Tempo.AS_IS);
            Effort effort = plan.effortAt(mid);
            int steps = i == 0 ? 0 : TempoIndex.wheelSteps(index.key(tracks[i - 1]), index.key(t));
            double flow = i == 0 ? 0 : index.flowDistance(t, index.vector(tracks[i - 1]));
            double jump = i == 0 ? 0 : Math.abs((effective - placed.get(i - 1).effectiveTempo())
                    - (target - placed.get(i - 1).targetTempo())) / tolerance;
            long end = start + duration;
            double fit = end >= requestedMs ? (end - requestedMs) / 60_000.0 : 0;
            TransitionScore score = TransitionScore.of(weights, flow, steps, Math.abs(effective - target) / tolerance, jump, fit,
                    effort.misfit(index.energy(t), index.danceability(t)), index.originCost(t));
            placed.add(new PlacedTrack(i, index.track(t), start, effective, target, steps <= 1, seeds[i], score));
            cost += score.total();
            start = end;
        }
        return new Playlist(placed, requestedMs, cost, null, options.beamWidth());
    }
}

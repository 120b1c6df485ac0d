package com.runtothebeats.core.playlist;

import com.runtothebeats.core.flow.SequenceModel;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Builds a whole run's playlist by beam search over the tempo index.
 *
 * <p>Hard constraints, never traded for cost: every track's effective tempo within the tolerance of its
 * slot's target (the plan at the track's midpoint); every transition Camelot-compatible (unless strict
 * harmony is off); no track twice (by id, nor the same song under another id); the same artist not within
 * {@value #ARTIST_SPACING} tracks; and the playlist ends with the first track that reaches the requested
 * length, so requested ≤ total &lt; requested + the last track's length. Within them the search minimises
 * the sum of {@link TransitionScore} totals, whose flow term comes from the promoted ranking model when there is
 * one ({@link NextTrackScorer}), else from the sequence model or the previous track.
 *
 * <p>The parts: {@link BeamSearch} runs one search, {@link NextTrackCandidates} finds and scores the tracks
 * that may come next, {@link ExpansionHeap} keeps the cheapest steps, {@link HardConstraints} holds every
 * candidate to the rules and verifies the finished playlist.
 *
 * <p>The beam keeps the greedy line (the cheapest next step from the greedy playlist so far) as one of its
 * members, so the result never costs more than the greedy playlist would. When every line of the beam
 * gets stuck, the search runs once more with a beam of {@value #WIDENED_BEAM_WIDTH} before reporting that no
 * playlist exists.
 */
public final class PlaylistBuilder {

    public static final int ARTIST_SPACING = 3;
    public static final int MAX_SEEDS = 3;
    static final int WIDENED_BEAM_WIDTH = 32;

    private final TempoIndex index;
    private final Supplier<Optional<SequenceModel>> models;
    private final Supplier<Optional<NextTrackScorer>> scorers;

    public PlaylistBuilder(TempoIndex index, Optional<SequenceModel> model) {
        this(index, () -> model);
    }

    /** @param models the promoted model when a playlist is built (a newer one may be promoted meanwhile) */
    public PlaylistBuilder(TempoIndex index, Supplier<Optional<SequenceModel>> models) {
        this(index, models, Optional::empty);
    }

    /**
     * @param models  the promoted sequence model, the flow term's fallback
     * @param scorers the promoted ranking model's scorer for this index when a playlist is built: when there is
     *                one, the flow term is its score
     */
    public PlaylistBuilder(TempoIndex index, Supplier<Optional<SequenceModel>> models, Supplier<Optional<NextTrackScorer>> scorers) {
        this.index = index;
        this.models = models;
        this.scorers = scorers;
    }

    public TempoIndex index() {
        return index;
    }

    /**
     * A builder over another index (a runner's library or mix) with the same models: the ranking model prepared for
     * that index on its first playlist and kept with it.
     */
    public PlaylistBuilder over(TempoIndex other) {
        return other == index ? this : new PlaylistBuilder(other, models, () -> scorers.get().map(other.flowScorers::from));
    }

    public Optional<SequenceModel> model() {
        return models.get();
    }

    /** The ranking model's scorer the next playlist will use, if any. */
    public Optional<NextTrackScorer> scorer() {
        return scorers.get();
    }

    /**
     * @param plan    the tempo plan over the run
     * @param minutes the run's length
     * @param seedIds 0–3 track ids the playlist starts with, in order
     * @throws InvalidInputException for unknown or repeated seeds
     * @throws NoPlaylistException   when no playlist meets the hard constraints
     */
    public Playlist build(TempoPlan plan, double minutes, List<String> seedIds, PlaylistOptions options) {
        return build(plan, minutes, seedIds, options, AllowedTracks.all());
    }

    /** @param allowed the tracks this request may use besides its seeds (the runner's limits and bans) */
    public Playlist build(TempoPlan plan, double minutes, List<String> seedIds, PlaylistOptions options, AllowedTracks allowed) {
        return build(plan, minutes, seedIds, options, allowed, null);
    }

    /** @param style the genre the request asked for, given to the ranking model as the playlist's; null = set by the first tracks */
    public Playlist build(TempoPlan plan, double minutes, List<String> seedIds, PlaylistOptions options, AllowedTracks allowed,
                          String style) {
        List<Integer> seeds = resolveSeeds(seedIds);
        long requestedMs = Math.round(minutes * 60_000);
        // On a ramp, first ask for tracks that also fit the plan where they start (so a reader who takes a
        // slot's target at its start finds them in tolerance too); only if that finds nothing, midpoints alone.
        List<Boolean> startChecks = plan.gradual() ? List.of(true, false) : List.of(false);
        NoPlaylistException last = null;
        for (boolean alsoAtStart : startChecks) {
            for (PlaylistOptions attempt : options.beamWidth() >= WIDENED_BEAM_WIDTH ? List.of(options)
                    : List.of(options, options.withBeamWidth(WIDENED_BEAM_WIDTH))) {
                try {
                    return search(plan, requestedMs, seeds, attempt, alsoAtStart, allowed, style);
                } catch (NoPlaylistException stuck) {
                    last = stuck;
                }
            }
        }
        throw last;
    }

    private List<Integer> resolveSeeds(List<String> seedIds) {
        if (seedIds == null || seedIds.isEmpty()) {
            return List.of();
        }
        if (seedIds.size() > MAX_SEEDS) {
            throw new InvalidInputException("seedTrackIds", "seedTrackIds takes 1 to " + MAX_SEEDS + " track ids, was " + seedIds.size());
        }
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < seedIds.size(); i++) {
            String field = "seedTrackIds[" + i + "]";
            String id = seedIds.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidInputException(field, field + " is empty");
            }
            OptionalInt found = index.indexOf(id.trim());
            if (found.isEmpty()) {
                throw new InvalidInputException(field, field + ": no track with id '" + id + "' in the catalog (find ids with GET /api/tracks/search?q=)");
            }
            if (seeds.contains(found.getAsInt())) {
                throw new InvalidInputException(field, field + ": track '" + id + "' is already a seed");
            }
            seeds.add(found.getAsInt());
        }
        return seeds;
    }

    /** One beam search at the options' width, as {@link #build} tries first. Visible to tests comparing widths. */
    Playlist search(TempoPlan plan, long requestedMs, List<Integer> seeds, PlaylistOptions options) {
        return search(plan, requestedMs, seeds, options, plan.gradual(), AllowedTracks.all(), null);
    }

    /**
     * One beam search at the options' width, without widening.
     *
     * @param alsoAtStart also hold each track to the tolerance around the plan's value where the track starts
     */
    Playlist search(TempoPlan plan, long requestedMs, List<Integer> seeds, PlaylistOptions options, boolean alsoAtStart,
                    AllowedTracks allowed, String style) {
        NextTrackScorer scorer = scorers.get().filter(s -> s.index() == index).orElse(null);
        BeamSearch search = new BeamSearch(index, plan, requestedMs, options, scorer, style,
                scorer == null ? models.get().orElse(null) : null, new HardConstraints(index, plan, options, alsoAtStart, allowed));
        PartialPlaylist start = search.placeSeeds(seeds);
        PartialPlaylist best = search.run(start);
        Playlist playlist = search.toPlaylist(best);
        HardConstraints.verify(playlist, plan, options, alsoAtStart);
        return playlist;
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.run.Effort;
import com.runtothebeats.core.run.PlanResolver;
import com.runtothebeats.core.run.TargetTempo;
import com.runtothebeats.core.run.TempoPlan;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The recommender as one application service: the API handler and the CLI both turn their input into a
 * {@link RecommendationRequest} and print what this returns, so {@code ./beats recommend --format json}
 * and {@code POST /api/recommendations} give the same body for the same request.
 */
public final class RecommendationService {

    public static final double MIN_MINUTES = 5;
    public static final double MAX_MINUTES = 240;
    public static final int MAX_SEARCH_RESULTS = 25;
    public static final int DEFAULT_SEARCH_RESULTS = 10;
    /** Below this energy a track in an effort stretch counts in {@code lowEnergyTracks}. */
    public static final double LOW_ENERGY = 0.5;

    private final PlaylistBuilder builder;
    private volatile String[] searchText;

    public RecommendationService(PlaylistBuilder builder) {
        this.builder = builder;
    }

    public PlaylistBuilder builder() {
        return builder;
    }

    /**
     * @throws InvalidInputException naming the field for input a caller can fix (400)
     * @throws NoPlaylistException   when the catalog holds no playlist meeting the constraints (422)
     */
    public Recommendation recommend(RecommendationRequest request) {
        double minutes = requireMinutes(request.minutes());
        TempoPlan plan = PlanResolver.resolve(request.plan(), request.target(), minutes, request.warmupMinutes(), request.cooldownMinutes());
        TargetTempo target = target(request, plan);
        PlaylistOptions options = request.options();
        TrackPool pool = TrackPool.of(request, builder.index());
        PlaylistBuilder over = builder.over(pool.index());
        AllowedTracks candidates = AllowedTracks.of(pool.index(), request.limits(), request.bannedSongs());
        Playlist playlist;
        try {
            playlist = over.build(plan, minutes, request.seedTrackIds(), options, candidates, request.style());
        } catch (NoPlaylistException stuck) {
            LimitBlame blame = new LimitBlame(over, plan, minutes, request);
            if (pool.source() == TrackSource.LIBRARY) {
                throw blame.culprit(candidates).orElseGet(() -> LibraryShortage.explain(pool.index(), plan, minutes, options));
            }
            throw blame.explain(stuck, candidates);
        }
        return describe(playlist, plan, target, minutes, options, pool);
    }

    /** The places a playlist's slot could go instead, for {@code POST /api/recommendations/alternatives}. */
    public record Alternatives(int position, String replacedId, List<Alternative> alternatives) {
    }

    /** One alternative: the track in the slot and the whole edited playlist (what publishing then sends). */
    public record Alternative(Recommendation.Item track, Recommendation playlist) {
    }

    public static final int MAX_ALTERNATIVES = 20;

    /**
     * Alternatives for slot {@code position} of the playlist {@code trackIds} built for {@code request},
     * best first ({@link SlotAlternatives}).
     *
     * @throws InvalidInputException naming {@code trackIds[i]}, {@code position} or {@code limit}
     */
    public Alternatives alternatives(RecommendationRequest request, List<String> trackIds, int position, int limit) {
        if (limit < 1 || limit > MAX_ALTERNATIVES) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_ALTERNATIVES + ", was " + limit);
        }
        double minutes = requireMinutes(request.minutes());
        TempoPlan plan = PlanResolver.resolve(request.plan(), request.target(), minutes, request.warmupMinutes(), request.cooldownMinutes());
        TargetTempo target = target(request, plan);
        PlaylistOptions options = request.options();
        TrackPool pool = TrackPool.of(request, builder.index());
        SlotAlternatives slot = new SlotAlternatives(pool.index(), plan, options, Math.round(minutes * 60_000),
                AllowedTracks.of(pool.index(), request.limits(), request.bannedSongs()));
        int[] tracks = slot.resolve(trackIds);
        boolean[] seeds = new boolean[tracks.length];
        for (int i = 0; i < Math.min(tracks.length, request.seedTrackIds().size()); i++) {
            seeds[i] = request.seedTrackIds().get(i).trim().equals(trackIds.get(i).trim());
        }
        List<Alternative> out = new ArrayList<>();
        for (Playlist edited : slot.alternatives(tracks, position, seeds, limit)) {
            Recommendation r = describe(edited, plan, target, minutes, options, pool);
            out.add(new Alternative(r.tracks().get(position), r));
        }
        return new Alternatives(position, trackIds.get(position), out);
    }

    private static TargetTempo target(RecommendationRequest request, TempoPlan plan) {
        return request.target() != null ? request.target()
                : TargetTempo.fromPlan(plan.bpmAt(request.warmupMinutes() == null ? 0 : request.warmupMinutes() * 60_000));
    }

    private static double requireMinutes(Double minutes) {
        if (minutes == null) {
            throw new InvalidInputException("minutes", "minutes is required: the run's length, " + (int) MIN_MINUTES + " to " + (int) MAX_MINUTES);
        }
        if (!Double.isFinite(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new InvalidInputException("minutes", "minutes must be from " + (int) MIN_MINUTES + " to " + (int) MAX_MINUTES + ", was " + minutes);
        }
        return minutes;
    }

    private Recommendation describe(Playlist playlist, TempoPlan plan, TargetTempo target, double minutes, PlaylistOptions options,
                                    TrackPool pool) {
        List<Recommendation.Item> items = new ArrayList<>();
        double errorSum = 0;
        double errorMax = 0;
        int transitions = 0;
        int harmonic = 0;
        double jumpSum = 0;
        double flowSum = 0;
        int flowCount = 0;
        PlacedTrack previous = null;
        Set<String> songs = new HashSet<>();
        double energySum = 0;
        int lowEnergy = 0;
        int explicitUnknown = 0;
        int fromLibrary = 0;
        for (PlacedTrack p : playlist.tracks()) {
            Track t = p.track();
            Effort effort = plan.effortAt(p.startMs() + t.durationMs() / 2.0);
            String songKey = t.songKey().toString();
            boolean own = pool.fromLibrary(t.id());
            fromLibrary += own ? 1 : 0;
            double energy = t.features().energy();
            items.add(new Recommendation.Item(p.position(), t.id(), t.name(), t.artist(), t.tempo(), p.effectiveTempo(),
                    p.targetTempo(), p.startMs(), t.features().key(), t.features().mode(), t.camelotKey().toString(),
                    t.durationMs(), p.harmonic(), p.seed(), p.score(), energy, t.features().danceability(),
                    effort.intensity().label(), songKey, own));
            songs.add(songKey);
            energySum += energy;
            lowEnergy += effort.intensity().isEffort() && energy < LOW_ENERGY ? 1 : 0;
            explicitUnknown += t.details().explicit() == null ? 1 : 0;
            double error = Math.abs(p.effectiveTempo() - p.targetTempo());
            errorSum += error;
            errorMax = Math.max(errorMax, error);
            if (previous != null) {
                transitions++;
                harmonic += p.harmonic() ? 1 : 0;
                jumpSum += Math.abs(p.effectiveTempo() - previous.effectiveTempo());
                flowSum += p.score().flow();
                flowCount++;
            }
            previous = p;
        }
        int n = items.size();
        Recommendation.Summary summary = new Recommendation.Summary(n, playlist.totalDurationMs(), minutes,
                n == 0 ? 0 : errorSum / n, errorMax, transitions == 0 ? 1.0 : (double) harmonic / transitions,
                transitions == 0 ? 0 : jumpSum / transitions, flowCount == 0 ? 0 : flowSum / flowCount,
                playlist.modelUsed(), playlist.modelVersion(), playlist.flowReference(),
                playlist.totalCost(), playlist.beamWidthUsed(), options.fold(), options.toleranceBpm(),
                options.strictHarmony() ? "strict" : "prefer", songs.size(), n == 0 ? 0 : energySum / n, lowEnergy,
                options.energyFloor(), explicitUnknown, DominantGenre.of(playlist), pool.source().id(), fromLibrary);
        return new Recommendation(items, summary, target, new Recommendation.Plan(plan.type(), plan.curve(minutes)));
    }

    /**
     * Catalog tracks whose name, artist or album holds every word of {@code query} (case-insensitive),
     * most popular first; for choosing seed tracks.
     */
    public List<TrackMatch> search(String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.length() < 2 || q.length() > 100) {
            throw new InvalidInputException("q", "q must be 2 to 100 characters of a track name or artist");
        }
        if (limit < 1 || limit > MAX_SEARCH_RESULTS) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_SEARCH_RESULTS + ", was " + limit);
        }
        String[] words = q.split("\\s+");
        String[] text = searchText();
        TempoIndex index = builder.index();
        List<Track> found = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            boolean all = true;
            for (String w : words) {
                if (!text[i].contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                found.add(index.track(i));
            }
        }
        found.sort(Comparator.comparingInt((Track t) -> t.name().equalsIgnoreCase(q) ? 0 : 1)
                .thenComparing(Comparator.comparingInt(Track::popularity).reversed())
                .thenComparing(Track::id));
        return found.stream().limit(limit).map(TrackMatch::of).toList();
    }

    private String[] searchText() {
        String[] text = searchText;
        if (text == null) {
            synchronized (this) {
                if (searchText == null) {
                    TempoIndex index = builder.index();
                    String[] built = new String[index.size()];
                    for (int i = 0; i < built.length; i++) {
                        Track t = index.track(i);
                        built[i] = (t.name() + " \u0001 " + t.artist() + " \u0001 " + t.album()).toLowerCase(Locale.ROOT);
                    }
                    searchText = built;
                }
                text = searchText;
            }
        }
        return text;
    }

    /** Builds the search text now, so the first search after a restore is as fast as the rest. */
    public void prepareSearch() {
        searchText();
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.OctaveCheck;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.Effort;
import com.runtothebeats.core.run.TempoPlan;
import java.util.Locale;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The constraints a playlist never trades for cost: each track's effective tempo within the tolerance of
 * its slot's target (and, when asked, of the plan where the track starts), Camelot-compatible transitions
 * when harmony is strict, no track or song ({@code SongKey}) twice, no primary artist within
 * {@value PlaylistBuilder#ARTIST_SPACING} tracks, a suspect tempo only heard as is ({@link OctaveCheck}), no
 * track below the energy floor where the runner works, and only tracks the runner's limits allow. The search asks them of every candidate; {@link #verify} checks them again on the finished
 * playlist.
 */
final class HardConstraints {

    /** Keeps effective tempos strictly inside the tolerance even after another program's rounding. */
    private static final double TOLERANCE_MARGIN = 1e-6;

    private final TempoIndex index;
    private final TempoPlan plan;
    private final AllowedTracks allowed;
    private final double energyFloor;
    private final double tolerance;
    private final boolean strictHarmony;
    private final boolean fold;
    private final boolean alsoAtStart;

    /** @param alsoAtStart also hold each track to the tolerance around the plan's value where the track starts */
    HardConstraints(TempoIndex index, TempoPlan plan, PlaylistOptions options, boolean alsoAtStart, AllowedTracks allowed) {
        this.index = index;
        this.plan = plan;
        this.allowed = allowed;
        this.energyFloor = options.energyFloor();
        this.tolerance = options.toleranceBpm();
        this.strictHarmony = options.strictHarmony();
        this.fold = options.fold();
        this.alsoAtStart = alsoAtStart;
    }

    /**
     * Whether a track heard at {@code effective} BPM fits its slot's target and, when asked, the plan where it
     * starts (not across a change of stretch, such as a track starting in the warm-up whose middle is in the ramp).
     */
    boolean tempoFits(double effective, double target, double startMs, Effort effortAtMid) {
        return !(Math.abs(effective - target) > tolerance - TOLERANCE_MARGIN) && !offAtStart(effective, startMs, effortAtMid);
    }

    private boolean offAtStart(double effective, double startMs, Effort effortAtMid) {
        return alsoAtStart && plan.effortAt(startMs).intensity() == effortAtMid.intensity()
                && Math.abs(effective - plan.bpmAt(startMs)) > tolerance - TOLERANCE_MARGIN;
    }

    /** The runner's limits and bans allow the track (seeds are the runner's own choice and skip this). */
    boolean allows(int t) {
        return allowed.allows(t);
    }

    /** The factors ({@link Tempo#AS_IS} …) track {@code t} may be heard at: as is only when folding is off or its tempo is suspect. */
    int factors(int t) {
        return fold ? index.allowedFactors(t) : Tempo.AS_IS;
    }

    /** The energy floor holds where the runner works (steady, ramp, interval work). */
    boolean belowFloor(int t, Effort effort) {
        return effort.intensity().isEffort() && index.energy(t) < energyFloor;
    }

    /** Whether a transition of {@code steps} around the Camelot wheel is allowed. */
    boolean harmonyAllows(int steps) {
        return !strictHarmony || steps <= 1;
    }

    /** No repeat (by id or by song) anywhere before; no same artist among the last few. */
    boolean allowedAfter(PartialPlaylist node, int t) {
        long song = index.song(t);
        int artist = index.artist(t);
        for (PartialPlaylist n = node; !n.isEmpty(); n = n.parent) {
            if (n.track == t || index.song(n.track) == song) {
                return false;
            }
            if (node.depth - n.depth < PlaylistBuilder.ARTIST_SPACING && index.artist(n.track) == artist) {
                return false;
            }
        }
        return true;
    }

    /** Which constraint track {@code t} breaks after {@code node}, for a runner to read; null when it breaks none. */
    String rejection(PartialPlaylist node, int t, double effective, double target, long startMs, Effort effort, int steps) {
        double trackTempo = index.tempo(t);
        if (Math.abs(effective - target) > tolerance - TOLERANCE_MARGIN) {
            return "its tempo " + round1(trackTempo) + " BPM" + (effective != trackTempo ? " (heard at " + round1(effective) + ")" : "")
                    + " is not within ±" + tolerance + " BPM of the target " + round1(target) + " BPM"
                    + (fold && factors(t) == Tempo.AS_IS ? " (its tempo may be an octave off, so it is only heard as is)" : "");
        }
        if (offAtStart(effective, startMs, effort)) {
            return "its tempo " + round1(effective) + " BPM is not within ±" + tolerance + " BPM of the plan's "
                    + round1(plan.bpmAt(startMs)) + " BPM where it would start";
        }
        if (belowFloor(t, effort)) {
            return "its energy " + String.format(Locale.ROOT, "%.2f", index.energy(t)) + " is below options.energyFloor "
                    + energyFloor + " in this " + effort.intensity().label() + " stretch";
        }
        if (!harmonyAllows(steps)) {
            return "its key " + index.track(t).camelotKey() + " is not Camelot-compatible with "
                    + index.track(node.track).camelotKey();
        }
        if (!allowedAfter(node, t)) {
            return "the same song or artist is already within the last " + PlaylistBuilder.ARTIST_SPACING + " tracks";
        }
        return null;
    }

    /**
     * Checks the hard constraints on a finished playlist independently of how the search reached it: a
     * broken constraint here is a bug, and failing loudly beats handing a runner a wrong playlist.
     */
    static void verify(Playlist playlist, TempoPlan plan, PlaylistOptions options, boolean alsoAtStart) {
        String problem = problem(playlist, plan, options, alsoAtStart);
        if (problem != null) {
            throw new IllegalStateException("playlist search broke a hard constraint: " + problem);
        }
    }

    /** The first hard constraint {@code playlist} breaks, or null when it keeps them all (an edited playlist is checked so). */
    static String problem(Playlist playlist, TempoPlan plan, PlaylistOptions options, boolean alsoAtStart) {
        try {
            check(playlist, plan, options, alsoAtStart);
            return null;
        } catch (BrokenConstraint e) {
            return e.getMessage();
        }
    }

    private static void check(Playlist playlist, TempoPlan plan, PlaylistOptions options, boolean alsoAtStart) {
        List<PlacedTrack> tracks = playlist.tracks();
        Set<String> ids = new HashSet<>();
        Set<SongKey> songs = new HashSet<>();
        long elapsed = 0;
        for (int i = 0; i < tracks.size(); i++) {
            PlacedTrack p = tracks.get(i);
            long duration = p.track().durationMs();
            double target = plan.bpmAt(elapsed + duration / 2.0);
            check(p.startMs() == elapsed, "track " + i + " starts at " + p.startMs() + " ms, expected " + elapsed);
            check(p.targetTempo() == target, "track " + i + " has target " + p.targetTempo() + ", the plan says " + target);
            check(p.effectiveTempo() == Tempo.effective(p.track().tempo(), target, OctaveCheck.allowedFactors(p.track(), options.fold())),
                    "track " + i + " folded wrongly");
            check(Math.abs(p.effectiveTempo() - target) <= options.toleranceBpm(), "track " + i + " is off tempo");
            Effort effort = plan.effortAt(elapsed + duration / 2.0);
            check(!alsoAtStart || plan.effortAt(elapsed).intensity() != effort.intensity()
                            || Math.abs(p.effectiveTempo() - plan.bpmAt(elapsed)) <= options.toleranceBpm(),
                    "track " + i + " is off the plan where it starts");
            check(ids.add(p.track().id()), "track " + p.track().id() + " repeats");
            check(songs.add(p.track().songKey()), "song " + p.track().songKey() + " repeats");
            check(!effort.intensity().isEffort() || p.track().features().energy() >= options.energyFloor(),
                    "track " + i + " is below the energy floor in a " + effort.intensity().label() + " stretch");
            if (i > 0) {
                int steps = p.track().camelotKey().stepsTo(tracks.get(i - 1).track().camelotKey());
                check(!options.strictHarmony() || steps <= 1, "transition into track " + i + " is not harmonic");
            }
            for (int back = 1; back <= PlaylistBuilder.ARTIST_SPACING && i - back >= 0; back++) {
                check(!tracks.get(i - back).track().songKey().primaryArtist().equals(p.track().songKey().primaryArtist()),
                        "artist of track " + i + " repeats within " + PlaylistBuilder.ARTIST_SPACING + " tracks");
            }
            elapsed += duration;
        }
        long last = tracks.isEmpty() ? 0 : tracks.get(tracks.size() - 1).track().durationMs();
        check(elapsed >= playlist.requestedMs() && elapsed - last < playlist.requestedMs(), "the playlist's length misses the run");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new BrokenConstraint(problem);
        }
    }

    private static final class BrokenConstraint extends RuntimeException {
        BrokenConstraint(String problem) {
            super(problem, null, false, false);
        }
    }

    /** A length in ms as minutes to one decimal, for messages. */
    static String minutes(long ms) {
        return round1(ms / 60_000.0);
    }

    /** One decimal, without a trailing ".0", for messages. */
    static String round1(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}

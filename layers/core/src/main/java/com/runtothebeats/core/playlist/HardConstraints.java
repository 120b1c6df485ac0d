package com.runtothebeats.core.playlist;

import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The constraints a playlist never trades for cost: each track's effective tempo within the tolerance of
 * its slot's target (and, when asked, of the plan where the track starts), Camelot-compatible transitions
 * when harmony is strict, no track or song twice, no artist within {@value PlaylistBuilder#ARTIST_SPACING}
 * tracks. The search asks them of every candidate; {@link #verify} checks them again on the finished
 * playlist.
 */
final class HardConstraints {

    /** Keeps effective tempos strictly inside the tolerance even after another program's rounding. */
    private static final double TOLERANCE_MARGIN = 1e-6;

    private final TempoIndex index;
    private final double tolerance;
    private final boolean strictHarmony;
    private final boolean fold;
    private final boolean alsoAtStart;

    /** @param alsoAtStart also hold each track to the tolerance around the plan's value where the track starts */
    HardConstraints(TempoIndex index, PlaylistOptions options, boolean alsoAtStart) {
        this.index = index;
        this.tolerance = options.toleranceBpm();
        this.strictHarmony = options.strictHarmony();
        this.fold = options.fold();
        this.alsoAtStart = alsoAtStart;
    }

    /** Whether a track heard at {@code effective} BPM fits its slot's target and, when asked, the plan where it starts. */
    boolean tempoFits(double effective, double target, double startTarget) {
        return !(Math.abs(effective - target) > tolerance - TOLERANCE_MARGIN)
                && !(alsoAtStart && Math.abs(effective - startTarget) > tolerance - TOLERANCE_MARGIN);
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
    String rejection(PartialPlaylist node, int t, double effective, double target, double startTarget, int steps) {
        double trackTempo = index.tempo(t);
        if (Math.abs(effective - target) > tolerance - TOLERANCE_MARGIN) {
            return "its tempo " + round1(trackTempo) + " BPM" + (fold ? " (heard at " + round1(effective) + ")" : "")
                    + " is not within ±" + tolerance + " BPM of the target " + round1(target) + " BPM";
        }
        if (alsoAtStart && Math.abs(effective - startTarget) > tolerance - TOLERANCE_MARGIN) {
            return "its tempo " + round1(effective) + " BPM is not within ±" + tolerance + " BPM of the plan's "
                    + round1(startTarget) + " BPM where it would start";
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
        List<PlacedTrack> tracks = playlist.tracks();
        Set<String> ids = new HashSet<>();
        long elapsed = 0;
        for (int i = 0; i < tracks.size(); i++) {
            PlacedTrack p = tracks.get(i);
            long duration = p.track().durationMs();
            double target = plan.bpmAt(elapsed + duration / 2.0);
            check(p.startMs() == elapsed, "track " + i + " starts at " + p.startMs() + " ms, expected " + elapsed);
            check(p.targetTempo() == target, "track " + i + " has target " + p.targetTempo() + ", the plan says " + target);
            check(p.effectiveTempo() == Tempo.effective(p.track().tempo(), target, options.fold()), "track " + i + " folded wrongly");
            check(Math.abs(p.effectiveTempo() - target) <= options.toleranceBpm(), "track " + i + " is off tempo");
            check(!alsoAtStart || Math.abs(p.effectiveTempo() - plan.bpmAt(elapsed)) <= options.toleranceBpm(),
                    "track " + i + " is off the plan where it starts");
            check(ids.add(p.track().id()), "track " + p.track().id() + " repeats");
            if (i > 0) {
                int steps = p.track().camelotKey().stepsTo(tracks.get(i - 1).track().camelotKey());
                check(!options.strictHarmony() || steps <= 1, "transition into track " + i + " is not harmonic");
            }
            for (int back = 1; back <= PlaylistBuilder.ARTIST_SPACING && i - back >= 0; back++) {
                check(!tracks.get(i - back).track().artist().trim().equalsIgnoreCase(p.track().artist().trim()),
                        "artist of track " + i + " repeats within " + PlaylistBuilder.ARTIST_SPACING + " tracks");
            }
            elapsed += duration;
        }
        long last = tracks.isEmpty() ? 0 : tracks.get(tracks.size() - 1).track().durationMs();
        check(elapsed >= playlist.requestedMs() && elapsed - last < playlist.requestedMs(), "the playlist's length misses the run");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException("playlist search broke a hard constraint: " + problem);
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

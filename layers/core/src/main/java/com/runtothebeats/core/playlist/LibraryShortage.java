package com.runtothebeats.core.playlist;

import com.runtothebeats.core.music.Tempo;
import com.runtothebeats.core.run.TempoPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a playlist from the runner's library alone could not be built, in terms they can act on: how many of their
 * tracks sit at the plan's tempi, how many a run of that length needs, and what would widen the choice (a mix,
 * folding, a wider tolerance) with how many tracks each would bring. Only runs on the failure path.
 */
final class LibraryShortage {

    private LibraryShortage() {
    }

    static NoPlaylistException explain(TempoIndex library, TempoPlan plan, double minutes, PlaylistOptions options) {
        List<TempoPlan.Band> bands = plan.bands(0, minutes * 60_000);
        double low = bands.stream().mapToDouble(TempoPlan.Band::lowBpm).min().orElse(0);
        double high = bands.stream().mapToDouble(TempoPlan.Band::highBpm).max().orElse(0);
        double tolerance = options.toleranceBpm();
        int fitting = atTempi(library, low, high, tolerance, options.fold());
        long totalMs = 0;
        for (int i = 0; i < library.size(); i++) {
            totalMs += library.durationMs(i);
        }
        int needed = library.size() == 0 ? 0 : (int) Math.ceil(minutes * 60_000 / (totalMs / (double) library.size()));
        String range = fmt(low) + (high > low ? "–" + fmt(high) : "") + " BPM ±" + fmt(tolerance)
                + (options.fold() ? ", heard at half or double time too" : "");
        String what = fitting < needed
                ? "Your library holds " + fitting + " tracks at this plan's tempi (" + range + "): too few for a "
                + fmt(minutes) + "-minute playlist, which needs about " + needed + ", each in a key compatible with the last."
                : "Your library's " + fitting + " tracks at this plan's tempi (" + range + ") do not chain into a " + fmt(minutes)
                + "-minute playlist that keeps every rule (compatible keys, no song twice, artists spaced, energy floor).";
        List<NoPlaylistException.Suggestion> suggestions = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        suggestions.add(new NoPlaylistException.Suggestion(TrackSource.FIELD, TrackSource.MIX.id(), null));
        advice.add("\"source\": \"mix\" (your tracks first, the rest from catalog tracks in your style)");
        if (!options.fold()) {
            int folded = atTempi(library, low, high, tolerance, true);
            suggestions.add(new NoPlaylistException.Suggestion("options.fold", true, folded));
            advice.add("folding, options.fold: true (" + folded + " tracks at half or double time)");
        }
        if (tolerance < PlaylistOptions.MAX_TOLERANCE) {
            double wider = Math.min(PlaylistOptions.MAX_TOLERANCE, Math.max(tolerance * 2, tolerance + 2));
            int widened = atTempi(library, low, high, wider, options.fold());
            suggestions.add(new NoPlaylistException.Suggestion("options.tempoToleranceBpm", wider, widened));
            advice.add("a wider tolerance, options.tempoToleranceBpm: " + fmt(wider) + " (" + widened + " tracks)");
        }
        return new NoPlaylistException(TrackSource.FIELD, what + " Try " + String.join(", or ", advice) + ".", suggestions);
    }

    /** Library tracks whose tempo, at a factor they may be heard at, lies within the tolerance of [low, high]. */
    static int atTempi(TempoIndex library, double low, double high, double tolerance, boolean fold) {
        int count = 0;
        for (int i = 0; i < library.size(); i++) {
            int allowed = fold ? library.allowedFactors(i) : Tempo.AS_IS;
            for (double factor : Tempo.factors(fold)) {
                int bit = factor == 1.0 ? Tempo.AS_IS : factor == 2.0 ? Tempo.DOUBLE : Tempo.HALF;
                double effective = library.tempo(i) * factor;
                if ((allowed & bit) != 0 && effective >= low - tolerance && effective <= high + tolerance) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

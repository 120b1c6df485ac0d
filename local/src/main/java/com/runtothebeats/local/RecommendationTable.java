package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;

/** A recommendation (the API's response body) as a table for the terminal. */
final class RecommendationTable {

    private RecommendationTable() {
    }

    static void print(JsonNode body, PrintStream out) {
        JsonNode target = body.path("target");
        JsonNode plan = body.path("plan");
        JsonNode summary = body.path("summary");
        out.printf(Locale.ROOT, "Target %.1f BPM (%s) · plan %s%s · %s min%n", target.path("bpm").asDouble(),
                target.path("source").asText(), plan.path("type").asText(), curve(plan), number(summary.path("requestedMinutes").asDouble()));
        out.printf(Locale.ROOT, "%3s  %-5s  %-34s  %-22s  %6s  %6s  %6s  %-3s  %5s  %5s%n",
                "#", "start", "title", "artist", "BPM", "heard", "target", "key", "flow", "cost");
        for (JsonNode t : body.path("tracks")) {
            JsonNode scores = t.path("scores");
            out.printf(Locale.ROOT, "%3d  %-5s  %-34s  %-22s  %6.1f  %6.1f  %6.1f  %-3s  %5.2f  %5.2f%s%n",
                    t.path("position").asInt(), clock(t.path("startMs").asLong()), cut(t.path("name").asText(), 34),
                    cut(t.path("artist").asText(), 22), t.path("tempo").asDouble(), t.path("effectiveTempo").asDouble(),
                    t.path("targetTempo").asDouble(), t.path("camelot").asText(), scores.path("flow").asDouble(),
                    scores.path("total").asDouble(), (t.path("seed").asBoolean() ? "  (seed)" : "")
                            + (t.path("fromLibrary").asBoolean() ? "  (yours)" : ""));
        }
        out.printf(Locale.ROOT, "%d tracks, %s · |tempo error| mean %.2f, max %.2f BPM · harmonic %.0f%% · mean |Δtempo| %.2f BPM%n",
                summary.path("trackCount").asInt(), clock(summary.path("totalDurationMs").asLong()),
                summary.path("meanTempoError").asDouble(), summary.path("maxTempoError").asDouble(),
                summary.path("harmonicShare").asDouble() * 100, summary.path("meanTempoJump").asDouble());
        if (!summary.path("source").asText("catalog").equals("catalog")) {
            out.printf(Locale.ROOT, "source %s: %d of the tracks from your library%n", summary.path("source").asText(),
                    summary.path("fromLibrary").asInt());
        }
        out.printf(Locale.ROOT, "flow measured against %s (mean distance %.2f)%s · beam %d · total cost %.2f%n",
                summary.path("modelUsed").asBoolean() ? "the sequence model " + summary.path("modelVersion").asText() : "the previous track (no promoted model)",
                summary.path("meanFlowDistance").asDouble(), "", summary.path("beamWidth").asInt(), summary.path("totalCost").asDouble());
    }

    private static String curve(JsonNode plan) {
        StringBuilder s = new StringBuilder();
        if (plan.path("type").asText().equals("steady")) {
            return "";
        }
        s.append(" (");
        double last = Double.NaN;
        int shown = 0;
        for (JsonNode p : plan.path("curve")) {
            double bpm = p.path("bpm").asDouble();
            if (bpm != last && shown < 6) {
                s.append(shown++ == 0 ? "" : "→").append(number(bpm));
            }
            last = bpm;
        }
        return s.append(shown >= 6 ? "…)" : ")").toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String clock(long ms) {
        long seconds = Math.round(ms / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}

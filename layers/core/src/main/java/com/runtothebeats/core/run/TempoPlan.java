package com.runtothebeats.core.run;

import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the target tempo moves over a run, on a time axis from 0 to the run's length. A playlist slot takes
 * its target from the plan at the <strong>midpoint</strong> of the track that fills it: that is where
 * the runner spends the middle of the track, and on an interval plan it puts each block change at the
 * track boundary nearest the block's nominal start.
 */
public sealed interface TempoPlan permits TempoPlan.Steady, TempoPlan.Ramp, TempoPlan.Intervals {

    int MAX_BLOCKS = 20;
    double MIN_BLOCK_MINUTES = 0.5;
    double MAX_BLOCK_MINUTES = 60;

    /** steady, ramp or intervals. */
    String type();

    /** The target tempo at {@code ms} after the start of the run. */
    double bpmAt(double ms);

    /**
     * The target tempos the plan takes between {@code fromMs} and {@code toMs}, as bands (one per distinct
     * stretch), so candidate retrieval searches only those tempos.
     */
    List<Band> bands(double fromMs, double toMs);

    /** The target tempos from {@code lowBpm} to {@code highBpm} (equal on a stretch of one tempo). */
    record Band(double lowBpm, double highBpm) {
    }

    /** The plan as points on its time axis (minutes from the start), for charts and explanations. */
    List<CurvePoint> curve(double runMinutes);

    record CurvePoint(double minute, double bpm) {
    }

    /** One tempo for the whole run. */
    record Steady(double bpm) implements TempoPlan {
        @Override
        public String type() {
            return "steady";
        }

        @Override
        public double bpmAt(double ms) {
            return bpm;
        }

        @Override
        public List<Band> bands(double fromMs, double toMs) {
            return List.of(new Band(bpm, bpm));
        }

        @Override
        public List<CurvePoint> curve(double runMinutes) {
            return List.of(new CurvePoint(0, bpm), new CurvePoint(runMinutes, bpm));
        }
    }

    /** From one tempo to another, linearly over the run; past the run's end it stays at {@code toBpm}. */
    record Ramp(double fromBpm, double toBpm, double runMs) implements TempoPlan {
        @Override
        public String type() {
            return "ramp";
        }

        @Override
        public double bpmAt(double ms) {
            double progress = Math.max(0, Math.min(1, ms / runMs));
            return fromBpm + (toBpm - fromBpm) * progress;
        }

        @Override
        public List<Band> bands(double fromMs, double toMs) {
            double a = bpmAt(fromMs);
            double b = bpmAt(toMs);
            return List.of(new Band(Math.min(a, b), Math.max(a, b)));
        }

        @Override
        public List<CurvePoint> curve(double runMinutes) {
            return List.of(new CurvePoint(0, fromBpm), new CurvePoint(runMinutes, toBpm));
        }
    }

    /** Work and recovery blocks, each with its own tempo, repeated in order until the run ends. */
    final class Intervals implements TempoPlan {

        private final List<Block> blocks;
        /** Where each block ends within one cycle, and the cycle's length: the search asks for a target per candidate. */
        private final double[] endsMs;
        private final double[] bpms;
        private final double cycleMs;

        public Intervals(List<Block> blocks) {
            this.blocks = List.copyOf(blocks);
            if (this.blocks.isEmpty()) {
                throw new IllegalArgumentException("an interval plan needs at least one block");
            }
            endsMs = new double[this.blocks.size()];
            bpms = new double[this.blocks.size()];
            double sum = 0;
            for (int i = 0; i < endsMs.length; i++) {
                sum += this.blocks.get(i).minutes() * 60_000;
                endsMs[i] = sum;
                bpms[i] = this.blocks.get(i).bpm();
            }
            cycleMs = sum;
        }

        public List<Block> blocks() {
            return blocks;
        }

        @Override
        public String type() {
            return "intervals";
        }

        double cycleMs() {
            return cycleMs;
        }

        @Override
        public double bpmAt(double ms) {
            double at = Math.max(0, ms);
            // Not `%`: the JVM computes a double remainder out of line, and this runs once per candidate.
            double into = at - Math.floor(at / cycleMs) * cycleMs;
            for (int i = 0; i < endsMs.length; i++) {
                if (into < endsMs[i]) {
                    return bpms[i];
                }
            }
            return bpms[bpms.length - 1]; // only reached through rounding at the cycle's end
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Intervals other && other.blocks.equals(blocks);
        }

        @Override
        public int hashCode() {
            return blocks.hashCode();
        }

        @Override
        public String toString() {
            return "Intervals" + blocks;
        }

        @Override
        public List<Band> bands(double fromMs, double toMs) {
            List<Band> out = new ArrayList<>();
            double cycle = cycleMs();
            if (toMs - fromMs >= cycle) {
                for (Block b : blocks) {
                    out.add(new Band(b.bpm(), b.bpm()));
                }
                return out;
            }
            // Walk the block occurrences that overlap [fromMs, toMs].
            double start = Math.floor(Math.max(0, fromMs) / cycle) * cycle;
            int i = 0;
            while (start <= toMs) {
                Block b = blocks.get(i);
                double end = start + b.minutes() * 60_000;
                if (end > fromMs) {
                    out.add(new Band(b.bpm(), b.bpm()));
                }
                start = end;
                i = (i + 1) % blocks.size();
            }
            return out;
        }

        @Override
        public List<CurvePoint> curve(double runMinutes) {
            List<CurvePoint> points = new ArrayList<>();
            double minute = 0;
            int i = 0;
            while (minute < runMinutes) {
                Block b = blocks.get(i);
                double end = Math.min(runMinutes, minute + b.minutes());
                points.add(new CurvePoint(minute, b.bpm()));
                points.add(new CurvePoint(end, b.bpm()));
                minute = end;
                i = (i + 1) % blocks.size();
            }
            return points;
        }
    }

    /** One interval block: how long, at what tempo. */
    record Block(double minutes, double bpm) {
    }

    /**
     * A plan as a caller asks for it, before defaults: a tempo the plan leaves out is the target's.
     *
     * @param type    steady, ramp or intervals (null means steady)
     * @param fromBpm ramp start (default: the target)
     * @param toBpm   ramp end (default: the target)
     * @param blocks  interval blocks; a block's bpm defaults to the target
     */
    record Request(String type, Double fromBpm, Double toBpm, List<BlockRequest> blocks) {

        public static Request steady() {
            return new Request("steady", null, null, null);
        }
    }

    record BlockRequest(Double minutes, Double bpm) {
    }

    /**
     * Resolves a request against the target (which may be null when the plan names every tempo) and the
     * run's length. Errors name the field in the API's terms ({@code plan.blocks[1].bpm}).
     */
    static TempoPlan resolve(Request request, TargetTempo target, double runMinutes) {
        String type = request == null || request.type() == null ? "steady" : request.type();
        switch (type) {
            case "steady" -> {
                if (target == null) {
                    throw new InvalidInputException("target", "a steady plan needs a target: give target.type tempo, heartRate, cadence or current");
                }
                return new Steady(target.bpm());
            }
            case "ramp" -> {
                double from = tempoOrTarget(request.fromBpm(), target, "plan.fromBpm");
                double to = tempoOrTarget(request.toBpm(), target, "plan.toBpm");
                return new Ramp(from, to, runMinutes * 60_000);
            }
            case "intervals" -> {
                List<BlockRequest> requested = request.blocks();
                if (requested == null || requested.isEmpty()) {
                    throw new InvalidInputException("plan.blocks", "an interval plan needs blocks, e.g. [{\"minutes\":4,\"bpm\":175},{\"minutes\":2,\"bpm\":150}]");
                }
                if (requested.size() > MAX_BLOCKS) {
                    throw new InvalidInputException("plan.blocks", "an interval plan has at most " + MAX_BLOCKS + " blocks, was " + requested.size());
                }
                List<Block> blocks = new ArrayList<>();
                for (int i = 0; i < requested.size(); i++) {
                    BlockRequest b = requested.get(i);
                    String field = "plan.blocks[" + i + "]";
                    if (b == null) {
                        throw new InvalidInputException(field, field + " must be an object {\"minutes\":…, \"bpm\":…}");
                    }
                    Double minutes = b.minutes();
                    if (minutes == null || !Double.isFinite(minutes) || minutes < MIN_BLOCK_MINUTES || minutes > MAX_BLOCK_MINUTES) {
                        throw new InvalidInputException(field + ".minutes", field + ".minutes must be from " + MIN_BLOCK_MINUTES
                                + " to " + (int) MAX_BLOCK_MINUTES + " minutes, was " + minutes);
                    }
                    blocks.add(new Block(minutes, tempoOrTarget(b.bpm(), target, field + ".bpm")));
                }
                return new Intervals(blocks);
            }
            default -> throw new InvalidInputException("plan.type", "plan.type must be steady, ramp or intervals, was '" + type + "'");
        }
    }

    private static double tempoOrTarget(Double bpm, TargetTempo target, String field) {
        if (bpm == null) {
            if (target == null) {
                throw new InvalidInputException(field, field + " is required when no target is given");
            }
            return target.bpm();
        }
        TargetTempo.requireTempo(bpm, field);
        return bpm;
    }
}

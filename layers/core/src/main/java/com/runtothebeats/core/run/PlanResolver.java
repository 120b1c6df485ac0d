package com.runtothebeats.core.run;

import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link TempoPlan.Request} into a plan, with the run's optional warm-up and cool-down. */
public final class PlanResolver {

    public static final double MAX_EASY_MINUTES = 30;
    /** What a warm-up or cool-down leaves of the run at least. */
    public static final double MIN_MAIN_MINUTES = 5;

    private PlanResolver() {
    }

    /**
     * The plan over the whole run: the warm-up, the requested plan over what is left, the cool-down
     * ({@link EasyEnds}); just the requested plan when both are 0 or null.
     */
    public static TempoPlan resolve(TempoPlan.Request request, TargetTempo target, double runMinutes,
                                    Double warmupMinutes, Double cooldownMinutes) {
        double warm = easyMinutes(warmupMinutes, "warmupMinutes");
        double cool = easyMinutes(cooldownMinutes, "cooldownMinutes");
        if (warm + cool == 0) {
            return resolve(request, target, runMinutes);
        }
        double main = runMinutes - warm - cool;
        if (main < MIN_MAIN_MINUTES) {
            String field = warm >= cool ? "warmupMinutes" : "cooldownMinutes";
            throw new InvalidInputException(field, "warmupMinutes + cooldownMinutes (" + fmt(warm + cool) + ") must leave at least "
                    + fmt(MIN_MAIN_MINUTES) + " minutes of the " + fmt(runMinutes) + "-minute run");
        }
        return new EasyEnds(resolve(request, target, main), warm * 60_000, cool * 60_000, runMinutes * 60_000);
    }

    private static double easyMinutes(Double minutes, String field) {
        if (minutes == null) {
            return 0;
        }
        if (!Double.isFinite(minutes) || minutes < 0 || minutes > MAX_EASY_MINUTES) {
            throw new InvalidInputException(field, field + " must be from 0 to " + fmt(MAX_EASY_MINUTES) + " minutes, was " + minutes);
        }
        return minutes;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Resolves a request against the target (which may be null when the plan names every tempo) and the
     * run's length. Errors name the field in the API's terms ({@code plan.blocks[1].bpm}).
     */
    static TempoPlan resolve(TempoPlan.Request request, TargetTempo target, double runMinutes) {
        String type = request == null || request.type() == null ? "steady" : request.type();
        switch (type) {
            case "steady" -> {
                if (target == null) {
                    throw new InvalidInputException("target", "a steady plan needs a target: give target.type tempo, heartRate, cadence or current");
                }
                return new TempoPlan.Steady(target.bpm());
            }
            case "ramp" -> {
                double from = tempoOrTarget(request.fromBpm(), target, "plan.fromBpm");
                double to = tempoOrTarget(request.toBpm(), target, "plan.toBpm");
                return new TempoPlan.Ramp(from, to, runMinutes * 60_000);
            }
            case "intervals" -> {
                List<TempoPlan.BlockRequest> requested = request.blocks();
                if (requested == null || requested.isEmpty()) {
                    throw new InvalidInputException("plan.blocks", "an interval plan needs blocks, e.g. [{\"minutes\":4,\"bpm\":175},{\"minutes\":2,\"bpm\":150}]");
                }
                if (requested.size() > TempoPlan.MAX_BLOCKS) {
                    throw new InvalidInputException("plan.blocks", "an interval plan has at most " + TempoPlan.MAX_BLOCKS + " blocks, was " + requested.size());
                }
                List<TempoPlan.Block> blocks = new ArrayList<>();
                for (int i = 0; i < requested.size(); i++) {
                    TempoPlan.BlockRequest b = requested.get(i);
                    String field = "plan.blocks[" + i + "]";
                    if (b == null) {
                        throw new InvalidInputException(field, field + " must be an object {\"minutes\":…, \"bpm\":…}");
                    }
                    Double minutes = b.minutes();
                    if (minutes == null || !Double.isFinite(minutes) || minutes < TempoPlan.MIN_BLOCK_MINUTES || minutes > TempoPlan.MAX_BLOCK_MINUTES) {
                        throw new InvalidInputException(field + ".minutes", field + ".minutes must be from " + TempoPlan.MIN_BLOCK_MINUTES
                                + " to " + (int) TempoPlan.MAX_BLOCK_MINUTES + " minutes, was " + minutes);
                    }
                    blocks.add(new TempoPlan.Block(minutes, tempoOrTarget(b.bpm(), target, field + ".bpm")));
                }
                return new TempoPlan.Intervals(blocks);
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

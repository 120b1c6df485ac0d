package com.runtothebeats.core.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan with a warm-up before it and a cool-down after it, each at {@value #EASY_SHARE} of the main plan's
 * lowest tempo (90% of 150 = 135 BPM). Why that tempo: runners slow down mostly by shortening the stride,
 * and an easy jog's cadence sits 5–10% below the same runner's steady cadence, so a beat 10% slower still
 * falls on the steps without asking for a shuffle; taking it from the lowest tempo keeps a warm-up before
 * an interval session below its recovery blocks. The main plan runs on its own time axis from the end of
 * the warm-up; a track whose midpoint falls in the warm-up or cool-down takes that tempo and effort.
 */
final class EasyEnds implements TempoPlan {

    static final double EASY_SHARE = 0.9;

    private final TempoPlan main;
    private final double warmUpMs;
    private final double coolDownMs;
    private final double runMs;
    private final double easyBpm;

    EasyEnds(TempoPlan main, double warmUpMs, double coolDownMs, double runMs) {
        this.main = main;
        this.warmUpMs = warmUpMs;
        this.coolDownMs = coolDownMs;
        this.runMs = runMs;
        double lowest = Double.POSITIVE_INFINITY;
        for (CurvePoint p : main.curve(mainMs() / 60_000)) {
            lowest = Math.min(lowest, p.bpm());
        }
        this.easyBpm = EASY_SHARE * lowest;
    }

    private double mainMs() {
        return runMs - warmUpMs - coolDownMs;
    }

    /** The warm-up's and cool-down's tempo. */
    public double easyBpm() {
        return easyBpm;
    }

    public TempoPlan main() {
        return main;
    }

    @Override
    public String type() {
        return main.type();
    }

    private boolean inWarmUp(double ms) {
        return ms < warmUpMs;
    }

    private boolean inCoolDown(double ms) {
        return coolDownMs > 0 && ms >= runMs - coolDownMs;
    }

    @Override
    public double bpmAt(double ms) {
        return inWarmUp(ms) || inCoolDown(ms) ? easyBpm : main.bpmAt(ms - warmUpMs);
    }

    @Override
    public Effort effortAt(double ms) {
        if (inWarmUp(ms)) {
            return Effort.WARM_UP;
        }
        return inCoolDown(ms) ? Effort.COOL_DOWN : main.effortAt(ms - warmUpMs);
    }

    @Override
    public boolean gradual() {
        return main.gradual();
    }

    @Override
    public List<Band> bands(double fromMs, double toMs) {
        List<Band> out = new ArrayList<>();
        if (inWarmUp(fromMs) || inCoolDown(toMs)) {
            out.add(new Band(easyBpm, easyBpm));
        }
        double mainFrom = Math.max(fromMs, warmUpMs);
        double mainTo = coolDownMs > 0 ? Math.min(toMs, runMs - coolDownMs) : toMs;
        if (mainFrom <= mainTo) {
            out.addAll(main.bands(mainFrom - warmUpMs, mainTo - warmUpMs));
        }
        return out;
    }

    @Override
    public List<CurvePoint> curve(double runMinutes) {
        double warm = warmUpMs / 60_000;
        double cool = coolDownMs / 60_000;
        List<CurvePoint> points = new ArrayList<>();
        if (warm > 0) {
            points.add(new CurvePoint(0, easyBpm));
            points.add(new CurvePoint(warm, easyBpm));
        }
        for (CurvePoint p : main.curve(runMinutes - warm - cool)) {
            points.add(new CurvePoint(p.minute() + warm, p.bpm()));
        }
        if (cool > 0) {
            points.add(new CurvePoint(runMinutes - cool, easyBpm));
            points.add(new CurvePoint(runMinutes, easyBpm));
        }
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EasyEnds e && e.main.equals(main) && e.warmUpMs == warmUpMs && e.coolDownMs == coolDownMs && e.runMs == runMs;
    }

    @Override
    public int hashCode() {
        return main.hashCode() * 31 + Double.hashCode(warmUpMs + 7 * coolDownMs);
    }
}

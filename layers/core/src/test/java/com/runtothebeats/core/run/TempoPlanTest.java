package com.runtothebeats.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.runtothebeats.core.validation.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TempoPlanTest {

    private static final TargetTempo T170 = TargetTempo.explicit(170, "target.bpm");

    @Test
    void steadyIsTheTargetEverywhere() {
        TempoPlan plan = TempoPlan.resolve(TempoPlan.Request.steady(), T170, 60);
        assertEquals(170, plan.bpmAt(0));
        assertEquals(170, plan.bpmAt(59 * 60_000));
    }

    @Test
    void rampMovesLinearlyOverTheRunAndHoldsAfterIt() {
        TempoPlan plan = TempoPlan.resolve(new TempoPlan.Request("ramp", 150.0, 175.0, null), null, 60);
        assertEquals(150, plan.bpmAt(0), 1e-9);
        assertEquals(162.5, plan.bpmAt(30 * 60_000), 1e-9);
        assertEquals(155, plan.bpmAt(12 * 60_000), 1e-9);
        assertEquals(175, plan.bpmAt(60 * 60_000), 1e-9);
        assertEquals(175, plan.bpmAt(63 * 60_000), 1e-9);
        TempoPlan.Band band = plan.bands(12 * 60_000, 24 * 60_000).get(0);
        assertEquals(155, band.lowBpm(), 1e-9);
        assertEquals(160, band.highBpm(), 1e-9);
    }

    @Test
    void rampStartsFromTheTargetWhenNoStartIsGiven() {
        TempoPlan plan = TempoPlan.resolve(new TempoPlan.Request("ramp", null, 180.0, null), T170, 30);
        assertEquals(170, plan.bpmAt(0), 1e-9);
        assertEquals(175, plan.bpmAt(15 * 60_000), 1e-9);
    }

    @Test
    void intervalsRepeatTheirBlocks() {
        TempoPlan plan = intervals4x175and2x150();
        assertEquals(175, plan.bpmAt(0));
        assertEquals(175, plan.bpmAt(3.99 * 60_000));
        assertEquals(150, plan.bpmAt(4 * 60_000));
        assertEquals(150, plan.bpmAt(5.99 * 60_000));
        assertEquals(175, plan.bpmAt(6 * 60_000));
        assertEquals(150, plan.bpmAt(59 * 60_000));
    }

    @Test
    void intervalBandsListTheBlocksAWindowTouches() {
        TempoPlan plan = intervals4x175and2x150();
        assertEquals(List.of(175.0), tempos(plan.bands(0, 3 * 60_000)));
        assertEquals(List.of(175.0, 150.0), tempos(plan.bands(3 * 60_000, 5 * 60_000)));
        assertEquals(List.of(150.0, 175.0), tempos(plan.bands(5 * 60_000, 7 * 60_000)));
        assertEquals(2, plan.bands(0, 20 * 60_000).size());
    }

    @Test
    void intervalCurveStepsAtEachBlockAndStopsAtTheRunsEnd() {
        TempoPlan plan = intervals4x175and2x150();
        List<TempoPlan.CurvePoint> curve = plan.curve(10);
        assertEquals(List.of(new TempoPlan.CurvePoint(0, 175), new TempoPlan.CurvePoint(4, 175),
                new TempoPlan.CurvePoint(4, 150), new TempoPlan.CurvePoint(6, 150),
                new TempoPlan.CurvePoint(6, 175), new TempoPlan.CurvePoint(10, 175)), curve);
    }

    @Test
    void badPlansNameTheField() {
        assertField("target", () -> TempoPlan.resolve(TempoPlan.Request.steady(), null, 60));
        assertField("plan.type", () -> TempoPlan.resolve(new TempoPlan.Request("zigzag", null, null, null), T170, 60));
        assertField("plan.fromBpm", () -> TempoPlan.resolve(new TempoPlan.Request("ramp", 300.0, 170.0, null), T170, 60));
        assertField("plan.toBpm", () -> TempoPlan.resolve(new TempoPlan.Request("ramp", 150.0, null, null), null, 60));
        assertField("plan.blocks", () -> TempoPlan.resolve(new TempoPlan.Request("intervals", null, null, List.of()), T170, 60));
        assertField("plan.blocks[1].minutes", () -> TempoPlan.resolve(new TempoPlan.Request("intervals", null, null,
                List.of(new TempoPlan.BlockRequest(4.0, 175.0), new TempoPlan.BlockRequest(0.0, 150.0))), T170, 60));
        assertField("plan.blocks[0].bpm", () -> TempoPlan.resolve(new TempoPlan.Request("intervals", null, null,
                List.of(new TempoPlan.BlockRequest(4.0, 20.0))), T170, 60));
        assertField("plan.blocks[0].bpm", () -> TempoPlan.resolve(new TempoPlan.Request("intervals", null, null,
                List.of(new TempoPlan.BlockRequest(4.0, null))), null, 60));
    }

    private static TempoPlan intervals4x175and2x150() {
        return TempoPlan.resolve(new TempoPlan.Request("intervals", null, null,
                List.of(new TempoPlan.BlockRequest(4.0, 175.0), new TempoPlan.BlockRequest(2.0, 150.0))), null, 60);
    }

    private static List<Double> tempos(List<TempoPlan.Band> bands) {
        return bands.stream().map(TempoPlan.Band::lowBpm).toList();
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        assertEquals(field, assertThrows(InvalidInputException.class, call).field());
    }
}

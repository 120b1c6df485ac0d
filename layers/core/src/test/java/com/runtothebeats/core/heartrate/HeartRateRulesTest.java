package com.runtothebeats.core.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.runtothebeats.core.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heart-rate rules: suggested tempo by heart-rate reserve, the runner's state, notification keys. */
class HeartRateRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-24T19:00:00Z");

    @Test
    void suggestedTempoFollowsHeartRateReserve() {
        // resting 60, max 190: reserve 130
        assertEquals(120, SuggestedTempo.forHeartRate(60, 60, 190), "at rest: a walk");
        assertEquals(135, SuggestedTempo.forHeartRate(93, 60, 190), "25% of reserve: halfway to an easy run");
        assertEquals(150, SuggestedTempo.forHeartRate(125, 60, 190), "50%: an easy run");
        assertEquals(164, SuggestedTempo.forHeartRate(151, 60, 190), "70%");
        assertEquals(185, SuggestedTempo.forHeartRate(190, 60, 190), "100%: all out");
        assertEquals(185, SuggestedTempo.forHeartRate(205, 60, 190), "beyond the estimate: capped");
        assertEquals(120, SuggestedTempo.forHeartRate(40, 60, 190), "below resting: floored");
    }

    @Test
    void zonesAreTenthsOfTheReserveAboveHalf() {
        assertEquals(0, SuggestedTempo.zone(124, 60, 190));
        assertEquals(1, SuggestedTempo.zone(125, 60, 190));
        assertEquals(3, SuggestedTempo.zone(151, 60, 190));
        assertEquals(5, SuggestedTempo.zone(190, 60, 190));
    }

    @Test
    void theZoneBoundsFollowTheSameRuleAsZoneAndEachStartsAtItsSuggestedTempo() {
        List<HeartRateZone> zones = SuggestedTempo.zones(60, 190);
        assertEquals(5, zones.size());
        assertEquals(new HeartRateZone(1, 125, 138, SuggestedTempo.forHeartRate(125, 60, 190)), zones.get(0));
        assertEquals(190, zones.get(4).toBpm());
        for (HeartRateZone zone : zones) {
            assertEquals(zone.zone(), SuggestedTempo.zone(zone.fromBpm(), 60, 190), "the lower bound is in its zone: " + zone);
            assertEquals(zone.zone() - 1, SuggestedTempo.zone(zone.fromBpm() - 1, 60, 190), "one below is the zone under: " + zone);
        }
        for (int i = 1; i < zones.size(); i++) {
            assertEquals(zones.get(i - 1).toBpm(), zones.get(i).fromBpm(), "the zones meet without gaps");
        }
    }

    @Test
    void theStateTakesTheNewestReadingAndWidensTheEstimates() {
        RunnerHeartRate state = RunnerHeartRate.unknown().observe(List.of(
                new HeartRateSample(T0.plusSeconds(10), 150), new HeartRateSample(T0, 48),
                new HeartRateSample(T0.plusSeconds(5), 196)), "google-health");
        assertEquals(150, state.current());
        assertEquals(T0.plusSeconds(10), state.at());
        assertEquals(48, state.resting());
        assertEquals(196, state.max());
        assertEquals(SuggestedTempo.forHeartRate(150, 48, 196), state.suggestedTargetTempo());

        RunnerHeartRate late = state.observe(List.of(new HeartRateSample(T0.plusSeconds(1), 120)), "google-health");
        assertEquals(150, late.current(), "an older interval arriving late does not replace the current reading");

        RunnerHeartRate noise = state.observe(List.of(new HeartRateSample(T0.plusSeconds(20), 250),
                new HeartRateSample(T0.plusSeconds(21), 12)), "google-health");
        assertEquals(state, noise, "implausible readings are ignored");
    }

    @Test
    void anEmptyStateSuggestsNothing() {
        assertNull(RunnerHeartRate.unknown().observe(List.of(), "manual").suggestedTargetTempo());
    }

    @Test
    void typedHeartRatesAreValidated() {
        assertEquals(152, HeartRateSample.entered(T0, 152, "bpm").bpm());
        assertEquals(30, HeartRateSample.entered(T0, 30, "bpm").bpm());
        assertEquals(230, HeartRateSample.entered(T0, 230, "bpm").bpm());
        for (Integer bad : new Integer[] {29, 231, null}) {
            assertEquals("bpm", assertThrows(InvalidInputException.class, () -> HeartRateSample.entered(T0, bad, "bpm")).field());
        }
    }

    @Test
    void dataTypeSpellingsNormaliseToOneKey() {
        for (String spelling : List.of("heart-rate", "heartRate", "HEART_RATE", "heart_rate", " Heart Rate ")) {
            assertEquals("heart-rate", DataChangeNotification.normaliseDataType(spelling), spelling);
        }
        assertEquals("steps", DataChangeNotification.normaliseDataType("STEPS"));
        assertEquals("active-zone-minutes", DataChangeNotification.normaliseDataType("activeZoneMinutes"));
        DataChangeNotification a = new DataChangeNotification("hu", "heart-rate", "UPSERT", T0, T0.plusSeconds(60));
        DataChangeNotification b = new DataChangeNotification("hu", "heart-rate", "DELETE", T0, T0.plusSeconds(60));
        assertEquals("hu#heart-rate#2026-11-24T19:00:00Z#2026-11-24T19:01:00Z#UPSERT", a.key());
        assertEquals(false, a.key().equals(b.key()), "the operation is part of the key");
    }
}

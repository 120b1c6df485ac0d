package com.runtothebeats.core.heartrate;

/**
 * One heart-rate zone of a runner ({@link SuggestedTempo#zones}): from {@code fromBpm} up to {@code toBpm},
 * and the tempo suggested at its lower edge.
 */
public record HeartRateZone(int zone, int fromBpm, int toBpm, int suggestedTempo) {
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.validation.InvalidInputException;

/**
 * How the search runs. Defaults: folding on, beam width 8, tempo tolerance ±2 BPM, strict harmony
 * (every transition Camelot-compatible), {@link TransitionWeights#DEFAULTS}.
 *
 * @param fold          hear tracks at ×½ or ×2 when that is nearer the target
 * @param beamWidth     playlists kept per step, 1 (greedy) to {@value #MAX_BEAM_WIDTH}
 * @param toleranceBpm  the hard limit on |effective tempo − slot target|, {@value #MIN_TOLERANCE}–{@value #MAX_TOLERANCE}
 * @param strictHarmony only Camelot-compatible transitions (same key, ±1 hour, relative major/minor);
 *                      when false, any key is allowed and only costs its steps round the wheel
 * @param energyFloor   the lowest energy a track may have where the runner works (steady, ramp and interval
 *                      work stretches), 0–1, default {@value #DEFAULT_ENERGY_FLOOR}; 0 turns the floor off
 */
public record PlaylistOptions(boolean fold, int beamWidth, double toleranceBpm, boolean strictHarmony, TransitionWeights weights,
                              double energyFloor) {

    public static final int DEFAULT_BEAM_WIDTH = 8;
    public static final int MAX_BEAM_WIDTH = 64;
    public static final double DEFAULT_TOLERANCE = 2.0;
    public static final double MIN_TOLERANCE = 0.5;
    public static final double MAX_TOLERANCE = 20;
    public static final double DEFAULT_ENERGY_FLOOR = 0.5;
    public static final PlaylistOptions DEFAULTS =
            new PlaylistOptions(true, DEFAULT_BEAM_WIDTH, DEFAULT_TOLERANCE, true, TransitionWeights.DEFAULTS, DEFAULT_ENERGY_FLOOR);

    public PlaylistOptions {
        if (beamWidth < 1 || beamWidth > MAX_BEAM_WIDTH) {
            throw new InvalidInputException("options.beamWidth", "options.beamWidth must be from 1 to " + MAX_BEAM_WIDTH + ", was " + beamWidth);
        }
        if (!Double.isFinite(toleranceBpm) || toleranceBpm < MIN_TOLERANCE || toleranceBpm > MAX_TOLERANCE) {
            throw new InvalidInputException("options.tempoToleranceBpm", "options.tempoToleranceBpm must be from "
                    + MIN_TOLERANCE + " to " + (int) MAX_TOLERANCE + " BPM, was " + toleranceBpm);
        }
        if (weights == null) {
            weights = TransitionWeights.DEFAULTS;
        }
        if (!Double.isFinite(energyFloor) || energyFloor < 0 || energyFloor > 1) {
            throw new InvalidInputException("options.energyFloor", "options.energyFloor must be from 0 to 1, was " + energyFloor);
        }
    }

    /** Options with the default energy floor. */
    public PlaylistOptions(boolean fold, int beamWidth, double toleranceBpm, boolean strictHarmony, TransitionWeights weights) {
        this(fold, beamWidth, toleranceBpm, strictHarmony, weights, DEFAULT_ENERGY_FLOOR);
    }

    public PlaylistOptions withBeamWidth(int width) {
        return new PlaylistOptions(fold, width, toleranceBpm, strictHarmony, weights, energyFloor);
    }

    public PlaylistOptions withFold(boolean on) {
        return new PlaylistOptions(on, beamWidth, toleranceBpm, strictHarmony, weights, energyFloor);
    }

    public PlaylistOptions withEnergyFloor(double floor) {
        return new PlaylistOptions(fold, beamWidth, toleranceBpm, strictHarmony, weights, floor);
    }
}

package com.runtothebeats.core.playlist;

import com.runtothebeats.core.validation.InvalidInputException;

/**
 * How much each part of a transition's cost counts. Defaults: flow 1.0, key 1.0, tempo 1.0, jump 0.5,
 * fit 2.0, energy 1.0. Each part is on a comparable scale (see {@link TransitionScore}), so the defaults treat a
 * flow distance of one standard unit, one step round the Camelot wheel and a tempo error of the full
 * tolerance as equally bad, and a tempo jump as half as bad.
 */
public record TransitionWeights(double flow, double key, double tempo, double jump, double fit, double energy) {

    public static final double MAX_WEIGHT = 100;
    public static final TransitionWeights DEFAULTS = new TransitionWeights(1.0, 1.0, 1.0, 0.5, 2.0, 1.0);

    public TransitionWeights {
        check(flow, "flow");
        check(key, "key");
        check(tempo, "tempo");
        check(jump, "jump");
        check(fit, "fit");
        check(energy, "energy");
    }

    /** The weights before energy was part of the cost, with the default energy weight. */
    public TransitionWeights(double flow, double key, double tempo, double jump, double fit) {
        this(flow, key, tempo, jump, fit, DEFAULTS_ENERGY);
    }

    private static final double DEFAULTS_ENERGY = 1.0;

    private static void check(double weight, String name) {
        if (!Double.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
            String field = "options.weights." + name;
            throw new InvalidInputException(field, field + " must be a number from 0 to " + (int) MAX_WEIGHT + ", was " + weight);
        }
    }

    /** The defaults with any of the given weights replaced (null keeps the default). */
    public static TransitionWeights of(Double flow, Double key, Double tempo, Double jump, Double fit) {
        return of(flow, key, tempo, jump, fit, null);
    }

    /** The defaults with any of the given weights replaced (null keeps the default). */
    public static TransitionWeights of(Double flow, Double key, Double tempo, Double jump, Double fit, Double energy) {
        return new TransitionWeights(
                flow != null ? flow : DEFAULTS.flow,
                key != null ? key : DEFAULTS.key,
                tempo != null ? tempo : DEFAULTS.tempo,
                jump != null ? jump : DEFAULTS.jump,
                fit != null ? fit : DEFAULTS.fit,
                energy != null ? energy : DEFAULTS.energy);
    }
}

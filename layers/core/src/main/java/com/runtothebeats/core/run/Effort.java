package com.runtothebeats.core.run;

/**
 * What a stretch of the run asks of the music besides its tempo: how hard the runner is working there, and
 * the energy and danceability that fit it (Spotify's 0..1 audio features). The playlist search prefers
 * tracks near these values (a weighted soft cost) and, in effort stretches, keeps out tracks below the
 * request's energy floor.
 *
 * <p>The values are chosen, not learned: a steady run sits at 0.75 energy, a ramp rises from 0.65 to 0.90
 * with its tempo, interval work blocks want 0.85 and recovery blocks 0.55, warm-up and cool-down 0.50.
 * Danceability is asked for as a minimum-like preference (more is never penalised), 0.60 in effort
 * stretches, 0.45 elsewhere: a clear beat is what makes a track runnable.
 */
public record Effort(Intensity intensity, double energy, double danceability) {

    public enum Intensity {
        WARM_UP("warm-up"), STEADY("steady"), RAMP("ramp"), WORK("work"), RECOVERY("recovery"), COOL_DOWN("cool-down");

        private final String label;

        Intensity(String label) {
            this.label = label;
        }

        /** steady, ramp and work: where a low-energy track lets the runner down (the energy floor applies). */
        public boolean isEffort() {
            return this == STEADY || this == RAMP || this == WORK;
        }

        public String label() {
            return label;
        }
    }

    static final double EFFORT_DANCEABILITY = 0.60;
    static final double EASY_DANCEABILITY = 0.45;

    public static final Effort STEADY = new Effort(Intensity.STEADY, 0.75, EFFORT_DANCEABILITY);
    public static final Effort WORK = new Effort(Intensity.WORK, 0.85, EFFORT_DANCEABILITY);
    public static final Effort RECOVERY = new Effort(Intensity.RECOVERY, 0.55, EASY_DANCEABILITY);
    public static final Effort WARM_UP = new Effort(Intensity.WARM_UP, 0.50, EASY_DANCEABILITY);
    public static final Effort COOL_DOWN = new Effort(Intensity.COOL_DOWN, 0.50, EASY_DANCEABILITY);

    /** A ramp's effort at {@code progress} (0 at its start, 1 at its end): energy 0.65 → 0.90. */
    public static Effort ramp(double progress) {
        double p = Math.max(0, Math.min(1, progress));
        return new Effort(Intensity.RAMP, 0.65 + 0.25 * p, EFFORT_DANCEABILITY);
    }

    /**
     * How far a track's energy and danceability are from this effort, in units of 0.2 energy: |Δenergy|, plus
     * half of the danceability shortfall. 0 for a perfect fit; 1 ≈ as bad as one step round the Camelot wheel
     * at the default weights.
     */
    public double misfit(double trackEnergy, double trackDanceability) {
        return (Math.abs(trackEnergy - energy) + 0.5 * Math.max(0, danceability - trackDanceability)) / 0.2;
    }
}

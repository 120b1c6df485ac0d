package com.runtothebeats.core.catalog;

import com.runtothebeats.core.music.Tempo;

/**
 * Whether a track's tempo is believable, and so at which factors the recommender may hear it.
 *
 * <p>Beat trackers often report a tempo an octave off (a ballad at 151 instead of 75.5, a drum-and-bass
 * track at 87 instead of 174). A tempo is <em>suspect</em> when
 * <ul>
 *   <li>two sources disagree by about ×2 or ×½ ({@link TrackDetails#otherTempo}, within {@value #RATIO_SLACK}); or</li>
 *   <li>the sound disagrees with it: listed at ≥ {@value #FAST_BPM} BPM with energy &lt; {@value #CALM_ENERGY} and
 *       danceability &lt; {@value #CALM_DANCEABILITY} (a calm track is rarely that fast), or listed at ≤
 *       {@value #SLOW_BPM} BPM with energy &gt; {@value #DRIVING_ENERGY} and danceability &gt;
 *       {@value #DRIVING_DANCEABILITY} (a driving, danceable track is rarely that slow).</li>
 * </ul>
 * A suspect track is only heard at its own tempo: folding it would multiply the error. A track whose time
 * signature is known to be in three (3/4, 6/8) is never heard at half time (×½): one stride every two beats
 * puts the downbeat on alternate feet bar after bar.
 */
public final class OctaveCheck {

    static final double RATIO_SLACK = 0.04;
    static final double FAST_BPM = 135;
    static final double CALM_ENERGY = 0.4;
    static final double CALM_DANCEABILITY = 0.5;
    static final double SLOW_BPM = 95;
    static final double DRIVING_ENERGY = 0.8;
    static final double DRIVING_DANCEABILITY = 0.7;

    private OctaveCheck() {
    }

    public static boolean suspect(Track track) {
        double tempo = track.tempo();
        Double other = track.details().otherTempo();
        if (other != null) {
            double ratio = tempo / other;
            if (Math.abs(ratio - 2) <= 2 * RATIO_SLACK || Math.abs(ratio - 0.5) <= 0.5 * RATIO_SLACK) {
                return true;
            }
        }
        AudioFeatures f = track.features();
        return (tempo >= FAST_BPM && f.energy() < CALM_ENERGY && f.danceability() < CALM_DANCEABILITY)
                || (tempo <= SLOW_BPM && f.energy() > DRIVING_ENERGY && f.danceability() > DRIVING_DANCEABILITY);
    }

    /** The factors ({@link Tempo#AS_IS}, {@link Tempo#DOUBLE}, {@link Tempo#HALF} bits) this track may be heard at. */
    public static int allowedFactors(Track track, boolean fold) {
        if (!fold || suspect(track)) {
            return Tempo.AS_IS;
        }
        return track.details().tripleMeter() ? Tempo.AS_IS | Tempo.DOUBLE : Tempo.ALL;
    }
}

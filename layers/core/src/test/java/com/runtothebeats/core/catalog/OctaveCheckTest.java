package com.runtothebeats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.music.Tempo;
import org.junit.jupiter.api.Test;

class OctaveCheckTest {

    static Track track(double tempo, double energy, double danceability, TrackDetails details) {
        AudioFeatures f = new AudioFeatures(0.1, danceability, energy, 0, 0.1, -6, 0.05, 0.5, 5, 1, tempo, 200_000);
        return new Track("t" + tempo, "Song", "Artist", "Album", 50, f, details);
    }

    @Test
    void twoSourcesAnOctaveApartFlagTheTrack() {
        assertTrue(OctaveCheck.suspect(track(151, 0.7, 0.7, new TrackDetails(null, null, null, 75.5))));
        assertTrue(OctaveCheck.suspect(track(84, 0.7, 0.7, new TrackDetails(null, null, null, 168.0))));
        assertFalse(OctaveCheck.suspect(track(151, 0.7, 0.7, new TrackDetails(null, null, null, 150.0))));
        assertFalse(OctaveCheck.suspect(track(151, 0.7, 0.7, new TrackDetails(null, null, null, 100.0))), "a third apart is not an octave");
    }

    @Test
    void aCalmTrackListedFastOrADrivingTrackListedSlowIsFlagged() {
        assertTrue(OctaveCheck.suspect(track(151, 0.25, 0.35, TrackDetails.UNKNOWN)), "a ballad at 151");
        assertTrue(OctaveCheck.suspect(track(87, 0.92, 0.8, TrackDetails.UNKNOWN)), "a driving dance track at 87");
        assertFalse(OctaveCheck.suspect(track(151, 0.8, 0.7, TrackDetails.UNKNOWN)));
        assertFalse(OctaveCheck.suspect(track(87, 0.5, 0.6, TrackDetails.UNKNOWN)));
    }

    @Test
    void aFlaggedTrackIsOnlyHeardAsIs() {
        Track ballad = track(151, 0.25, 0.35, TrackDetails.UNKNOWN);
        assertEquals(Tempo.AS_IS, OctaveCheck.allowedFactors(ballad, true));
        assertEquals(151, Tempo.effective(75.5 * 2, 75.5, OctaveCheck.allowedFactors(ballad, true)));
        Track driving = track(87, 0.92, 0.8, TrackDetails.UNKNOWN);
        assertEquals(87, Tempo.effective(87, 174, OctaveCheck.allowedFactors(driving, true)), "not doubled to 174");
    }

    @Test
    void aTrackInThreeIsNeverHeardAtHalfTime() {
        Track waltz = track(330, 0.7, 0.6, new TrackDetails(null, null, "3/4", null));
        Track jig = track(330, 0.7, 0.6, new TrackDetails(null, null, "6/8", null));
        Track four = track(330, 0.7, 0.6, new TrackDetails(null, null, "4/4", null));
        assertEquals(330, Tempo.effective(330, 165, OctaveCheck.allowedFactors(waltz, true)));
        assertEquals(330, Tempo.effective(330, 165, OctaveCheck.allowedFactors(jig, true)));
        assertEquals(165, Tempo.effective(330, 165, OctaveCheck.allowedFactors(four, true)));
        Track slowWaltz = track(82.5, 0.6, 0.6, new TrackDetails(null, null, "3/4", null));
        assertEquals(165, Tempo.effective(82.5, 165, OctaveCheck.allowedFactors(slowWaltz, true)), "double time keeps the bar's feel");
    }

    @Test
    void unreadableSignaturesCountAsUnknown() {
        assertFalse(new TrackDetails(null, null, "three-four", null).tripleMeter());
        assertEquals(null, new TrackDetails(null, null, "waltz", null).timeSignature());
    }
}

package com.runtothebeats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SongKeyTest {

    @Test
    void theIssuesTwinsAreOneSong() {
        assertEquals(SongKey.of("Say It (feat. Tove Lo) [Illenium Remix]", "Flume"), SongKey.of("Say It - Illenium Remix", "Flume"));
        assertEquals(SongKey.of("All I Have (feat. LL Cool J)", "Jennifer Lopez"), SongKey.of("All I Have", "Jennifer Lopez"));
        assertEquals("say it|flume", SongKey.of("Say It - Illenium Remix", "Flume").toString());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "Bohemian Rhapsody - Remastered 2011; Bohemian Rhapsody",
            "Bohemian Rhapsody - 2011 Remaster; Bohemian Rhapsody",
            "Dancing On My Own - Radio Edit; Dancing On My Own",
            "Stay Fly (feat. Young Buck, Eightball & MJG) - Explicit Album Version; Stay Fly",
            "Poppin' My Collar - feat. Project Pat - Explicit; Poppin My Collar",
            "Wonderwall - Live at Knebworth; Wonderwall",
            "Hurt - Acoustic Version; Hurt",
            "Sunflower (Spider-Man: Into the Spider-Verse) [with Swae Lee]; Sunflower (Spider-Man: Into the Spider-Verse)",
            "Señorita; Senorita",
            "Déjà Vu ft. Someone; Deja Vu",
            "Rock & Roll; Rock and Roll",
            "Despacito - Remix [feat. Justin Bieber]; Despacito",
            "Balada Boa - Ao Vivo; Balada Boa"})
    void versionTagsAndFeaturedArtistsFoldAway(String listed, String plain) {
        assertEquals(SongKey.of(plain, "Artist"), SongKey.of(listed, "Artist"));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = ';', value = {
            "Love Song Pt. 2; Love Song",
            "Intro (Interlude); Intro",
            "Part II (On the Run) - Live; Part I",
            "Yellow; Green"})
    void numberedPartsAndOtherTitlesStayApart(String a, String b) {
        assertNotEquals(SongKey.of(a, "Artist"), SongKey.of(b, "Artist"));
    }

    @Test
    void thePrimaryArtistIsTheOneBeforeFeaturingAndDuosStayWhole() {
        assertEquals("drake", SongKey.primaryArtist("Drake feat. Rihanna"));
        assertEquals("calvin harris", SongKey.primaryArtist("Calvin Harris with Dua Lipa"));
        assertEquals("simon and garfunkel", SongKey.primaryArtist("Simon & Garfunkel"));
        assertEquals("tyler the creator", SongKey.primaryArtist("Tyler, The Creator"));
        assertEquals("beyonce", SongKey.primaryArtist("Beyoncé"));
        assertEquals(SongKey.of("Umbrella", "Rihanna feat. JAY-Z"), SongKey.of("Umbrella", "Rihanna"));
    }

    @Test
    void aCoverByAnotherArtistIsAnotherSong() {
        assertNotEquals(SongKey.of("Hurt", "Johnny Cash"), SongKey.of("Hurt", "Nine Inch Nails"));
    }

    @Test
    void theKeyReadsBack() {
        SongKey key = SongKey.of("Say It", "Flume");
        assertEquals(key, SongKey.parse(key.toString()));
    }
}

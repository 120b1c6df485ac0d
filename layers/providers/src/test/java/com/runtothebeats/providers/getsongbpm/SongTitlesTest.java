package com.runtothebeats.providers.getsongbpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SongTitlesTest {

    @Test
    void editionLabelsAndFeaturedArtistsGo() {
        assertEquals("Here Comes the Sun", SongTitles.searchable("Here Comes the Sun - Remastered 2009"));
        assertEquals("Here Comes the Sun", SongTitles.searchable("Here Comes the Sun - 2019 Remaster"));
        assertEquals("Bohemian Rhapsody", SongTitles.searchable("Bohemian Rhapsody (Remastered 2011)"));
        assertEquals("Hey Ya!", SongTitles.searchable("Hey Ya! - Radio Edit"));
        assertEquals("Lean On", SongTitles.searchable("Lean On (feat. MØ & DJ Snake)"));
        assertEquals("Lean On", SongTitles.searchable("Lean On feat. MØ"));
        assertEquals("Stay", SongTitles.searchable("Stay (with Justin Bieber) - Remastered"));
    }

    @Test
    void versionsThatChangeTheTempoStay() {
        assertEquals("Titanium - David Guetta Remix", SongTitles.searchable("Titanium - David Guetta Remix"));
        assertFalse(SongTitles.title("Run (Remix)").equals(SongTitles.title("Run")));
    }

    @Test
    void comparisonIgnoresAccentsCaseAndPunctuation() {
        assertEquals(SongTitles.title("Señorita"), SongTitles.title("SENORITA"));
        assertEquals(SongTitles.title("Don't Stop Me Now"), SongTitles.title("Dont Stop Me Now"));
        assertEquals(SongTitles.title("Rock & Roll"), SongTitles.title("Rock and Roll"));
    }

    @Test
    void artistsMatchWithoutTheAccentsOrAsOneOfSeveral() {
        assertTrue(SongTitles.sameArtist("Beyoncé", "Beyonce"));
        assertTrue(SongTitles.sameArtist("The Killers", "Killers"));
        assertTrue(SongTitles.sameArtist("Camila Cabello", "Shawn Mendes & Camila Cabello"));
        assertTrue(SongTitles.sameArtist("MØ", "Major Lazer feat. Mo"));
        assertFalse(SongTitles.sameArtist("Snow Patrol", "Foo Fighters"));
        assertFalse(SongTitles.sameArtist("Mo", "Moby"));
    }
}

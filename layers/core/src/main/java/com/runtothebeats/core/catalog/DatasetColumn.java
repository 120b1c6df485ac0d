package com.runtothebeats.core.catalog;

/** The 23 columns of the public playlists dataset (TidyTuesday 2020-01-21 "Spotify Songs"), in file order. */
public enum DatasetColumn {
    TRACK_ID, TRACK_NAME, TRACK_ARTIST, TRACK_POPULARITY, TRACK_ALBUM_ID, TRACK_ALBUM_NAME,
    TRACK_ALBUM_RELEASE_DATE, PLAYLIST_NAME, PLAYLIST_ID, PLAYLIST_GENRE, PLAYLIST_SUBGENRE,
    DANCEABILITY, ENERGY, KEY, LOUDNESS, MODE, SPEECHINESS, ACOUSTICNESS, INSTRUMENTALNESS,
    LIVENESS, VALENCE, TEMPO, DURATION_MS;

    /** The header name as written in the file. */
    public String header() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package com.runtothebeats.local.library;

import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public playlists dataset read as songs (one per Spotify track id, the first row seen), with the features
 * Spotify once gave for them. It is what the local stand-ins know: ReccoBeats' features come from it, GetSongBPM's
 * tempo and key, and the demo runner's library is drawn from it. Rows without a name, artist or tempo are left out.
 */
public final class DatasetSongs {

    /** One song of the dataset, as its row gives it. */
    public record Song(String spotifyId, String name, String artist, String albumId, String albumName, String releaseDate,
                       String genre, long durationMs, double danceability, double energy, int key, double loudness, int mode,
                       double speechiness, double acousticness, double instrumentalness, double liveness, double valence,
                       double tempo) {
    }

    private final Map<String, Song> byId;

    private DatasetSongs(Map<String, Song> byId) {
        this.byId = byId;
    }

    public static DatasetSongs read(Path dataset) {
        Map<String, Song> songs = new TreeMap<>();
        try (InputStream in = Files.newInputStream(dataset)) {
            PlaylistDatasetCsv.read(in, row -> song(row).ifPresent(song -> songs.putIfAbsent(song.spotifyId(), song)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset " + dataset, e);
        }
        if (songs.isEmpty()) {
            throw new IllegalArgumentException("the dataset " + dataset + " has no usable songs");
        }
        return new DatasetSongs(songs);
    }

    private static Optional<Song> song(DatasetRow row) {
        try {
            String id = row.get(DatasetColumn.TRACK_ID).trim();
            String name = row.get(DatasetColumn.TRACK_NAME).trim();
            String artist = row.get(DatasetColumn.TRACK_ARTIST).trim();
            double tempo = number(row, DatasetColumn.TEMPO);
            if (id.isEmpty() || name.isEmpty() || artist.isEmpty() || !(tempo > 0)) {
                return Optional.empty();
            }
            return Optional.of(new Song(id, name, artist, row.get(DatasetColumn.TRACK_ALBUM_ID).trim(),
                    row.get(DatasetColumn.TRACK_ALBUM_NAME).trim(), row.get(DatasetColumn.TRACK_ALBUM_RELEASE_DATE).trim(),
                    row.get(DatasetColumn.PLAYLIST_GENRE).trim(), (long) number(row, DatasetColumn.DURATION_MS),
                    number(row, DatasetColumn.DANCEABILITY), number(row, DatasetColumn.ENERGY), (int) number(row, DatasetColumn.KEY),
                    number(row, DatasetColumn.LOUDNESS), (int) number(row, DatasetColumn.MODE), number(row, DatasetColumn.SPEECHINESS),
                    number(row, DatasetColumn.ACOUSTICNESS), number(row, DatasetColumn.INSTRUMENTALNESS),
                    number(row, DatasetColumn.LIVENESS), number(row, DatasetColumn.VALENCE), tempo));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a row the catalog's validation would drop too
        }
    }

    private static double number(DatasetRow row, DatasetColumn column) {
        return Double.parseDouble(row.get(column).trim());
    }

    public Optional<Song> byId(String spotifyId) {
        return Optional.ofNullable(byId.get(spotifyId));
    }

    /** Every song, in Spotify id order (so anything drawn from them is the same on every start). */
    public Collection<Song> all() {
        return byId.values();
    }

    public List<Song> inGenre(String genre) {
        return byId.values().stream().filter(song -> song.genre().equals(genre)).toList();
    }

    public int size() {
        return byId.size();
    }
}

package com.runtothebeats.providers.spotify;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.CatalogSource;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.providers.reccobeats.AudioFeatureLookup;
import com.runtothebeats.providers.reccobeats.ReccoBeatsClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The second harvest source: Spotify playlists named in the harvest's configuration, their track metadata
 * from Spotify and tempo, key and the other features from ReccoBeats, written as dataset rows so Transform
 * is unchanged. Tracks ReccoBeats does not know are left out and listed in {@link #unknownTracks()}.
 */
public final class SpotifyCatalogSource implements CatalogSource {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpotifyCatalogSource.class);
    private static final Pattern PLAYLIST_ID = Pattern.compile("[0-9A-Za-z]{22}");

    /** A configured playlist; genre and subgenre label its block the way the public dataset does. */
    public record PlaylistSpec(String id, String genre, String subgenre) {
    }

    private final SpotifyPlaylistReader spotify;
    private final ReccoBeatsClient features;
    private final List<PlaylistSpec> playlists;
    private final List<String> unknown = new ArrayList<>();

    public SpotifyCatalogSource(SpotifyPlaylistReader spotify, ReccoBeatsClient features, List<PlaylistSpec> playlists) {
        if (playlists == null || playlists.isEmpty()) {
            throw new InvalidInputException("source.playlists", "name at least one Spotify playlist id to harvest");
        }
        for (int i = 0; i < playlists.size(); i++) {
            if (playlists.get(i).id() == null || !PLAYLIST_ID.matcher(playlists.get(i).id()).matches()) {
                throw new InvalidInputException("source.playlists[" + i + "]", "not a Spotify playlist id (22 letters and digits)");
            }
        }
        this.spotify = spotify;
        this.features = features;
        this.playlists = List.copyOf(playlists);
    }

    @Override
    public String description() {
        return "spotify:" + String.join(",", playlists.stream().map(PlaylistSpec::id).toList()) + "+reccobeats";
    }

    @Override
    public List<DatasetRow> rows() {
        Map<PlaylistSpec, String> names = new LinkedHashMap<>();
        Map<PlaylistSpec, List<SpotifyTrack>> tracks = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (PlaylistSpec playlist : playlists) {
            names.put(playlist, spotify.playlistName(playlist.id()));
            List<SpotifyTrack> items = spotify.tracks(playlist.id());
            tracks.put(playlist, items);
            items.forEach(t -> ids.add(t.id()));
        }
        AudioFeatureLookup lookup = features.audioFeatures(ids);
        unknown.clear();
        unknown.addAll(lookup.unknown());
        if (!unknown.isEmpty()) {
            LOG.warn("ReccoBeats does not know {} of {} tracks; they are left out, not guessed: {}", unknown.size(),
                    new java.util.LinkedHashSet<>(ids).size(), unknown.size() > 50 ? unknown.subList(0, 50) + "…" : unknown);
        }
        List<DatasetRow> rows = new ArrayList<>();
        long line = 2;
        for (PlaylistSpec playlist : playlists) {
            for (SpotifyTrack track : tracks.get(playlist)) {
                AudioFeatures known = lookup.found().get(track.id());
                if (known != null) {
                    rows.add(new DatasetRow(line++, values(track, playlist, names.get(playlist), known)));
                }
            }
        }
        return rows;
    }

    /** The Spotify ids ReccoBeats did not know in the last {@link #rows()} (no features, so no row). */
    public List<String> unknownTracks() {
        return List.copyOf(unknown);
    }

    private static List<String> values(SpotifyTrack track, PlaylistSpec playlist, String playlistName, AudioFeatures f) {
        Map<DatasetColumn, String> v = new EnumMap<>(DatasetColumn.class);
        v.put(DatasetColumn.TRACK_ID, track.id());
        v.put(DatasetColumn.TRACK_NAME, track.name());
        v.put(DatasetColumn.TRACK_ARTIST, track.artist());
        v.put(DatasetColumn.TRACK_POPULARITY, Integer.toString(track.popularity()));
        v.put(DatasetColumn.TRACK_ALBUM_ID, track.albumId());
        v.put(DatasetColumn.TRACK_ALBUM_NAME, track.albumName());
        v.put(DatasetColumn.TRACK_ALBUM_RELEASE_DATE, track.albumReleaseDate());
        v.put(DatasetColumn.PLAYLIST_NAME, playlistName);
        v.put(DatasetColumn.PLAYLIST_ID, playlist.id());
        v.put(DatasetColumn.PLAYLIST_GENRE, playlist.genre() == null ? "spotify" : playlist.genre());
        v.put(DatasetColumn.PLAYLIST_SUBGENRE, playlist.subgenre() == null ? "" : playlist.subgenre());
        v.put(DatasetColumn.DANCEABILITY, number(f.danceability()));
        v.put(DatasetColumn.ENERGY, number(f.energy()));
        v.put(DatasetColumn.KEY, Integer.toString(f.key()));
        v.put(DatasetColumn.LOUDNESS, number(f.loudness()));
        v.put(DatasetColumn.MODE, Integer.toString(f.mode()));
        v.put(DatasetColumn.SPEECHINESS, number(f.speechiness()));
        v.put(DatasetColumn.ACOUSTICNESS, number(f.acousticness()));
        v.put(DatasetColumn.INSTRUMENTALNESS, number(f.instrumentalness()));
        v.put(DatasetColumn.LIVENESS, number(f.liveness()));
        v.put(DatasetColumn.VALENCE, number(f.valence()));
        v.put(DatasetColumn.TEMPO, number(f.tempo()));
        v.put(DatasetColumn.DURATION_MS, Long.toString(track.durationMs()));
        List<String> values = new ArrayList<>();
        for (DatasetColumn column : DatasetColumn.values()) {
            values.add(v.get(column));
        }
        return values;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}

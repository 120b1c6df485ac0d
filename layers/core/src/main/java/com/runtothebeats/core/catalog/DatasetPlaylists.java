package com.runtothebeats.core.catalog;

import com.runtothebeats.core.validation.InvalidInputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dataset CSV read as playlists: rows grouped by (playlist_id, genre, subgenre) in file order, each
 * playlist keeping its own track order. Rows whose values are invalid (a missing tempo, a feature outside
 * 0..1) cannot be a track, so they are left out of their playlist and listed in {@link #skipped()} with
 * their line and reason, for the caller to report. {@link #positions()} keeps, per playlist, each kept
 * track's position in its block of the file, so output can still name positions as the file has them.
 */
public record DatasetPlaylists(List<PlaylistSequence> playlists, List<int[]> positions, List<String> skipped) {

    public static DatasetPlaylists read(InputStream in) {
        Map<PlaylistKey, List<DatasetRow>> groups = PlaylistDatasetCsv.groupByPlaylist(PlaylistDatasetCsv.readAll(in));
        List<PlaylistSequence> playlists = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        groups.forEach((key, rows) -> {
            List<Track> tracks = new ArrayList<>();
            int[] kept = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                DatasetRow row = rows.get(i);
                try {
                    tracks.add(row.toTrack());
                    kept[tracks.size() - 1] = i;
                } catch (InvalidInputException e) {
                    skipped.add("line " + row.line() + ": " + e.getMessage());
                }
            }
            if (!tracks.isEmpty()) {
                playlists.add(new PlaylistSequence(key.playlistId(), key.genre(), key.subgenre(), tracks));
                positions.add(java.util.Arrays.copyOf(kept, tracks.size()));
            }
        });
        return new DatasetPlaylists(List.copyOf(playlists), List.copyOf(positions), List.copyOf(skipped));
    }

    public List<AudioFeatures> allFeatures() {
        return playlists.stream().flatMap(p -> p.tracks().stream()).map(Track::features).toList();
    }
}

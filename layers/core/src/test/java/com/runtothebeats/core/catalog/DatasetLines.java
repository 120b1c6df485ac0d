package com.runtothebeats.core.catalog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds dataset CSV text for tests, one made-up row at a time. */
final class DatasetLines {

    static final String HEADER = String.join(",", PlaylistDatasetCsv.header());

    private DatasetLines() {
    }

    /** A valid row with the given id, playlist and tempo; the rest made up but in range. */
    static String row(String trackId, String playlistId, String tempo) {
        return row(trackId, "Song " + trackId, playlistId, "pop", "dance pop", "0.61", "5", "1", tempo);
    }

    static String row(String trackId, String name, String playlistId, String genre, String subgenre,
                      String energy, String key, String mode, String tempo) {
        List<String> values = new ArrayList<>(List.of(
                trackId, name, "Artist " + trackId, "42", "album" + trackId, "Album " + trackId, "2019-06-14",
                "Playlist " + playlistId, playlistId, genre, subgenre,
                "0.748", energy, key, "-5.5", mode, "0.0583", "0.102", "0", "0.0653", "0.518", tempo, "194754"));
        return String.join(",", values);
    }

    /** Replaces one column of a row built by {@link #row}. */
    static String with(String row, DatasetColumn column, String value) {
        String[] values = row.split(",", -1);
        values[column.ordinal()] = value;
        return String.join(",", values);
    }

    static InputStream csv(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static List<DatasetRow> rows(String... lines) {
        String[] all = new String[lines.length + 1];
        all[0] = HEADER;
        System.arraycopy(lines, 0, all, 1, lines.length);
        return PlaylistDatasetCsv.readAll(csv(all));
    }
}

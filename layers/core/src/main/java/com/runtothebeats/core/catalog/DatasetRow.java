package com.runtothebeats.core.catalog;

import com.runtothebeats.core.validation.InvalidInputException;
import java.util.List;

/**
 * One (playlist, track) row of the dataset as written, before validation: values stay text so that a
 * missing tempo or a bad key can be counted and reported rather than guessed.
 *
 * @param line   1-based line number in the source file (the header is line 1)
 * @param values the 23 values in {@link DatasetColumn} order
 */
public record DatasetRow(long line, List<String> values) {

    public DatasetRow {
        if (values.size() != DatasetColumn.values().length) {
            throw new IllegalArgumentException("a dataset row has " + DatasetColumn.values().length
                    + " values, line " + line + " has " + values.size());
        }
        values = List.copyOf(values);
    }

    public String get(DatasetColumn column) {
        return values.get(column.ordinal());
    }

    /** The playlist block this row belongs to: playlists are sequences per (id, genre, subgenre). */
    public PlaylistKey playlistKey() {
        return new PlaylistKey(get(DatasetColumn.PLAYLIST_ID), get(DatasetColumn.PLAYLIST_GENRE),
                get(DatasetColumn.PLAYLIST_SUBGENRE));
    }

    /**
     * The track this row describes.
     *
     * @throws InvalidInputException naming the column when a value is missing or out of range
     */
    public Track toTrack() {
        String id = get(DatasetColumn.TRACK_ID).trim();
        if (id.isEmpty()) {
            throw new InvalidInputException(DatasetColumn.TRACK_ID.header(), "track_id is empty");
        }
        double tempo = number(DatasetColumn.TEMPO);
        if (!(tempo > 0)) {
            throw new InvalidInputException(DatasetColumn.TEMPO.header(), "tempo must be above 0 BPM, was " + tempo);
        }
        int key = whole(DatasetColumn.KEY);
        if (key < 0 || key > 11) {
            throw new InvalidInputException(DatasetColumn.KEY.header(), "key must be a pitch class 0..11, was " + key);
        }
        int mode = whole(DatasetColumn.MODE);
        if (mode != 0 && mode != 1) {
            throw new InvalidInputException(DatasetColumn.MODE.header(), "mode must be 0 or 1, was " + mode);
        }
        long duration = (long) number(DatasetColumn.DURATION_MS);
        if (duration <= 0) {
            throw new InvalidInputException(DatasetColumn.DURATION_MS.header(), "duration_ms must be positive, was " + duration);
        }
        AudioFeatures features = new AudioFeatures(
                unit(DatasetColumn.ACOUSTICNESS), unit(DatasetColumn.DANCEABILITY), unit(DatasetColumn.ENERGY),
                unit(DatasetColumn.INSTRUMENTALNESS), unit(DatasetColumn.LIVENESS), number(DatasetColumn.LOUDNESS),
                unit(DatasetColumn.SPEECHINESS), unit(DatasetColumn.VALENCE), key, mode, tempo, duration);
        String popularity = get(DatasetColumn.TRACK_POPULARITY).trim();
        int pop = popularity.isEmpty() ? 0 : (int) number(DatasetColumn.TRACK_POPULARITY);
        return new Track(id, get(DatasetColumn.TRACK_NAME), get(DatasetColumn.TRACK_ARTIST),
                get(DatasetColumn.TRACK_ALBUM_NAME), pop, features);
    }

    private double number(DatasetColumn column) {
        String text = get(column).trim();
        if (text.isEmpty() || text.equalsIgnoreCase("NA")) {
            throw new InvalidInputException(column.header(), column.header() + " is missing");
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column.header(), column.header() + " is not a number: '" + text + "'");
        }
    }

    private int whole(DatasetColumn column) {
        double value = number(column);
        if (value != Math.rint(value)) {
            throw new InvalidInputException(column.header(), column.header() + " must be a whole number, was " + value);
        }
        return (int) value;
    }

    private double unit(DatasetColumn column) {
        double value = number(column);
        if (value < 0 || value > 1) {
            throw new InvalidInputException(column.header(), column.header() + " must be within 0..1, was " + value);
        }
        return value;
    }
}

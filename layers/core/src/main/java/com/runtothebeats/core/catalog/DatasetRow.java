package com.runtothebeats.core.catalog;

import java.util.List;
import java.util.regex.Pattern;

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

    /** Tempo above this is not a tempo a runner could use, and no real recording in the dataset comes near it. */
    public static final double MAX_TEMPO = 300.0;
    /** Loudness range (dB, integrated over the track) that Spotify's analysis produces. */
    static final double MIN_LOUDNESS = -60.0;
    static final double MAX_LOUDNESS = 5.0;

    /**
     * The track this row describes.
     *
     * @throws InvalidRowException naming the column and the {@link DropReason} when a value is missing or
     *                             out of range
     */
    public Track toTrack() {
        String id = get(DatasetColumn.TRACK_ID).trim();
        if (id.isEmpty()) {
            throw new InvalidRowException(DropReason.MISSING_TRACK_ID, DatasetColumn.TRACK_ID, "track_id is empty");
        }
        if (isMissing(DatasetColumn.TEMPO)) {
            throw new InvalidRowException(DropReason.MISSING_TEMPO, DatasetColumn.TEMPO, "tempo is missing");
        }
        double tempo = number(DatasetColumn.TEMPO);
        if (!(tempo > 0)) {
            throw new InvalidRowException(DropReason.ZERO_TEMPO, DatasetColumn.TEMPO,
                    "tempo must be above 0 BPM, was " + get(DatasetColumn.TEMPO).trim());
        }
        if (tempo > MAX_TEMPO) {
            throw new InvalidRowException(DropReason.OUT_OF_RANGE, DatasetColumn.TEMPO,
                    "tempo must be at most " + MAX_TEMPO + " BPM, was " + tempo);
        }
        double keyValue = number(DatasetColumn.KEY);
        if (keyValue != Math.rint(keyValue) || keyValue < 0 || keyValue > 11) {
            throw new InvalidRowException(DropReason.BAD_KEY, DatasetColumn.KEY,
                    "key must be a pitch class 0..11, was " + get(DatasetColumn.KEY).trim());
        }
        double modeValue = number(DatasetColumn.MODE);
        if (modeValue != 0 && modeValue != 1) {
            throw new InvalidRowException(DropReason.BAD_MODE, DatasetColumn.MODE,
                    "mode must be 0 or 1, was " + get(DatasetColumn.MODE).trim());
        }
        double duration = number(DatasetColumn.DURATION_MS);
        if (duration < 1) {
            throw new InvalidRowException(DropReason.OUT_OF_RANGE, DatasetColumn.DURATION_MS,
                    "duration_ms must be positive, was " + get(DatasetColumn.DURATION_MS).trim());
        }
        AudioFeatures features = new AudioFeatures(
                unit(DatasetColumn.ACOUSTICNESS), unit(DatasetColumn.DANCEABILITY), unit(DatasetColumn.ENERGY),
                unit(DatasetColumn.INSTRUMENTALNESS), unit(DatasetColumn.LIVENESS),
                within(DatasetColumn.LOUDNESS, MIN_LOUDNESS, MAX_LOUDNESS),
                unit(DatasetColumn.SPEECHINESS), unit(DatasetColumn.VALENCE), (int) keyValue, (int) modeValue, tempo,
                Math.round(duration));
        // Popularity is descriptive only; an empty value means "not known" rather than a broken row.
        int popularity = isMissing(DatasetColumn.TRACK_POPULARITY)
                ? 0 : (int) Math.round(within(DatasetColumn.TRACK_POPULARITY, 0, 100));
        String name = get(DatasetColumn.TRACK_NAME);
        return new Track(id, name, get(DatasetColumn.TRACK_ARTIST),
                get(DatasetColumn.TRACK_ALBUM_NAME), popularity, features, get(DatasetColumn.TRACK_ALBUM_ID).trim(),
                new TrackDetails(releaseYear(), explicitFromTitle(name), null, null));
    }

    private static final Pattern EXPLICIT_TAG =
            Pattern.compile("[(\\[-]\\s*explicit\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLEAN_TAG =
            Pattern.compile("[(\\[-]\\s*clean\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The dataset has no explicit flag; a version tag in the title ("- Explicit Album Version", "(Clean)")
     * "- Clean") says it for the few tracks that carry one, the rest stay unknown.
     */
    static Boolean explicitFromTitle(String name) {
        if (EXPLICIT_TAG.matcher(name).find()) {
            return true;
        }
        return CLEAN_TAG.matcher(name).find() ? false : null;
    }

    /** The year of {@code track_album_release_date} (written YYYY-MM-DD, YYYY-MM or YYYY); null when unreadable. */
    private Integer releaseYear() {
        String date = get(DatasetColumn.TRACK_ALBUM_RELEASE_DATE).trim();
        if (date.length() < 4) {
            return null;
        }
        try {
            int year = Integer.parseInt(date.substring(0, 4));
            return year >= 1900 && year <= 2100 ? year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean isMissing(DatasetColumn column) {
        String text = get(column).trim();
        return text.isEmpty() || text.equalsIgnoreCase("NA");
    }

    private double number(DatasetColumn column) {
        if (isMissing(column)) {
            throw new InvalidRowException(DropReason.MISSING_VALUE, column, column.header() + " is missing");
        }
        String text = get(column).trim();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRowException(DropReason.NOT_A_NUMBER, column, column.header() + " is not a number: '" + text + "'");
    }

    private double unit(DatasetColumn column) {
        return within(column, 0, 1);
    }

    private double within(DatasetColumn column, double min, double max) {
        double value = number(column);
        if (value < min || value > max) {
            throw new InvalidRowException(DropReason.OUT_OF_RANGE, column,
                    column.header() + " must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }
}

package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Column;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A snapshot's tracks as they were read: the columns' primitive arrays, each {@link Track} built when asked for.
 * A million tracks as objects are several million objects the collector copies and traces while a container
 * starts; as columns they are a few dozen arrays (ids as one block of UTF-8, text as dictionary entry numbers,
 * decimals unscaled). Read-only; two calls for the same position give equal tracks.
 */
public final class SnapshotTracks extends AbstractList<Track> implements RandomAccess {

    private final int count;
    private final TextColumn ids;
    private final TextColumn names;
    private final TextColumn artists;
    private final TextColumn albums;
    private final TextColumn albumIds;
    private final Integers popularity;
    private final Integers key;
    private final Integers mode;
    private final Integers duration;
    private final Reals[] real = new Reals[Column.values().length];
    /** Per track, its entry in {@link #details}: tracks with the same details share one object. */
    private final int[] detailsEntry;
    private final TrackDetails[] details;
    private final SongKeys songKeys;

    SnapshotTracks(int count, Object[] columns) {
        this.count = count;
        this.ids = (TextColumn) columns[Column.TRACK_ID.ordinal()];
        this.names = (TextColumn) columns[Column.NAME.ordinal()];
        this.artists = (TextColumn) columns[Column.ARTIST.ordinal()];
        this.albums = (TextColumn) columns[Column.ALBUM.ordinal()];
        this.albumIds = (TextColumn) columns[Column.ALBUM_ID.ordinal()];
        this.popularity = (Integers) columns[Column.POPULARITY.ordinal()];
        this.key = (Integers) columns[Column.KEY.ordinal()];
        this.mode = (Integers) columns[Column.MODE.ordinal()];
        this.duration = (Integers) columns[Column.DURATION_MS.ordinal()];
        for (Column c : Column.values()) {
            if (c.kind == CatalogSnapshotFormat.Kind.REAL) {
                real[c.ordinal()] = (Reals) columns[c.ordinal()];
            }
        }
        this.detailsEntry = new int[count];
        this.details = shareDetails(columns);
        this.songKeys = columns[Column.SONG_TITLE.ordinal()] != null
                ? new SongKeys((TextColumn) columns[Column.SONG_TITLE.ordinal()], (TextColumn) columns[Column.SONG_ARTIST.ordinal()], count)
                : SongKeys.workedOut(names, artists, count);
    }

    @Override
    public Track get(int i) {
        Objects.checkIndex(i, count);
        AudioFeatures features = new AudioFeatures(
                real(Column.ACOUSTICNESS, i), real(Column.DANCEABILITY, i), real(Column.ENERGY, i),
                real(Column.INSTRUMENTALNESS, i), real(Column.LIVENESS, i), real(Column.LOUDNESS, i),
                real(Column.SPEECHINESS, i), real(Column.VALENCE, i),
                (int) key.get(i), (int) mode.get(i), real(Column.TEMPO, i), duration.get(i));
        return new Track(ids.get(i), names.get(i), artists.get(i), albums.get(i), (int) popularity.get(i), features,
                albumIds.get(i), details[detailsEntry[i]]);
    }

    @Override
    public int size() {
        return count;
    }

    /** Track {@code i}'s id, without building the track. */
    public String id(int i) {
        return ids.get(i);
    }

    /** Track {@code i}'s tempo, without building the track. */
    public double tempo(int i) {
        return real(Column.TEMPO, i);
    }

    /** Track {@code i}'s duration, without building the track. */
    public long durationMs(int i) {
        return duration.get(i);
    }

    /** The tracks' song keys, in track order (each built when asked for). */
    public List<SongKey> songKeys() {
        return songKeys;
    }

    /** The distinct primary artists ({@link SongKey#primaryArtist()}) of the tracks' song keys. */
    public int primaryArtists() {
        return songKeys.artists.entries();
    }

    /** One of {@link #primaryArtists()}. */
    public String primaryArtist(int entry) {
        return songKeys.artists.value(entry);
    }

    /** Track {@code i}'s primary artist as an entry of {@link #primaryArtists()}: one number per artist. */
    public int primaryArtistEntry(int i) {
        return songKeys.artists.entry(i);
    }

    private double real(Column column, int i) {
        return real[column.ordinal()].get(i);
    }

    /**
     * One {@link TrackDetails} per distinct combination (a catalog has a few thousand: year × genres), found by the
     * combination's column entries without building a details object per track.
     */
    private TrackDetails[] shareDetails(Object[] columns) {
        Integers year = (Integers) columns[Column.RELEASE_YEAR.ordinal()];
        Integers explicit = (Integers) columns[Column.EXPLICIT.ordinal()];
        TextColumn signature = (TextColumn) columns[Column.TIME_SIGNATURE.ordinal()];
        TextColumn genres = (TextColumn) columns[Column.GENRES.ordinal()];
        Reals otherTempo = real[Column.OTHER_TEMPO.ordinal()];
        @SuppressWarnings("unchecked")
        List<String>[] genreLists = new List[genres.entries()];
        Map<Long, Integer> entries = new HashMap<>();
        List<TrackDetails> distinct = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long y = year.get(i);
            long e = explicit.get(i);
            double other = otherTempo.get(i);
            int s = signature.entry(i);
            int g = genres.entry(i);
            // a second tempo is rare and varied: such tracks get their own details
            boolean shareable = other == 0 && y >= 0 && y < 1 << 16 && e >= -1 && e <= 1 && s < 1 << 12 && g < 1 << 20;
            long combination = y | (e + 1) << 16 | (long) s << 18 | (long) g << 30;
            Integer found = shareable ? entries.get(combination) : null;
            if (found == null) {
                if (genreLists[g] == null) {
                    String joined = genres.value(g);
                    genreLists[g] = joined.isEmpty() ? List.of()
                            : List.of(joined.split(Pattern.quote(CatalogSnapshotFormat.GENRE_SEPARATOR)));
                }
                String sig = signature.value(s);
                distinct.add(new TrackDetails(y == 0 ? null : (int) y, e < 0 ? null : e == 1, sig.isEmpty() ? null : sig,
                        other == 0 ? null : other, genreLists[g]));
                found = distinct.size() - 1;
                if (shareable) {
                    entries.put(combination, found);
                }
            }
            detailsEntry[i] = found;
        }
        return distinct.toArray(TrackDetails[]::new);
    }

    /** A text column: per track, an entry, and each entry's text. */
    interface TextColumn {
        int entry(int track);

        String value(int entry);

        int entries();

        default String get(int track) {
            return value(entry(track));
        }
    }

    /** Distinct values and, per track, which one. */
    record Dictionary(String[] values, int[] numbers) implements TextColumn {
        @Override
        public int entry(int track) {
            return numbers[track];
        }

        @Override
        public String value(int entry) {
            return values[entry];
        }

        @Override
        public int entries() {
            return values.length;
        }
    }

    /** One value per track, as the stream had it: UTF-8 bytes and where each value starts (one more offset than values). */
    record Utf8(byte[] blob, int[] offsets) implements TextColumn {
        @Override
        public int entry(int track) {
            return track;
        }

        @Override
        public String value(int entry) {
            return new String(blob, offsets[entry], offsets[entry + 1] - offsets[entry], StandardCharsets.UTF_8);
        }

        @Override
        public int entries() {
            return offsets.length - 1;
        }
    }

    /** An integer column, as narrow as its encoding. */
    record Integers(int[] narrow, long[] wide) {
        long get(int i) {
            return wide == null ? narrow[i] : wide[i];
        }
    }

    /** A real column: unscaled decimals and their scale, or doubles. */
    record Reals(int[] unscaled, int scale, double[] doubles) {
        double get(int i) {
            return doubles == null ? CatalogSnapshotFormat.decimal(unscaled[i], scale) : doubles[i];
        }
    }

    /** Song keys as two text columns: the title part and the primary artist. */
    private static final class SongKeys extends AbstractList<SongKey> implements RandomAccess {
        private final TextColumn titles;
        private final TextColumn artists;
        private final int count;

        SongKeys(TextColumn titles, TextColumn artists, int count) {
            this.titles = titles;
            this.artists = artists;
            this.count = count;
        }

        /**
         * A version 3 snapshot's song keys, worked out once per distinct title and artist (the title part depends on
         * the title alone, the artist part on the artist alone).
         */
        static SongKeys workedOut(TextColumn names, TextColumn artists, int count) {
            return new SongKeys(folded(names, count, SongKey::titleKey), folded(artists, count, SongKey::primaryArtist), count);
        }

        /** The column's values folded, as a dictionary with each folded value once ("A feat. B" and "A" are one artist). */
        private static TextColumn folded(TextColumn column, int count, UnaryOperator<String> fold) {
            int[] entryOf = new int[column.entries()];
            Arrays.fill(entryOf, -1);
            Map<String, Integer> entries = new HashMap<>();
            List<String> values = new ArrayList<>();
            int[] numbers = new int[count];
            for (int i = 0; i < count; i++) {
                int e = column.entry(i);
                if (entryOf[e] < 0) {
                    entryOf[e] = entries.computeIfAbsent(fold.apply(column.value(e)), v -> {
                        values.add(v);
                        return values.size() - 1;
                    });
                }
                numbers[i] = entryOf[e];
            }
            return new Dictionary(values.toArray(String[]::new), numbers);
        }

        @Override
        public SongKey get(int i) {
            return new SongKey(titles.get(i), artists.get(i));
        }

        @Override
        public int size() {
            return count;
        }
    }
}

package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The catalog snapshot's binary layout, schema version 4 (docs/catalog-snapshot.md): big-endian,
 * <pre>
 *   magic "RTBCATLG" · u16 schema version
 *   header: UTF runId · UTF transformKey · UTF transformVersion · i32 track count · u8 column count,
 *           per column: UTF name · u8 encoding · u8 decimal scale
 *   one block per column, in header order (tracks sorted by id)
 *   u32 CRC32C of every byte before it
 * </pre>
 * Strings are dictionary-encoded (an artist or album is stored once); real numbers are stored as 32-bit
 * scaled decimals when every value of the column is one (the dataset's features have at most 3-6 significant
 * digits, so a feature takes 4 bytes and reads back as exactly the double that was written), else as float64.
 */
public final class CatalogSnapshotFormat {

    /**
     * 2 added the album id and the track details (release year, explicit, time signature, second tempo); 3 the
     * genres; 4 each track's {@link SongKey} (computed by the writer, so a recommender's start does not run the
     * title rules a million times) and dictionary entry numbers as narrow as the dictionary allows. This code reads
     * {@link #OLDEST_READ} to {@link #SCHEMA_VERSION} (a version 3 snapshot's song keys are worked out at load, once
     * per distinct title and artist); a snapshot of another version is not read (the recommender reads the tracks
     * table until the next run).
     */
    public static final int SCHEMA_VERSION = 4;
    public static final int OLDEST_READ = 3;
    /** Separates a track's genre labels in the {@code genres} column ("pop|rock"); no dataset label holds it. */
    static final String GENRE_SEPARATOR = "|";
    static final byte[] MAGIC = {'R', 'T', 'B', 'C', 'A', 'T', 'L', 'G'};
    /** A bound for a corrupt count: no array is sized from the header beyond it. */
    static final int MAX_TRACKS = 50_000_000;
    static final int MAX_DECIMAL_SCALE = 9;
    static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private CatalogSnapshotFormat() {
    }

    /** Writes the snapshot in the layout of its header's schema version (one this code reads). */
    public static void write(CatalogSnapshot snapshot, OutputStream out) {
        CatalogSnapshotWriter.write(snapshot, out);
    }

    /** Whether this code reads snapshots of that schema version. */
    public static boolean reads(int schemaVersion) {
        return schemaVersion >= OLDEST_READ && schemaVersion <= SCHEMA_VERSION;
    }

    /**
     * Reads a whole snapshot from a stream (an S3 object body, say) and checks it before building any track.
     *
     * @throws UnsupportedSnapshotVersionException a snapshot of another layout version
     * @throws CorruptSnapshotException            anything else wrong with the bytes
     */
    public static CatalogSnapshot read(InputStream in) {
        return CatalogSnapshotReader.read(in);
    }

    /** How a column's values are laid out. */
    enum Encoding {
        /** i32[n+1] byte offsets, then the UTF-8 bytes. */
        UTF8(1, Kind.TEXT),
        /**
         * i32 entry count, the entries as {@link #UTF8}, then n entry numbers: i32 up to version 3, from version 4
         * u8, u16 or i32 as the entry count allows ({@link #numberBytes}).
         */
        DICTIONARY(2, Kind.TEXT),
        INT8(3, Kind.INTEGER),
        INT32(4, Kind.INTEGER),
        INT64(5, Kind.INTEGER),
        /** i32[n]; the value is the integer divided by 10^scale. */
        DECIMAL32(6, Kind.REAL),
        FLOAT64(7, Kind.REAL);

        final int code;
        final Kind kind;

        Encoding(int code, Kind kind) {
            this.code = code;
            this.kind = kind;
        }

        static Encoding ofCode(int code) {
            for (Encoding e : values()) {
                if (e.code == code) {
                    return e;
                }
            }
            throw new CorruptSnapshotException("unknown column encoding " + code);
        }
    }

    enum Kind { TEXT, INTEGER, REAL }

    /** The columns of every schema version read, in the order they are written; each names the version it came in. */
    enum Column {
        TRACK_ID("track_id", Kind.TEXT),
        NAME("track_name", Kind.TEXT),
        ARTIST("track_artist", Kind.TEXT),
        ALBUM("track_album_name", Kind.TEXT),
        ALBUM_ID("track_album_id", Kind.TEXT),
        POPULARITY("track_popularity", Kind.INTEGER),
        KEY("key", Kind.INTEGER),
        MODE("mode", Kind.INTEGER),
        DURATION_MS("duration_ms", Kind.INTEGER),
        TEMPO("tempo", Kind.REAL),
        ACOUSTICNESS(FlowFeature.ACOUSTICNESS.columnName(), Kind.REAL),
        DANCEABILITY(FlowFeature.DANCEABILITY.columnName(), Kind.REAL),
        ENERGY(FlowFeature.ENERGY.columnName(), Kind.REAL),
        INSTRUMENTALNESS(FlowFeature.INSTRUMENTALNESS.columnName(), Kind.REAL),
        LIVENESS(FlowFeature.LIVENESS.columnName(), Kind.REAL),
        LOUDNESS(FlowFeature.LOUDNESS.columnName(), Kind.REAL),
        SPEECHINESS(FlowFeature.SPEECHINESS.columnName(), Kind.REAL),
        VALENCE(FlowFeature.VALENCE.columnName(), Kind.REAL),
        /** {@link TrackDetails}, each with a value for "not known": year 0, explicit -1, signature "", tempo 0. */
        RELEASE_YEAR("release_year", Kind.INTEGER),
        EXPLICIT("explicit", Kind.INTEGER),
        TIME_SIGNATURE("time_signature", Kind.TEXT),
        OTHER_TEMPO("other_tempo", Kind.REAL),
        /** {@link TrackDetails#genres} joined by {@link #GENRE_SEPARATOR}; "" when not known. */
        GENRES("genres", Kind.TEXT),
        /** {@link SongKey#title()}: the folded title without featured artists and version tags. */
        SONG_TITLE("song_title", Kind.TEXT, 4),
        /** {@link SongKey#primaryArtist()}. */
        SONG_ARTIST("song_artist", Kind.TEXT, 4);

        final String label;
        final Kind kind;
        /** The schema version that added the column. */
        final int since;

        Column(String label, Kind kind) {
            this(label, kind, OLDEST_READ);
        }

        Column(String label, Kind kind, int since) {
            this.label = label;
            this.kind = kind;
            this.since = since;
        }

        String text(Track t, SongKey song) {
            return switch (this) {
                case TRACK_ID -> t.id();
                case NAME -> t.name();
                case ARTIST -> t.artist();
                case ALBUM -> t.album();
                case ALBUM_ID -> t.albumId();
                case TIME_SIGNATURE -> t.details().timeSignature() == null ? "" : t.details().timeSignature();
                case GENRES -> String.join(GENRE_SEPARATOR, t.details().genres());
                case SONG_TITLE -> song.title();
                case SONG_ARTIST -> song.primaryArtist();
                default -> throw new IllegalStateException(this + " is not text");
            };
        }

        long integer(Track t) {
            AudioFeatures f = t.features();
            return switch (this) {
                case POPULARITY -> t.popularity();
                case KEY -> f.key();
                case MODE -> f.mode();
                case DURATION_MS -> f.durationMs();
                case RELEASE_YEAR -> t.details().releaseYear() == null ? 0 : t.details().releaseYear();
                case EXPLICIT -> t.details().explicit() == null ? -1 : t.details().explicit() ? 1 : 0;
                default -> throw new IllegalStateException(this + " is not an integer");
            };
        }

        double real(Track t) {
            AudioFeatures f = t.features();
            return switch (this) {
                case TEMPO -> f.tempo();
                case ACOUSTICNESS -> f.acousticness();
                case DANCEABILITY -> f.danceability();
                case ENERGY -> f.energy();
                case INSTRUMENTALNESS -> f.instrumentalness();
                case LIVENESS -> f.liveness();
                case LOUDNESS -> f.loudness();
                case SPEECHINESS -> f.speechiness();
                case VALENCE -> f.valence();
                case OTHER_TEMPO -> t.details().otherTempo() == null ? 0 : t.details().otherTempo();
                default -> throw new IllegalStateException(this + " is not a real number");
            };
        }
    }

    /** The columns of a schema version, in the order they are written. */
    static List<Column> columns(int schemaVersion) {
        return Arrays.stream(Column.values()).filter(c -> c.since <= schemaVersion).toList();
    }

    /** Bytes per dictionary entry number: 4 up to version 3; from 4 the fewest that number every entry. */
    static int numberBytes(int schemaVersion, int entries) {
        if (schemaVersion < 4) {
            return Integer.BYTES;
        }
        return entries <= 1 << 8 ? 1 : entries <= 1 << 16 ? 2 : Integer.BYTES;
    }

    /** The value a scaled decimal stands for; writer and reader share it so a value reads back bit for bit. */
    static double decimal(int unscaled, int scale) {
        return unscaled / POWERS_OF_TEN[scale];
    }
}

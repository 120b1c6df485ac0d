package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.Track;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The catalog snapshot's binary layout, schema version 1 (docs/catalog-snapshot.md): big-endian,
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

    public static final int SCHEMA_VERSION = 1;
    static final byte[] MAGIC = {'R', 'T', 'B', 'C', 'A', 'T', 'L', 'G'};
    /** A bound for a corrupt count: no array is sized from the header beyond it. */
    static final int MAX_TRACKS = 50_000_000;
    static final int MAX_DECIMAL_SCALE = 9;
    static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private CatalogSnapshotFormat() {
    }

    public static void write(CatalogSnapshot snapshot, OutputStream out) {
        CatalogSnapshotWriter.write(snapshot, out);
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
        /** i32 entry count, the entries as {@link #UTF8}, then i32[n] entry numbers. */
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

    /** The columns of schema version 1, in the order they are written. */
    enum Column {
        TRACK_ID("track_id", Kind.TEXT),
        NAME("track_name", Kind.TEXT),
        ARTIST("track_artist", Kind.TEXT),
        ALBUM("track_album_name", Kind.TEXT),
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
        VALENCE(FlowFeature.VALENCE.columnName(), Kind.REAL);

        final String label;
        final Kind kind;

        Column(String label, Kind kind) {
            this.label = label;
            this.kind = kind;
        }

        String text(Track t) {
            return switch (this) {
                case TRACK_ID -> t.id();
                case NAME -> t.name();
                case ARTIST -> t.artist();
                case ALBUM -> t.album();
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
                default -> throw new IllegalStateException(this + " is not a real number");
            };
        }
    }

    static final List<Column> COLUMNS = List.of(Column.values());

    /** The value a scaled decimal stands for; writer and reader share it so a value reads back bit for bit. */
    static double decimal(int unscaled, int scale) {
        return unscaled / POWERS_OF_TEN[scale];
    }
}

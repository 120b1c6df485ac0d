package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Column;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Encoding;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Reads {@link CatalogSnapshotFormat} in one pass over a stream: every column into primitive arrays, then the
 * checksum, then (only if it matches) the tracks. Arrays are filled in chunks, so a corrupt count makes a short
 * read, not a huge allocation.
 */
final class CatalogSnapshotReader {

    private static final int CHUNK = 1 << 16;

    private final DataInputStream in;
    private final CRC32C crc = new CRC32C();
    private int count;

    private CatalogSnapshotReader(InputStream source) {
        this.in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(source, 1 << 16), crc));
    }

    static CatalogSnapshot read(InputStream source) {
        try {
            return new CatalogSnapshotReader(source).read();
        } catch (EOFException e) {
            throw new CorruptSnapshotException("the catalog snapshot ends early (truncated)", e);
        } catch (UTFDataFormatException e) {
            throw new CorruptSnapshotException("the catalog snapshot's header is not valid text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the catalog snapshot", e);
        }
    }

    private CatalogSnapshot read() throws IOException {
        byte[] magic = in.readNBytes(CatalogSnapshotFormat.MAGIC.length);
        if (!Arrays.equals(magic, CatalogSnapshotFormat.MAGIC)) {
            throw new CorruptSnapshotException("not a catalog snapshot (its first bytes are not " + new String(
                    CatalogSnapshotFormat.MAGIC, StandardCharsets.US_ASCII) + ")");
        }
        int version = in.readUnsignedShort();
        if (version != CatalogSnapshotFormat.SCHEMA_VERSION) {
            throw new UnsupportedSnapshotVersionException(version);
        }
        String runId = in.readUTF();
        String transformKey = in.readUTF();
        String transformVersion = in.readUTF();
        count = in.readInt();
        if (count < 0 || count > CatalogSnapshotFormat.MAX_TRACKS) {
            throw new CorruptSnapshotException("the header counts " + count + " tracks");
        }
        List<Column> columns = CatalogSnapshotFormat.COLUMNS;
        int columnCount = in.readUnsignedByte();
        if (columnCount != columns.size()) {
            throw new CorruptSnapshotException("the header lists " + columnCount + " columns, schema version " + CatalogSnapshotFormat.SCHEMA_VERSION + " has " + columns.size());
        }
        Encoding[] encodings = new Encoding[columnCount];
        int[] scales = new int[columnCount];
        for (int c = 0; c < columnCount; c++) {
            String label = in.readUTF();
            encodings[c] = Encoding.ofCode(in.readUnsignedByte());
            scales[c] = in.readUnsignedByte();
            Column expected = columns.get(c);
            if (!label.equals(expected.label) || encodings[c].kind != expected.kind
                    || scales[c] > CatalogSnapshotFormat.MAX_DECIMAL_SCALE) {
                throw new CorruptSnapshotException("column " + c + " is '" + label + "' as " + encodings[c]
                        + " (scale " + scales[c] + "); schema version " + CatalogSnapshotFormat.SCHEMA_VERSION + " has '" + expected.label + "' there");
            }
        }
        Object[] values = new Object[columnCount];
        for (int c = 0; c < columnCount; c++) {
            values[c] = readColumn(columns.get(c), encodings[c], scales[c]);
        }
        int computed = (int) crc.getValue();
        int stored = in.readInt();
        if (computed != stored) {
            throw new CorruptSnapshotException(String.format(
                    "the catalog snapshot's checksum does not match (CRC32C %08x stored, %08x computed)", stored, computed));
        }
        if (in.read() != -1) {
            throw new CorruptSnapshotException("the catalog snapshot has bytes after its checksum");
        }
        CatalogSnapshot.Header header = new CatalogSnapshot.Header(version, runId, transformKey, transformVersion, count);
        return new CatalogSnapshot(header, tracks(values));
    }

    private Object readColumn(Column column, Encoding encoding, int scale) throws IOException {
        return switch (encoding) {
            case UTF8 -> readStrings(count, column);
            case DICTIONARY -> {
                int entries = in.readInt();
                if (entries < 0 || entries > Math.max(count, 1)) {
                    throw new CorruptSnapshotException(column.label + " has " + entries + " dictionary entries for " + count + " tracks");
                }
                String[] dictionary = readStrings(entries, column);
                int[] numbers = readInts(count);
                String[] out = new String[count];
                for (int i = 0; i < count; i++) {
                    if (numbers[i] < 0 || numbers[i] >= entries) {
                        throw new CorruptSnapshotException(column.label + " of track " + i + " names dictionary entry " + numbers[i]);
                    }
                    out[i] = dictionary[numbers[i]];
                }
                yield out;
            }
            case INT8 -> {
                long[] out = new long[count];
                byte[] bytes = readBytes(count);
                for (int i = 0; i < count; i++) {
                    out[i] = bytes[i];
                }
                yield out;
            }
            case INT32 -> Arrays.stream(readInts(count)).asLongStream().toArray();
            case INT64 -> {
                long[] out = new long[count];
                for (int from = 0; from < count; from += CHUNK) {
                    int n = Math.min(CHUNK, count - from);
                    ByteBuffer.wrap(readBytes(n * Long.BYTES)).asLongBuffer().get(out, from, n);
                }
                yield out;
            }
            case DECIMAL32 -> {
                int[] unscaled = readInts(count);
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    out[i] = CatalogSnapshotFormat.decimal(unscaled[i], scale);
                }
                yield out;
            }
            case FLOAT64 -> {
                double[] out = new double[count];
                for (int from = 0; from < count; from += CHUNK) {
                    int n = Math.min(CHUNK, count - from);
                    ByteBuffer.wrap(readBytes(n * Double.BYTES)).asDoubleBuffer().get(out, from, n);
                }
                yield out;
            }
        };
    }

    private String[] readStrings(int n, Column column) throws IOException {
        int[] offsets = readInts(n + 1);
        if (offsets[0] != 0) {
            throw new CorruptSnapshotException(column.label + " text starts at offset " + offsets[0]);
        }
        for (int i = 1; i <= n; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new CorruptSnapshotException(column.label + " text offsets go backwards at entry " + i);
            }
        }
        byte[] blob = readBytes(offsets[n]);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = new String(blob, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
        }
        return out;
    }

    private int[] readInts(int n) throws IOException {
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            int[] chunk = new int[size];
            ByteBuffer.wrap(readBytes(size * Integer.BYTES)).asIntBuffer().get(chunk);
            chunks.add(chunk);
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] chunk : chunks) {
            System.arraycopy(chunk, 0, out, at, chunk.length);
            at += chunk.length;
        }
        return out;
    }

    /** Exactly {@code n} bytes; {@code readNBytes} grows its buffer as data arrives, so a bogus length only runs out. */
    private byte[] readBytes(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new EOFException("wanted " + n + " bytes, the stream had " + bytes.length);
        }
        return bytes;
    }

    private List<Track> tracks(Object[] values) {
        String[] ids = (String[]) values[Column.TRACK_ID.ordinal()];
        String[] names = (String[]) values[Column.NAME.ordinal()];
        String[] artists = (String[]) values[Column.ARTIST.ordinal()];
        String[] albums = (String[]) values[Column.ALBUM.ordinal()];
        String[] albumIds = (String[]) values[Column.ALBUM_ID.ordinal()];
        long[] popularity = (long[]) values[Column.POPULARITY.ordinal()];
        long[] key = (long[]) values[Column.KEY.ordinal()];
        long[] mode = (long[]) values[Column.MODE.ordinal()];
        long[] duration = (long[]) values[Column.DURATION_MS.ordinal()];
        double[][] real = new double[Column.values().length][];
        for (Column c : Column.values()) {
            if (c.kind == CatalogSnapshotFormat.Kind.REAL) {
                real[c.ordinal()] = (double[]) values[c.ordinal()];
            }
        }
        long[] year = (long[]) values[Column.RELEASE_YEAR.ordinal()];
        long[] explicit = (long[]) values[Column.EXPLICIT.ordinal()];
        String[] signature = (String[]) values[Column.TIME_SIGNATURE.ordinal()];
        String[] genres = (String[]) values[Column.GENRES.ordinal()];
        Map<String, List<String>> genreLists = new HashMap<>(); // a few distinct combinations, shared
        Track[] tracks = new Track[count];
        for (int i = 0; i < count; i++) {
            AudioFeatures features = new AudioFeatures(
                    real[Column.ACOUSTICNESS.ordinal()][i], real[Column.DANCEABILITY.ordinal()][i],
                    real[Column.ENERGY.ordinal()][i], real[Column.INSTRUMENTALNESS.ordinal()][i],
                    real[Column.LIVENESS.ordinal()][i], real[Column.LOUDNESS.ordinal()][i],
                    real[Column.SPEECHINESS.ordinal()][i], real[Column.VALENCE.ordinal()][i],
                    (int) key[i], (int) mode[i], real[Column.TEMPO.ordinal()][i], duration[i]);
            double otherTempo = real[Column.OTHER_TEMPO.ordinal()][i];
            TrackDetails details = new TrackDetails(year[i] == 0 ? null : (int) year[i],
                    explicit[i] < 0 ? null : explicit[i] == 1, signature[i].isEmpty() ? null : signature[i],
                    otherTempo == 0 ? null : otherTempo, genreLists.computeIfAbsent(genres[i], CatalogSnapshotReader::genres));
            tracks[i] = new Track(ids[i], names[i], artists[i], albums[i], (int) popularity[i], features, albumIds[i], details);
        }
        return Arrays.asList(tracks);
    }

    private static List<String> genres(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(Pattern.quote(CatalogSnapshotFormat.GENRE_SEPARATOR)));
    }
}

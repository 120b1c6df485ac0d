package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Column;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Encoding;
import com.runtothebeats.core.catalog.snapshot.SnapshotTracks.Dictionary;
import com.runtothebeats.core.catalog.snapshot.SnapshotTracks.Integers;
import com.runtothebeats.core.catalog.snapshot.SnapshotTracks.Reals;
import com.runtothebeats.core.catalog.snapshot.SnapshotTracks.Utf8;
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
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Reads {@link CatalogSnapshotFormat} (every schema version from {@link CatalogSnapshotFormat#OLDEST_READ}) in one
 * pass over a stream: every column into primitive arrays (text as dictionary entries and entry numbers, decimals
 * unscaled), then the checksum, then (only if it matches) the tracks. Arrays are filled in chunks, so a corrupt
 * count makes a short read, not a huge allocation. The tracks stay in those arrays ({@link SnapshotTracks}).
 */
final class CatalogSnapshotReader {

    private static final int CHUNK = 1 << 16;

    private final DataInputStream in;
    private final CRC32C crc = new CRC32C();
    private int count;
    private int version;

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
        version = in.readUnsignedShort();
        if (!CatalogSnapshotFormat.reads(version)) {
            throw new UnsupportedSnapshotVersionException(version);
        }
        String runId = in.readUTF();
        String transformKey = in.readUTF();
        String transformVersion = in.readUTF();
        count = in.readInt();
        if (count < 0 || count > CatalogSnapshotFormat.MAX_TRACKS) {
            throw new CorruptSnapshotException("the header counts " + count + " tracks");
        }
        List<Column> columns = CatalogSnapshotFormat.columns(version);
        int columnCount = in.readUnsignedByte();
        if (columnCount != columns.size()) {
            throw new CorruptSnapshotException("the header lists " + columnCount + " columns, schema version " + version + " has " + columns.size());
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
                        + " (scale " + scales[c] + "); schema version " + version + " has '" + expected.label + "' there");
            }
        }
        Object[] values = new Object[Column.values().length];
        for (int c = 0; c < columnCount; c++) {
            values[columns.get(c).ordinal()] = readColumn(columns.get(c), encodings[c], scales[c]);
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
        SnapshotTracks tracks = new SnapshotTracks(count, values);
        return new CatalogSnapshot(header, tracks, tracks.songKeys());
    }

    private Object readColumn(Column column, Encoding encoding, int scale) throws IOException {
        return switch (encoding) {
            case UTF8 -> readText(count, column);
            case DICTIONARY -> {
                int entries = in.readInt();
                if (entries < 0 || entries > Math.max(count, 1)) {
                    throw new CorruptSnapshotException(column.label + " has " + entries + " dictionary entries for " + count + " tracks");
                }
                Utf8 text = readText(entries, column);
                String[] dictionary = new String[entries];
                for (int e = 0; e < entries; e++) {
                    dictionary[e] = text.value(e);
                }
                int[] numbers = readNumbers(count, CatalogSnapshotFormat.numberBytes(version, entries));
                for (int i = 0; i < count; i++) {
                    if (numbers[i] < 0 || numbers[i] >= entries) {
                        throw new CorruptSnapshotException(column.label + " of track " + i + " names dictionary entry " + numbers[i]);
                    }
                }
                yield new Dictionary(dictionary, numbers);
            }
            case INT8 -> new Integers(readNumbers(count, -1), null);
            case INT32 -> new Integers(readNumbers(count, Integer.BYTES), null);
            case INT64 -> {
                long[] out = new long[count];
                for (int from = 0; from < count; from += CHUNK) {
                    int n = Math.min(CHUNK, count - from);
                    ByteBuffer.wrap(readChunk(n * Long.BYTES)).asLongBuffer().get(out, from, n);
                }
                yield new Integers(null, out);
            }
            case DECIMAL32 -> new Reals(readNumbers(count, Integer.BYTES), scale, null);
            case FLOAT64 -> {
                double[] out = new double[count];
                for (int from = 0; from < count; from += CHUNK) {
                    int n = Math.min(CHUNK, count - from);
                    ByteBuffer.wrap(readChunk(n * Double.BYTES)).asDoubleBuffer().get(out, from, n);
                }
                yield new Reals(null, 0, out);
            }
        };
    }

    private Utf8 readText(int n, Column column) throws IOException {
        int[] offsets = readNumbers(n + 1, Integer.BYTES);
        if (offsets[0] != 0) {
            throw new CorruptSnapshotException(column.label + " text starts at offset " + offsets[0]);
        }
        for (int i = 1; i <= n; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new CorruptSnapshotException(column.label + " text offsets go backwards at entry " + i);
            }
        }
        byte[] blob = in.readNBytes(offsets[n]); // grows as data arrives: a bogus length only runs out
        if (blob.length != offsets[n]) {
            throw new EOFException("wanted " + offsets[n] + " bytes, the stream had " + blob.length);
        }
        return new Utf8(blob, offsets);
    }

    /**
     * {@code n} numbers of {@code width} bytes: 1 and 2 unsigned, 4 signed, -1 a signed byte. Read a chunk at a time
     * into a growing list, so a corrupt count runs out of bytes before it allocates much.
     */
    private int[] readNumbers(int n, int width) throws IOException {
        int bytes = Math.abs(width);
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            ByteBuffer buffer = ByteBuffer.wrap(readChunk(size * bytes));
            int[] chunk = new int[size];
            switch (width) {
                case -1 -> {
                    for (int i = 0; i < size; i++) {
                        chunk[i] = buffer.get();
                    }
                }
                case 1 -> {
                    for (int i = 0; i < size; i++) {
                        chunk[i] = buffer.get() & 0xff;
                    }
                }
                case 2 -> {
                    for (int i = 0; i < size; i++) {
                        chunk[i] = buffer.getShort() & 0xffff;
                    }
                }
                default -> buffer.asIntBuffer().get(chunk);
            }
            chunks.add(chunk);
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] chunk : chunks) {
            System.arraycopy(chunk, 0, out, at, chunk.length);
            at += chunk.length;
        }
        return out;
    }

    /** Exactly {@code n} bytes, {@code n} at most a chunk of longs. */
    private byte[] readChunk(int n) throws IOException {
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }
}

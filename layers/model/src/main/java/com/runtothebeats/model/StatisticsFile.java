package com.runtothebeats.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * {@value RankingArtifacts#STATISTICS_FILE}: the ranking model's {@link PlaylistStatistics} on disk.
 *
 * <p>Format 2 (what Train writes) is laid out for loading: after the big-endian int 2 and the magic
 * {@code RTBSTATS}, every part is a little-endian i32 element count followed by its elements, in memory order —
 * per vocabulary its ends, hash slots and characters ({@link Vocabulary}); the artist, track and album playlist
 * counts; the co-occurrence lists; per count table its column count and cells — and last a u32 CRC32C of every
 * byte before it. The file is mapped and each part block-copied into its array: a load is a checksum and eleven
 * memory copies, with nothing decoded one value at a time.
 *
 * <p>Format 1 (folders trained before) is the same content as a stream of big-endian values with each name as
 * modified UTF-8 and each table row on its own; it is still read, and {@link #readForServing} rewrites a cached
 * folder's file in format 2 once, as the loader does for the plain weights.
 */
final class StatisticsFile {

    static final int LEGACY_FORMAT = 1;
    static final int FORMAT = 2;
    private static final byte[] MAGIC = "RTBSTATS".getBytes(StandardCharsets.US_ASCII);

    private StatisticsFile() {
    }

    /** Reads either format. */
    static PlaylistStatistics read(Path file) {
        try {
            return format(file) == LEGACY_FORMAT ? readLegacy(file) : readMapped(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ranking statistics " + file, e);
        }
    }

    /** Reads either format and, when the file is in format 1, replaces it with format 2 (a local cache copy). */
    static PlaylistStatistics readForServing(Path file) {
        try {
            if (format(file) != LEGACY_FORMAT) {
                return readMapped(file);
            }
            PlaylistStatistics statistics = readLegacy(file);
            write(statistics, file);
            return statistics;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ranking statistics " + file, e);
        }
    }

    private static int format(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int format = new DataInputStream(in).readInt();
            if (format != LEGACY_FORMAT && format != FORMAT) {
                throw new IllegalStateException(file + " has ranking statistics format " + format + ", this build reads "
                        + LEGACY_FORMAT + " and " + FORMAT);
            }
            return format;
        }
    }

    /** Writes format 2 atomically (a temporary file moved into place), so a reader never maps half of it. */
    static void write(PlaylistStatistics s, Path file) {
        List<Vocabulary> vocabularies = List.of(s.tracks, s.artists, s.albums, s.genres, s.subgenres);
        List<CountTable> tables = List.of(s.artistGenre, s.artistSubgenre, s.trackGenre, s.trackSubgenre);
        long size = Integer.BYTES + MAGIC.length + Integer.BYTES;
        for (Vocabulary v : vocabularies) {
            size += 3L * Integer.BYTES + 4L * (v.ends.length + v.slots.length) + 2L * v.chars.length;
        }
        for (int[] counts : List.of(s.artistPlaylists, s.trackPlaylists, s.albumPlaylists, s.neighbourStart, s.neighbours, s.neighbourCounts)) {
            size += Integer.BYTES + 4L * counts.length;
        }
        for (CountTable t : tables) {
            size += 2L * Integer.BYTES + 4L * t.cells.length;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("ranking statistics of " + size + " bytes do not fit one file of this format");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(FORMAT).put(MAGIC).order(ByteOrder.LITTLE_ENDIAN);
        for (Vocabulary v : vocabularies) {
            putInts(out, v.ends);
            putInts(out, v.slots);
            out.putInt(v.chars.length);
            out.asCharBuffer().put(v.chars);
            out.position(out.position() + 2 * v.chars.length);
        }
        for (int[] counts : List.of(s.artistPlaylists, s.trackPlaylists, s.albumPlaylists, s.neighbourStart, s.neighbours, s.neighbourCounts)) {
            putInts(out, counts);
        }
        for (CountTable t : tables) {
            out.putInt(t.columns);
            putInts(out, t.cells);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        ModelFiles.replace(file, out.array());
    }

    private static void putInts(ByteBuffer out, int[] values) {
        out.putInt(values.length);
        out.asIntBuffer().put(values);
        out.position(out.position() + 4 * values.length);
    }

    private static PlaylistStatistics readMapped(Path file) throws IOException {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        try {
            int end = mapped.limit() - Integer.BYTES;
            CRC32C crc = new CRC32C();
            crc.update(mapped.duplicate().limit(end));
            if ((int) crc.getValue() != mapped.order(ByteOrder.LITTLE_ENDIAN).getInt(end)) {
                throw new IllegalStateException(file + " is damaged (its checksum does not match)");
            }
            ByteBuffer in = mapped.duplicate().position(Integer.BYTES).limit(end);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException(file + " is not a ranking statistics file");
            }
            in.order(ByteOrder.LITTLE_ENDIAN);
            Vocabulary[] vocabularies = new Vocabulary[5];
            for (int v = 0; v < vocabularies.length; v++) {
                int[] ends = ints(in);
                int[] slots = ints(in);
                char[] chars = new char[count(in, 2)];
                in.asCharBuffer().get(chars);
                in.position(in.position() + 2 * chars.length);
                vocabularies[v] = new Vocabulary(chars, ends, slots);
            }
            int[][] counts = new int[6][];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = ints(in);
            }
            int[] rows = {vocabularies[1].size(), vocabularies[1].size(), vocabularies[0].size(), vocabularies[0].size()};
            CountTable[] tables = new CountTable[4];
            for (int t = 0; t < tables.length; t++) {
                int columns = in.getInt();
                tables[t] = new CountTable(rows[t], columns, ints(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException(file + " has " + in.remaining() + " bytes after its statistics");
            }
            return new PlaylistStatistics(vocabularies[0], vocabularies[1], vocabularies[2], vocabularies[3], vocabularies[4],
                    counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], tables[0], tables[1], tables[2], tables[3]);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " ends early or is damaged", e);
        }
    }

    /** An element count, checked against what is left, so a damaged count fails here rather than allocating gigabytes. */
    private static int count(ByteBuffer in, int elementBytes) {
        int n = in.getInt();
        if (n < 0 || (long) n * elementBytes > in.remaining()) {
            throw new IllegalStateException("a part of " + n + " elements does not fit the " + in.remaining() + " bytes left");
        }
        return n;
    }

    private static int[] ints(ByteBuffer in) {
        int[] out = new int[count(in, Integer.BYTES)];
        IntBuffer view = in.asIntBuffer();
        view.get(out);
        in.position(in.position() + Integer.BYTES * out.length);
        return out;
    }

    /** Format 1: big-endian ints, names as modified UTF-8, each table row as its own array. */
    private static PlaylistStatistics readLegacy(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.readInt();
            Vocabulary[] vocabularies = new Vocabulary[5];
            for (int v = 0; v < vocabularies.length; v++) {
                Vocabulary.Builder names = new Vocabulary.Builder();
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    names.add(in.readUTF());
                }
                vocabularies[v] = names.build();
            }
            int[][] counts = new int[6][];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = legacyInts(in);
            }
            CountTable[] tables = new CountTable[4];
            for (int t = 0; t < tables.length; t++) {
                int rows = in.readInt();
                int[][] cells = new int[rows][];
                for (int r = 0; r < rows; r++) {
                    cells[r] = legacyInts(in);
                }
                int columns = rows == 0 ? 0 : cells[0].length;
                int[] flat = new int[rows * columns];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(cells[r], 0, flat, r * columns, columns);
                }
                tables[t] = new CountTable(rows, columns, flat);
            }
            return new PlaylistStatistics(vocabularies[0], vocabularies[1], vocabularies[2], vocabularies[3], vocabularies[4],
                    counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], tables[0], tables[1], tables[2], tables[3]);
        }
    }

    private static int[] legacyInts(DataInputStream in) throws IOException {
        int[] out = new int[in.readInt()];
        byte[] bytes = new byte[out.length * Integer.BYTES];
        in.readFully(bytes);
        ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }
}

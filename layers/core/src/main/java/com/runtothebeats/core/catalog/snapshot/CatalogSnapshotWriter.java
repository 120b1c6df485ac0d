package com.runtothebeats.core.catalog.snapshot;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Column;
import com.runtothebeats.core.catalog.snapshot.CatalogSnapshotFormat.Encoding;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/** Writes {@link CatalogSnapshotFormat}; the same tracks always give the same bytes (a re-run is idempotent). */
final class CatalogSnapshotWriter {

    private CatalogSnapshotWriter() {
    }

    static void write(CatalogSnapshot snapshot, OutputStream target) {
        int version = snapshot.header().schemaVersion();
        if (!CatalogSnapshotFormat.reads(version)) {
            throw new IllegalArgumentException("cannot write catalog snapshot schema version " + version);
        }
        Integer[] order = orderById(snapshot.tracks());
        List<Track> tracks = new ArrayList<>(order.length);
        List<SongKey> songs = new ArrayList<>(order.length);
        for (Integer i : order) {
            tracks.add(snapshot.tracks().get(i));
            songs.add(snapshot.songKeys().get(i));
        }
        List<Column> columns = CatalogSnapshotFormat.columns(version);
        Encoding[] encodings = new Encoding[columns.size()];
        int[] scales = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            switch (column.kind) {
                case TEXT -> encodings[c] = column == Column.TRACK_ID ? Encoding.UTF8 : Encoding.DICTIONARY;
                case INTEGER -> encodings[c] = integerEncoding(tracks, column);
                case REAL -> {
                    scales[c] = decimalScale(tracks, column);
                    encodings[c] = scales[c] < 0 ? Encoding.FLOAT64 : Encoding.DECIMAL32;
                    scales[c] = Math.max(scales[c], 0);
                }
                default -> throw new IllegalStateException(column.kind.toString());
            }
        }
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(target, 1 << 16);
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, crc));
            CatalogSnapshot.Header header = snapshot.header();
            out.write(CatalogSnapshotFormat.MAGIC);
            out.writeShort(version);
            out.writeUTF(header.runId());
            out.writeUTF(header.transformKey());
            out.writeUTF(header.transformVersion());
            out.writeInt(tracks.size());
            out.writeByte(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                out.writeUTF(columns.get(c).label);
                out.writeByte(encodings[c].code);
                out.writeByte(scales[c]);
            }
            for (int c = 0; c < columns.size(); c++) {
                writeColumn(out, version, tracks, songs, columns.get(c), encodings[c], scales[c]);
            }
            out.flush();
            new DataOutputStream(buffered).writeInt((int) crc.getValue());
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the catalog snapshot", e);
        }
    }

    /** The tracks' positions in id order; the song keys follow their tracks. */
    private static Integer[] orderById(List<Track> tracks) {
        Integer[] order = new Integer[tracks.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> tracks.get(a).id().compareTo(tracks.get(b).id()));
        for (int i = 1; i < order.length; i++) {
            if (tracks.get(order[i]).id().equals(tracks.get(order[i - 1]).id())) {
                throw new IllegalArgumentException("track " + tracks.get(order[i]).id() + " appears twice in the snapshot");
            }
        }
        return order;
    }

    private static Encoding integerEncoding(List<Track> tracks, Column column) {
        boolean bytes = true;
        boolean ints = true;
        for (Track t : tracks) {
            long v = column.integer(t);
            bytes &= v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            ints &= v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
        }
        return bytes ? Encoding.INT8 : ints ? Encoding.INT32 : Encoding.INT64;
    }

    /** The smallest decimal scale at which every value of the column reads back bit for bit, or -1 for none. */
    private static int decimalScale(List<Track> tracks, Column column) {
        for (int scale = 0; scale <= CatalogSnapshotFormat.MAX_DECIMAL_SCALE; scale++) {
            if (fitsDecimal(tracks, column, scale)) {
                return scale;
            }
        }
        return -1;
    }

    private static boolean fitsDecimal(List<Track> tracks, Column column, int scale) {
        double power = CatalogSnapshotFormat.POWERS_OF_TEN[scale];
        for (Track t : tracks) {
            double v = column.real(t);
            double scaled = Math.rint(v * power);
            if (!(Math.abs(scaled) <= Integer.MAX_VALUE)
                    || Double.doubleToRawLongBits(CatalogSnapshotFormat.decimal((int) scaled, scale)) != Double.doubleToRawLongBits(v)) {
                return false;
            }
        }
        return true;
    }

    private static void writeColumn(DataOutputStream out, int version, List<Track> tracks, List<SongKey> songs, Column column,
                                    Encoding encoding, int scale) throws IOException {
        switch (encoding) {
            case UTF8 -> {
                List<String> values = new ArrayList<>(tracks.size());
                for (int i = 0; i < tracks.size(); i++) {
                    values.add(column.text(tracks.get(i), songs.get(i)));
                }
                writeStrings(out, values);
            }
            case DICTIONARY -> {
                Map<String, Integer> entries = new HashMap<>();
                List<String> ordered = new ArrayList<>();
                int[] numbers = new int[tracks.size()];
                for (int i = 0; i < tracks.size(); i++) {
                    String value = column.text(tracks.get(i), songs.get(i));
                    numbers[i] = entries.computeIfAbsent(value, v -> {
                        ordered.add(v);
                        return ordered.size() - 1;
                    });
                }
                out.writeInt(ordered.size());
                writeStrings(out, ordered);
                int width = CatalogSnapshotFormat.numberBytes(version, ordered.size());
                for (int n : numbers) {
                    switch (width) {
                        case 1 -> out.writeByte(n);
                        case 2 -> out.writeShort(n);
                        default -> out.writeInt(n);
                    }
                }
            }
            case INT8 -> {
                for (Track t : tracks) {
                    out.writeByte((int) column.integer(t));
                }
            }
            case INT32 -> {
                for (Track t : tracks) {
                    out.writeInt((int) column.integer(t));
                }
            }
            case INT64 -> {
                for (Track t : tracks) {
                    out.writeLong(column.integer(t));
                }
            }
            case DECIMAL32 -> {
                double power = CatalogSnapshotFormat.POWERS_OF_TEN[scale];
                for (Track t : tracks) {
                    out.writeInt((int) Math.rint(column.real(t) * power));
                }
            }
            case FLOAT64 -> {
                for (Track t : tracks) {
                    out.writeDouble(column.real(t));
                }
            }
            default -> throw new IllegalStateException(encoding.toString());
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        ByteArrayOutputStream blob = new ByteArrayOutputStream(values.size() * 24);
        out.writeInt(0);
        for (String value : values) {
            blob.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.writeInt(blob.size());
        }
        blob.writeTo(out);
    }
}

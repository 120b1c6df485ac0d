package com.runtothebeats.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes the playlists dataset's CSV format (RFC 4180, header line, 23 columns; fields may
 * hold commas and quotes; CRLF or LF). Structural faults stop the read with the line number, so a bad
 * file is never half imported; value faults (a missing tempo, a bad key) are left to validation.
 */
public final class PlaylistDatasetCsv {

    private static final List<String> HEADER = Arrays.stream(DatasetColumn.values()).map(DatasetColumn::header).toList();
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private PlaylistDatasetCsv() {
    }

    public static List<String> header() {
        return HEADER;
    }

    /** Streams every row to {@code sink}; throws {@link MalformedDatasetException} on the first structural fault. */
    public static long read(InputStream in, Consumer<DatasetRow> sink) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!next(records, 1)) {
                throw new MalformedDatasetException(1, "the file is empty; expected the header " + String.join(",", HEADER));
            }
            CSVRecord header = records.next();
            List<String> names = header.toList();
            if (!names.isEmpty()) {
                names.set(0, names.get(0).replace("\uFEFF", "")); // tolerate a UTF-8 byte-order mark
            }
            if (!names.equals(HEADER)) {
                throw new MalformedDatasetException(1, "the header must be " + String.join(",", HEADER) + " but was " + String.join(",", names));
            }
            long count = 0;
            // Physical line numbers, so an error points where an editor shows it even after a quoted field
            // that spans lines. The parser has consumed `linesRead` line ends when a record starts.
            long linesRead = parser.getCurrentLineNumber();
            while (next(records, linesRead + 1)) {
                CSVRecord record = records.next();
                long line = linesRead + 1;
                linesRead = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line, e.g. a trailing one
                }
                if (record.size() != HEADER.size()) {
                    throw new MalformedDatasetException(line, "expected " + HEADER.size() + " fields but found " + record.size());
                }
                sink.accept(new DatasetRow(line, record.toList()));
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole file into memory (the public dataset is ~33k rows). */
    public static List<DatasetRow> readAll(InputStream in) {
        List<DatasetRow> rows = new ArrayList<>();
        read(in, rows::add);
        return rows;
    }

    private static boolean next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedDatasetException(line, "unreadable CSV (" + e.getMessage() + ")", e);
        }
    }

    /** Groups rows into contiguous playlist sequences in file order, keeping each playlist's own track order. */
    public static Map<PlaylistKey, List<DatasetRow>> groupByPlaylist(List<DatasetRow> rows) {
        Map<PlaylistKey, List<DatasetRow>> groups = new LinkedHashMap<>();
        for (DatasetRow row : rows) {
            groups.computeIfAbsent(row.playlistKey(), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    public static void write(List<DatasetRow> rows, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(HEADER);
            for (DatasetRow row : rows) {
                printer.printRecord(row.values());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.runtothebeats.core.catalog;

import static com.runtothebeats.core.catalog.DatasetLines.HEADER;
import static com.runtothebeats.core.catalog.DatasetLines.csv;
import static com.runtothebeats.core.catalog.DatasetLines.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistDatasetCsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String tricky = row("t1", "\"I Don't Care (with Justin Bieber), \"\"Remix\"\"\"", "p1", "pop", "dance pop",
                "0.9", "6", "1", "122.036");
        String multiLine = row("t2", "\"two\nlines\"", "p1", "pop", "dance pop", "0.9", "6", "1", "99.972");
        List<DatasetRow> rows = PlaylistDatasetCsv.readAll(csv(HEADER, tricky, multiLine, row("t3", "p1", "120")));
        assertEquals(3, rows.size());
        assertEquals("I Don't Care (with Justin Bieber), \"Remix\"", rows.get(0).get(DatasetColumn.TRACK_NAME));
        assertEquals("two\nlines", rows.get(1).get(DatasetColumn.TRACK_NAME));
        assertEquals(List.of(2L, 3L, 5L), rows.stream().map(DatasetRow::line).toList());
    }

    @Test
    void readsCrlfLineEndsAndAByteOrderMark() {
        String text = "\uFEFF" + HEADER + "\r\n" + row("t1", "p1", "120") + "\r\n" + row("t2", "p1", "121") + "\r\n";
        List<DatasetRow> rows = PlaylistDatasetCsv.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, rows.size());
        assertEquals("t1", rows.get(0).get(DatasetColumn.TRACK_ID));
        assertEquals("194754", rows.get(1).get(DatasetColumn.DURATION_MS)); // no stray \r in the last column
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsLine() {
        MalformedDatasetException e = assertThrows(MalformedDatasetException.class, () -> PlaylistDatasetCsv.readAll(
                csv(HEADER, row("t1", "p1", "120"), row("t2", "p1", "121"), row("t3", "p1", "122") + ",extra")));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("24"), e.getMessage());

        MalformedDatasetException shortRow = assertThrows(MalformedDatasetException.class,
                () -> PlaylistDatasetCsv.readAll(csv(HEADER, "t1,only,three")));
        assertEquals(2, shortRow.line());
    }

    @Test
    void anUnclosedQuoteIsAStructuralFault() {
        MalformedDatasetException e = assertThrows(MalformedDatasetException.class, () -> PlaylistDatasetCsv.readAll(
                csv(HEADER, row("t1", "p1", "120"), row("t2", "\"never closed", "p1", "pop", "dance pop", "0.5", "1", "1", "90"))));
        assertEquals(3, e.line());
    }

    @Test
    void anEmptyFileOrAWrongHeaderIsRefusedAtLineOne() {
        MalformedDatasetException empty = assertThrows(MalformedDatasetException.class,
                () -> PlaylistDatasetCsv.readAll(new ByteArrayInputStream(new byte[0])));
        assertEquals(1, empty.line());
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());

        MalformedDatasetException header = assertThrows(MalformedDatasetException.class,
                () -> PlaylistDatasetCsv.readAll(csv(HEADER.replace("tempo", "bpm"), row("t1", "p1", "120"))));
        assertEquals(1, header.line());
    }

    @Test
    void aHeaderAloneHasNoRowsAndBlankLinesAreSkipped() {
        assertEquals(0, PlaylistDatasetCsv.readAll(csv(HEADER)).size());
        List<DatasetRow> rows = PlaylistDatasetCsv.readAll(csv(HEADER, row("t1", "p1", "120"), "", row("t2", "p1", "121")));
        assertEquals(List.of(2L, 4L), rows.stream().map(DatasetRow::line).toList());
    }

    @Test
    void writeThenReadGivesTheSameRows() {
        List<DatasetRow> rows = new ArrayList<>(PlaylistDatasetCsv.readAll(csv(HEADER,
                row("t1", "\"a, \"\"quoted\"\" name\"", "p1", "pop", "dance pop", "0.9", "6", "1", "122.036"),
                row("t2", "p2", "2.33e-5"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlaylistDatasetCsv.write(rows, out);
        List<DatasetRow> again = PlaylistDatasetCsv.readAll(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(rows.stream().map(DatasetRow::values).toList(), again.stream().map(DatasetRow::values).toList());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(HEADER + "\n"));
    }
}

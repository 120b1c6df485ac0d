package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.core.catalog.DatasetColumn;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** predict-next's output on rows of the real file: shape, positions, units, bad rows, and no look-ahead. */
class PredictNextLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<DatasetRow> rows;

    @BeforeAll
    static void firstPlaylistsOfTheRealFile() throws Exception {
        try (InputStream in = Files.newInputStream(RealPlaylists.file())) {
            List<DatasetRow> all = PlaylistDatasetCsv.readAll(in);
            rows = new ArrayList<>(all.subList(0, 160)); // the first two playlists and part of a third
        }
    }

    private static List<JsonNode> predict(List<DatasetRow> csvRows) throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        PlaylistDatasetCsv.write(csvRows, csv);
        DatasetPlaylists data = DatasetPlaylists.read(new ByteArrayInputStream(csv.toByteArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FlowSequenceModel model = FixtureModel.trained().model();
        PredictNextLines.write(data, model, model.transform(), new PrintStream(out, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static DatasetRow withValue(DatasetRow row, DatasetColumn column, String value) {
        List<String> values = new ArrayList<>(row.values());
        values.set(column.ordinal(), value);
        return new DatasetRow(row.line(), values);
    }

    @Test
    void oneLinePerPositionAfterTheFirstInOriginalUnits() throws Exception {
        List<JsonNode> lines = predict(rows);
        long blocks = rows.stream().map(DatasetRow::playlistKey).distinct().count();
        assertEquals(rows.size() - blocks, lines.size());
        JsonNode first = lines.get(0);
        assertEquals(rows.get(0).get(DatasetColumn.PLAYLIST_ID), first.get("playlist_id").asText());
        assertEquals(rows.get(0).get(DatasetColumn.PLAYLIST_GENRE), first.get("playlist_genre").asText());
        assertEquals(rows.get(0).get(DatasetColumn.PLAYLIST_SUBGENRE), first.get("playlist_subgenre").asText());
        assertEquals(1, first.get("position").asInt());
        assertEquals(rows.get(1).get(DatasetColumn.TRACK_ID), first.get("track_id").asText());
        for (JsonNode line : lines) {
            JsonNode predicted = line.get("predicted");
            assertEquals(FlowFeature.columnNames(), iterable(predicted.fieldNames()));
            for (FlowFeature f : FlowFeature.values()) {
                double v = predicted.get(f.columnName()).asDouble();
                if (f == FlowFeature.LOUDNESS) {
                    assertTrue(v < 5 && v > -60, "loudness in dB: " + v);
                } else {
                    assertTrue(v >= 0 && v <= 1, f + " within 0..1: " + v);
                }
            }
        }
    }

    @Test
    void aBadRowIsNeitherHistoryNorTargetAndPositionsStayThoseOfTheFile() throws Exception {
        List<DatasetRow> broken = new ArrayList<>(rows);
        broken.set(5, withValue(rows.get(5), DatasetColumn.TEMPO, "NA"));
        List<JsonNode> lines = predict(broken);
        long blocks = rows.stream().map(DatasetRow::playlistKey).distinct().count();
        assertEquals(rows.size() - blocks - 1, lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.get("position").asInt() == 5 && l.get("playlist_id").asText()
                .equals(rows.get(5).get(DatasetColumn.PLAYLIST_ID))));
        assertEquals(6, lines.get(4).get("position").asInt(), "position 6 follows position 4 in the first block");
    }

    @Test
    void neverLooksAhead() throws Exception {
        List<JsonNode> before = predict(rows);
        int changed = 9; // a row in the first playlist block
        List<DatasetRow> edited = new ArrayList<>(rows);
        DatasetRow row = rows.get(changed);
        row = withValue(row, DatasetColumn.ENERGY, "0.01");
        row = withValue(row, DatasetColumn.LOUDNESS, "-30");
        row = withValue(row, DatasetColumn.ACOUSTICNESS, "0.99");
        edited.set(changed, row);
        List<JsonNode> after = predict(edited);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            JsonNode b = before.get(i);
            boolean sameBlock = b.get("playlist_id").asText().equals(rows.get(0).get(DatasetColumn.PLAYLIST_ID));
            if (!sameBlock || b.get("position").asInt() <= changed) {
                assertEquals(b, after.get(i), "prediction at position " + b.get("position") + " must not see track " + changed);
            }
        }
        assertNotEquals(before.get(changed), after.get(changed), "the prediction for position " + (changed + 1) + " reads track " + changed);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}

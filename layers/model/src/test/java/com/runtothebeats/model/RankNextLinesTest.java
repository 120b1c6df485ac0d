package com.runtothebeats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.DatasetRow;
import com.runtothebeats.core.catalog.PlaylistDatasetCsv;
import com.runtothebeats.core.catalog.Track;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rank-next's output on rows of the real file: shape, exclusions, and every block ranked on its own. */
class RankNextLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<DatasetRow> rows;
    private static List<Track> candidates;

    @BeforeAll
    static void playlistsOfTheRealFile() throws Exception {
        try (InputStream in = Files.newInputStream(RealPlaylists.file())) {
            List<DatasetRow> all = PlaylistDatasetCsv.readAll(in);
            rows = new ArrayList<>(all.subList(0, 160)); // the first two playlists and part of a third
            candidates = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (DatasetRow row : all.subList(0, 1500)) {
                Track t = row.toTrack();
                if (seen.add(t.id())) {
                    candidates.add(t);
                }
            }
        }
    }

    private static List<JsonNode> rank(List<DatasetRow> csvRows, int top) throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        PlaylistDatasetCsv.write(csvRows, csv);
        DatasetPlaylists data = DatasetPlaylists.read(new ByteArrayInputStream(csv.toByteArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RankNextLines.write(data, candidates, FixtureModel.ranking().model(), top, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void oneLinePerPositionWithTheTopCandidatesNotYetPlayed() throws Exception {
        List<DatasetRow> block = rows.subList(0, 20);
        List<JsonNode> lines = rank(block, 25);
        assertEquals(19, lines.size());
        JsonNode first = lines.get(0);
        assertEquals(List.of("playlist_id", "playlist_genre", "playlist_subgenre", "position", "track_id", "ranked"),
                iterableNames(first));
        assertEquals(1, first.get("position").asInt());
        assertEquals(block.get(1).values().get(0), first.get("track_id").asText());
        for (JsonNode line : lines) {
            int i = line.get("position").asInt();
            assertEquals(25, line.get("ranked").size());
            Set<String> played = new HashSet<>();
            for (int k = 0; k < i; k++) {
                played.add(block.get(k).values().get(0));
            }
            Set<String> listed = new HashSet<>();
            line.get("ranked").forEach(id -> {
                assertFalse(played.contains(id.asText()), "a played track is never a candidate");
                listed.add(id.asText());
            });
            assertEquals(25, listed.size(), "no candidate twice");
        }
    }

    /** Issue 13: changing tracks at or after i, or other blocks, leaves the ranking at i unchanged. */
    @Test
    void laterTracksAndOtherBlocksNeverChangeARanking() throws Exception {
        List<JsonNode> original = rank(rows, 30);
        List<DatasetRow> changed = new ArrayList<>(rows);
        // block 1 from position 10 on: its last tracks reversed; block 2 (other playlist) reversed entirely
        int firstBlockEnd = endOfBlock(0);
        List<DatasetRow> tail = new ArrayList<>(changed.subList(10, firstBlockEnd));
        java.util.Collections.reverse(tail);
        for (int k = 0; k < tail.size(); k++) {
            changed.set(10 + k, tail.get(k));
        }
        int secondBlockEnd = endOfBlock(firstBlockEnd);
        List<DatasetRow> other = new ArrayList<>(changed.subList(firstBlockEnd, secondBlockEnd));
        java.util.Collections.reverse(other);
        for (int k = 0; k < other.size(); k++) {
            changed.set(firstBlockEnd + k, other.get(k));
        }
        List<JsonNode> after = rank(changed, 30);
        for (int i = 1; i <= 10; i++) {
            assertEquals(original.get(i - 1).get("ranked"), after.get(i - 1).get("ranked"),
                    "position " + i + " reads tracks 0.." + (i - 1) + " only");
        }
        assertNotEquals(original.get(12).get("track_id"), after.get(12).get("track_id"), "the change did reach later positions");
    }

    /** Issue 13: one block alone in a file gives the same lines as within the whole file. */
    @Test
    void aBlockAloneGivesTheSameLines() throws Exception {
        List<JsonNode> all = rank(rows, 40);
        int firstBlockEnd = endOfBlock(0);
        int secondBlockEnd = endOfBlock(firstBlockEnd);
        List<JsonNode> alone = rank(rows.subList(firstBlockEnd, secondBlockEnd), 40);
        List<JsonNode> within = all.subList(firstBlockEnd - 1, firstBlockEnd - 1 + alone.size());
        assertEquals(within, alone);
        assertTrue(alone.size() > 10);
    }

    private static int endOfBlock(int from) {
        int end = from;
        while (end < rows.size() && rows.get(end).playlistKey().equals(rows.get(from).playlistKey())) {
            end++;
        }
        return end;
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

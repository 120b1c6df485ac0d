package com.runtothebeats.core.catalog;

import com.runtothebeats.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A candidates file for {@code rank-next}: the dataset's track columns (the 20 that are not about a
 * playlist), found by header name so their order and any extra columns (a full dataset file works too) do
 * not matter. Each track id counts once, at its first valid row; rows that cannot be a track are listed in
 * {@link #skipped()} like the playlists file's.
 */
public record CandidateTracksCsv(List<Track> tracks, List<String> skipped) {

    private static final Set<DatasetColumn> PLAYLIST_COLUMNS = Set.of(DatasetColumn.PLAYLIST_NAME,
            DatasetColumn.PLAYLIST_ID, DatasetColumn.PLAYLIST_GENRE, DatasetColumn.PLAYLIST_SUBGENRE);

    public static CandidateTracksCsv read(InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new MalformedDatasetException(1, "the candidates file is empty; expected a header with the track columns");
            }
            List<String> names = records.next().toList();
            if (!names.isEmpty()) {
                names.set(0, names.get(0).replace("\uFEFF", ""));
            }
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                position.putIfAbsent(names.get(i).trim(), i);
            }
            int[] from = new int[DatasetColumn.values().length];
            List<String> missing = new ArrayList<>();
            for (DatasetColumn column : DatasetColumn.values()) {
                Integer at = position.get(column.header());
                from[column.ordinal()] = at == null ? -1 : at;
                if (at == null && !PLAYLIST_COLUMNS.contains(column)) {
                    missing.add(column.header());
                }
            }
            if (!missing.isEmpty()) {
                throw new MalformedDatasetException(1, "the candidates file lacks the column(s) " + String.join(",", missing));
            }
            List<Track> tracks = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long linesRead = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = linesRead + 1;
                linesRead = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != names.size()) {
                    throw new MalformedDatasetException(line, "expected " + names.size() + " fields but found " + record.size());
                }
                String[] values = new String[from.length];
                Arrays.fill(values, "");
                for (int c = 0; c < from.length; c++) {
                    if (from[c] >= 0) {
                        values[c] = record.get(from[c]);
                    }
                }
                try {
                    Track track = new DatasetRow(line, List.of(values)).toTrack();
                    if (seen.add(track.id())) {
                        tracks.add(track);
                    }
                } catch (InvalidInputException e) {
                    skipped.add("line " + line + ": " + e.getMessage());
                }
            }
            return new CandidateTracksCsv(List.copyOf(tracks), List.copyOf(skipped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new MalformedDatasetException(1, "unreadable CSV (" + e.getMessage() + ")", e);
        }
    }
}

package com.runtothebeats.core.heartrate;

import com.runtothebeats.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A recorded heart-rate series, as offsets from its first reading, read from the CSV layouts of the
 * project's data directory: FIT/TCX conversions ({@code timestamp_utc,elapsed_s,heart_rate_bpm,…}), the
 * Fitabase export ({@code Id,Time,Value} with local {@code M/D/YYYY h:mm:ss AM/PM}), FIT CSV exports
 * ({@code Timestamp, Heart Rate [bpm],…} in seconds) and a bare series ({@code index,heart_rate_bpm}, one
 * reading a second). Rows without a heart rate are skipped; two readings at one offset keep the last.
 */
public record RecordedRun(String name, List<Reading> readings) {

    /** A reading {@code offset} after the run started. */
    public record Reading(Duration offset, int bpm) {
    }

    private static final DateTimeFormatter FITABASE_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    public RecordedRun {
        readings = List.copyOf(readings);
    }

    public Duration duration() {
        return readings.isEmpty() ? Duration.ZERO : readings.get(readings.size() - 1).offset();
    }

    public static RecordedRun read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded run " + file, e);
        }
    }

    public static RecordedRun parse(String name, Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String heartRate = first(header, "heart_rate_bpm", "Value", "Heart Rate [bpm]");
            String time = first(header, "elapsed_s", "timestamp_utc", "Time", "Timestamp", "index");
            if (heartRate == null || time == null) {
                throw new InvalidInputException("file", name + " has none of the known heart-rate layouts (columns: "
                        + header.keySet() + ")");
            }
            Map<Duration, Integer> byOffset = new TreeMap<>(Comparator.naturalOrder());
            Instant firstTime = null;
            for (CSVRecord row : parser) {
                String bpmText = row.isMapped(heartRate) ? row.get(heartRate) : "";
                if (bpmText.isEmpty() || bpmText.equalsIgnoreCase("null")) {
                    continue;
                }
                int bpm;
                try {
                    bpm = (int) Math.round(Double.parseDouble(bpmText));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(heartRate, name + " line " + row.getRecordNumber()
                            + ": heart rate '" + bpmText + "' is not a number");
                }
                Instant at = instant(time, row.get(time), name, row.getRecordNumber());
                if (firstTime == null) {
                    firstTime = at;
                }
                byOffset.put(Duration.between(firstTime, at), bpm);
            }
            List<Reading> readings = new ArrayList<>();
            Duration start = byOffset.isEmpty() ? Duration.ZERO : byOffset.keySet().iterator().next();
            byOffset.forEach((offset, bpm) -> readings.add(new Reading(offset.minus(start), bpm)));
            if (readings.isEmpty()) {
                throw new InvalidInputException("file", name + " holds no heart-rate readings");
            }
            return new RecordedRun(name, readings);
        }
    }

    /** Each layout's time column as an instant on a common axis (only differences matter). */
    private static Instant instant(String column, String value, String name, long line) {
        try {
            return switch (column) {
                case "elapsed_s", "Timestamp" -> Instant.ofEpochMilli(Math.round(Double.parseDouble(value) * 1000));
                case "index" -> Instant.ofEpochSecond(Long.parseLong(value));
                case "timestamp_utc" -> value.endsWith("Z") ? Instant.parse(value)
                        : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                case "Time" -> LocalDateTime.parse(value, FITABASE_TIME).toInstant(ZoneOffset.UTC);
                default -> throw new IllegalStateException(column);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidInputException(column, name + " line " + line + ": time '" + value + "' is not readable");
        }
    }

    private static String first(Map<String, Integer> header, String... names) {
        for (String candidate : names) {
            if (header.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

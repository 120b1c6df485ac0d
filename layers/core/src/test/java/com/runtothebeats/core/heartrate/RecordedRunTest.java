package com.runtothebeats.core.heartrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.validation.InvalidInputException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every heart-rate file of the data directory, and the layouts' edge cases. */
class RecordedRunTest {

    private static final Path DATA = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../../shared/data"))
            .resolve("heart-rate");

    @Test
    void readsTheFortySevenMinuteFenixRun() {
        RecordedRun run = RecordedRun.read(DATA.resolve("fitparse_activity-small-fenix2-run_records.csv"));
        assertEquals(2808, run.readings().size(), "2,809 records, one without a heart rate (elapsed 2804 s)");
        assertEquals(new RecordedRun.Reading(Duration.ZERO, 69), run.readings().get(0));
        assertTrue(run.duration().toMinutes() >= 46 && run.duration().toMinutes() <= 48, run.duration().toString());
    }

    @Test
    void readsEveryLayoutOfTheDataDirectory() throws Exception {
        try (var files = Files.list(DATA)) {
            List<Path> csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertEquals(10, csvs.size());
            for (Path csv : csvs) {
                RecordedRun run = RecordedRun.read(csv);
                assertTrue(run.readings().size() > 300, csv + ": " + run.readings().size());
                assertTrue(run.readings().stream().allMatch(r -> r.bpm() > 20 && r.bpm() < 240), csv.toString());
            }
        }
        assertEquals(Duration.ofSeconds(1159),
                RecordedRun.read(DATA.resolve("changepoint.np_HeartRate.csv")).duration(), "one reading a second");
    }

    @Test
    void readsFitabaseLocalTimesWithCrlf() throws Exception {
        RecordedRun run = RecordedRun.parse("fitabase", new StringReader(
                "Id,Time,Value\r\n1,5/10/2016 11:59:58 AM,71\r\n1,5/10/2016 12:00:03 PM,75\r\n1,5/10/2016 12:00:08 PM,\r\n"));
        assertEquals(List.of(new RecordedRun.Reading(Duration.ZERO, 71), new RecordedRun.Reading(Duration.ofSeconds(5), 75)),
                run.readings());
    }

    @Test
    void rejectsUnknownLayoutsAndBadValuesNamingTheColumn() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> RecordedRun.parse("x", new StringReader("a,b\n1,2\n")));
        assertEquals("file", unknown.field());
        InvalidInputException badBpm = assertThrows(InvalidInputException.class,
                () -> RecordedRun.parse("x", new StringReader("index,heart_rate_bpm\n1,fast\n")));
        assertEquals("heart_rate_bpm", badBpm.field());
        InvalidInputException badTime = assertThrows(InvalidInputException.class,
                () -> RecordedRun.parse("x", new StringReader("timestamp_utc,heart_rate_bpm\nyesterday,120\n")));
        assertEquals("timestamp_utc", badTime.field());
    }
}

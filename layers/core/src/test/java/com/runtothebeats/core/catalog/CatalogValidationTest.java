package com.runtothebeats.core.catalog;

import static com.runtothebeats.core.catalog.DatasetLines.row;
import static com.runtothebeats.core.catalog.DatasetLines.rows;
import static com.runtothebeats.core.catalog.DatasetLines.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CatalogValidationTest {

    @ParameterizedTest(name = "{0}={1} is {2}")
    @CsvSource({
            "TEMPO, '', MISSING_TEMPO", "TEMPO, NA, MISSING_TEMPO", "TEMPO, 0, ZERO_TEMPO", "TEMPO, -3, ZERO_TEMPO",
            "TEMPO, 301, OUT_OF_RANGE", "TEMPO, fast, NOT_A_NUMBER", "TEMPO, NaN, NOT_A_NUMBER",
            "KEY, -1, BAD_KEY", "KEY, 12, BAD_KEY", "KEY, 2.5, BAD_KEY", "KEY, '', MISSING_VALUE",
            "MODE, 2, BAD_MODE", "MODE, x, NOT_A_NUMBER",
            "ENERGY, 1.2, OUT_OF_RANGE", "VALENCE, -0.1, OUT_OF_RANGE", "LOUDNESS, -61, OUT_OF_RANGE",
            "LOUDNESS, 1.275, VALID", "DURATION_MS, 0, OUT_OF_RANGE", "TRACK_POPULARITY, 101, OUT_OF_RANGE",
            "TRACK_POPULARITY, '', VALID", "TRACK_ID, '', MISSING_TRACK_ID", "TRACK_NAME, '', VALID",
            "INSTRUMENTALNESS, 2.33e-5, VALID"})
    void classifiesEachBadValue(DatasetColumn column, String value, String expected) {
        String line = with(row("t1", "p1", "120.5"), column, value);
        ValidatedCatalog result = CatalogValidation.validate(rows(line, row("t2", "p1", "128")));
        if (expected.equals("VALID")) {
            assertEquals(2, result.report().valid());
            return;
        }
        DropReason reason = DropReason.valueOf(expected);
        assertEquals(1, result.report().dropped().get(reason.code()));
        assertEquals(1, result.report().valid());
        ValidationReport.DroppedRow example = result.report().examples().get(reason.code()).get(0);
        assertEquals(2, example.line());
        InvalidRowException e = assertThrows(InvalidRowException.class, () -> rows(line).get(0).toTrack());
        assertEquals(reason, e.reason());
        assertEquals(column.header(), e.field());
    }

    @Test
    void aTrackTwiceInOnePlaylistBlockIsADuplicateButNotAcrossPlaylists() {
        ValidatedCatalog result = CatalogValidation.validate(rows(
                row("a", "p1", "120"), row("b", "p1", "121"), row("a", "p1", "120"),   // a again in p1: duplicate
                row("a", "p2", "120"), row("c", "p2", "90"),                           // a in p2: fine
                DatasetLines.row("a", "Song a", "p1", "rock", "hard rock", "0.61", "5", "1", "120"))); // p1 under another genre: its own block
        ValidationReport report = result.report();
        assertEquals(6, report.rows());
        assertEquals(5, report.valid());
        assertEquals(1, report.dropped().get("duplicate_in_playlist"));
        assertEquals(3, report.distinctTracks());
        assertEquals(List.of("a", "b", "c"), result.tracks().stream().map(Track::id).toList());
        assertEquals(3, result.sequences().size());
        assertEquals(List.of("a", "b"), ids(result.sequences().get(0)));
        assertEquals(List.of("a", "c"), ids(result.sequences().get(1)));
        assertEquals(new PlaylistKey("p1", "rock", "hard rock"), result.sequences().get(2).key());
        assertEquals(4, report.examples().get("duplicate_in_playlist").get(0).line());
    }

    @Test
    void aKnownTrackWithOtherFeaturesIsDroppedAsConflicting() {
        ValidatedCatalog result = CatalogValidation.validate(rows(
                row("a", "p1", "120"), row("a", "p2", "125"), row("b", "p2", "100")));
        assertEquals(1, result.report().dropped().get("conflicting_features"));
        assertEquals(120.0, result.tracks().get(0).tempo());
        assertEquals(List.of("b"), ids(result.sequences().get(1)));
    }

    @Test
    void aPlaylistWithNoValidTrackHasNoSequenceAndEveryReasonIsReported() {
        ValidatedCatalog result = CatalogValidation.validate(rows(row("a", "p1", "0"), row("b", "p2", "100")));
        assertEquals(1, result.sequences().size());
        assertEquals("p2", result.sequences().get(0).playlistId());
        Map<String, Long> dropped = result.report().dropped();
        assertEquals(DropReason.values().length, dropped.size());
        assertEquals(1, result.report().droppedTotal());
        assertEquals(1, dropped.get("zero_tempo"));
    }

    @Test
    void keepsOnlyTheFirstFewExamplesPerReason() {
        String[] lines = new String[12];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = row("t" + i, "p1", "0");
        }
        ValidatedCatalog result = CatalogValidation.validate(rows(lines));
        assertEquals(12, result.report().dropped().get("zero_tempo"));
        assertEquals(CatalogValidation.EXAMPLES_PER_REASON, result.report().examples().get("zero_tempo").size());
    }

    private static List<String> ids(PlaylistSequence sequence) {
        return sequence.tracks().stream().map(Track::id).toList();
    }
}

package com.runtothebeats.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaylistMarkerTest {

    @Test
    void theTagIsStablePerPublishDistinctAcrossPublishesAndHidesTheKey() {
        PlaylistMarker marker = PlaylistMarker.of("runner-1", "runner-1:key-1");
        assertEquals(marker, PlaylistMarker.of("runner-1", "runner-1:key-1"));
        assertNotEquals(marker, PlaylistMarker.of("runner-1", "runner-1:key-2"));
        assertNotEquals(marker, PlaylistMarker.of("runner-2", "runner-1:key-1"));
        assertTrue(marker.tag().matches("rttb:[0-9a-f]{12}"));
        assertFalse(marker.tag().contains("key-1"));
    }

    @Test
    void theDescriptionStaysTheRunnersWithTheTagAtTheEndWithinTheLimit() {
        PlaylistMarker marker = PlaylistMarker.of("runner-1", "runner-1:key-1");
        assertEquals("170 BPM, flowing · " + marker.tag(), marker.describe("170 BPM, flowing"));
        assertEquals(marker.tag(), marker.describe(""));
        assertEquals(marker.tag(), marker.describe(null));

        String longest = "x".repeat(PlaylistDraft.MAX_DESCRIPTION);
        String described = marker.describe(longest);
        assertEquals(PlaylistDraft.MAX_DESCRIPTION, described.length());
        assertTrue(described.startsWith("xxxxxxxx") && described.endsWith("x… · " + marker.tag()));
        assertTrue(marker.isIn(described));

        // The cut (character 279) falls inside the emoji: it is dropped whole, never halved.
        String emojiAtCut = "x".repeat(278) + "😀" + "y".repeat(20);
        assertEquals("x".repeat(278) + "… · " + marker.tag(), marker.describe(emojiAtCut));
    }

    @Test
    void isInFindsOnlyThisTag() {
        PlaylistMarker marker = PlaylistMarker.of("runner-1", "runner-1:key-1");
        assertTrue(marker.isIn("Tempo &amp; flow · " + marker.tag()));
        assertFalse(marker.isIn("Tempo · " + PlaylistMarker.of("runner-1", "runner-1:key-2").tag()));
        assertFalse(marker.isIn(null));
        assertThrows(IllegalArgumentException.class, () -> new PlaylistMarker("rttb:XYZ"));
    }
}

package com.runtothebeats.aws.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.runtothebeats.standins.TemplateTables;
import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.playlist.BannedSongs.BannedSong;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bans per runner against DynamoDB Local. */
class DynamoBannedSongsTest {

    static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    AmazonDynamoDBLocal local;
    DynamoBannedSongs bans;

    @BeforeEach
    void start() {
        local = DynamoDBEmbedded.create();
        TemplateTables.createProjectTable(local.dynamoDbClient(), "BannedSongsTable", "bans");
        bans = new DynamoBannedSongs(local.dynamoDbClient(), "bans");
    }

    @AfterEach
    void stop() {
        local.shutdownNow();
    }

    @Test
    void bansAreListedNewestFirstPerRunnerAndUndone() {
        SongKey sayIt = SongKey.of("Say It - Illenium Remix", "Flume");
        SongKey allIHave = SongKey.of("All I Have", "Jennifer Lopez");
        bans.ban("runner-1", new BannedSong(sayIt.toString(), "1wfZdPy5FRWsdWaAEOG0Ml", "Say It - Illenium Remix", "Flume", NOW));
        bans.ban("runner-1", new BannedSong(allIHave.toString(), "6xGDXrZQoisoWkKWsgplcZ", "All I Have", "Jennifer Lopez", NOW.plusSeconds(60)));
        bans.ban("runner-2", new BannedSong(sayIt.toString(), "1qcyw35R6PiMBYfSSK7gDm", "Say It (feat. Tove Lo) [Illenium Remix]", "Flume", NOW));

        List<BannedSong> listed = bans.list("runner-1");
        assertEquals(List.of(allIHave.toString(), sayIt.toString()), listed.stream().map(BannedSong::songKey).toList());
        assertEquals("1wfZdPy5FRWsdWaAEOG0Ml", listed.get(1).trackId());
        assertEquals(Set.of(sayIt, allIHave), bans.songs("runner-1"));
        assertEquals(Set.of(sayIt), bans.songs("runner-2"));

        assertTrue(bans.unban("runner-1", sayIt));
        assertFalse(bans.unban("runner-1", sayIt), "already undone");
        assertEquals(Set.of(allIHave), bans.songs("runner-1"));
        assertEquals(Set.of(sayIt), bans.songs("runner-2"), "another runner's ban stays");
        assertEquals(List.of(), bans.list("nobody"));
    }

    @Test
    void banningAgainReplacesTheEarlierBan() {
        SongKey sayIt = SongKey.of("Say It", "Flume");
        bans.ban("runner-1", new BannedSong(sayIt.toString(), "a", "Say It", "Flume", NOW));
        bans.ban("runner-1", new BannedSong(sayIt.toString(), "b", "Say It (feat. Tove Lo)", "Flume", NOW.plusSeconds(5)));
        assertEquals(1, bans.list("runner-1").size());
        assertEquals("b", bans.list("runner-1").get(0).trackId());
    }
}

package com.runtothebeats.core.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The publisher against an in-memory publications table and playlist account, interrupted where it hurts. */
class PlaylistPublisherTest {

    static final String RUNNER = "runner-1";
    static final String KEY = RUNNER + ":3f1c2b7e-5d2a-4c8e-9f61-0a7b3c9d2e10";
    static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");
    /** After the dead worker's lease has lapsed. */
    static final Instant LATER = NOW.plus(PlaylistPublisher.LEASE).plusSeconds(1);

    final MemoryPublicationStore publications = new MemoryPublicationStore();
    final MemoryPlaylistAccount account = new MemoryPlaylistAccount();

    static PlaylistDraft draft(int tracks) {
        List<String> ids = IntStream.range(0, tracks).mapToObj(i -> "AAAAAAAAAAAAAAAA" + String.format("%06d", i)).toList();
        return new PlaylistDraft("Tempo run 170", "170 BPM, flowing", false, ids);
    }

    PlaylistPublisher publisher(PlaylistDestination destination, Instant at) {
        return new PlaylistPublisher(publications, destination, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Runs a publish whose worker dies at {@code death}, leaving the account to behave normally afterwards. */
    void killedPublish(MemoryPlaylistAccount.Death death, PlaylistDraft draft) {
        account.death = death;
        try {
            assertThrows(MemoryPlaylistAccount.Killed.class, () -> publisher(account, NOW).publish(RUNNER, KEY, draft));
        } finally {
            account.death = MemoryPlaylistAccount.Death.NONE;
        }
    }

    @Test
    void aFirstPublishNotesTheCreateAttemptMarksThePlaylistAndLooksForNothing() {
        PlaylistDraft draft = draft(250);

        PublishedPlaylist published = publisher(account, NOW).publish(RUNNER, KEY, draft);

        assertEquals(1, account.creates);
        assertEquals(0, account.lookups, "a fresh publish has nothing to look for");
        MemoryPlaylistAccount.Playlist playlist = account.playlist(published.playlistId());
        assertEquals("170 BPM, flowing · " + PlaylistMarker.of(RUNNER, KEY).tag(), playlist.description);
        assertEquals(draft.trackUris(), playlist.uris);
        assertEquals(3, account.addCalls);
        Publication record = publications.find(KEY).orElseThrow();
        assertEquals(NOW, record.createAttemptedAt());
        assertTrue(record.completed());
        assertFalse(record.createMayHaveLanded());
    }

    @Test
    void aWorkerKilledAfterTheCreateLandedLeavesOnePlaylistWithEveryTrackOnce() {
        PlaylistDraft draft = draft(250);
        killedPublish(MemoryPlaylistAccount.Death.AFTER_CREATE_LANDS, draft);
        assertEquals(1, account.playlists.size(), "the create reached the account");
        Publication interrupted = publications.find(KEY).orElseThrow();
        assertNull(interrupted.playlistId(), "but its id was never recorded");
        assertTrue(interrupted.createMayHaveLanded());

        PublishedPlaylist retried = publisher(account, LATER).publish(RUNNER, KEY, draft);

        assertEquals(1, account.playlists.size(), "the retry adopted the playlist instead of making a second");
        assertEquals(account.playlists.get(0).id, retried.playlistId());
        assertEquals(1, account.lookups);
        assertEquals(draft.trackUris(), account.playlist(retried.playlistId()).uris, "every track once, in order");
        assertEquals(3, account.addCalls);
        Publication done = publications.find(KEY).orElseThrow();
        assertTrue(done.completed());
        assertEquals(retried.playlistId(), done.playlistId());
        assertEquals(NOW, done.createAttemptedAt(), "adopting is not another create attempt");

        PublishedPlaylist replayed = publisher(account, LATER.plusSeconds(5)).publish(RUNNER, KEY, draft);
        assertTrue(replayed.replayed());
        assertEquals(retried.playlistId(), replayed.playlistId());
        assertEquals(1, account.lookups, "a finished publish is answered from its record");
    }

    @Test
    void aCreateThatNeverLandedIsMadeOnTheRetryAndOtherPublishesAreLeftAlone() {
        PlaylistDraft draft = draft(120);
        // The runner's previous publish (another key) and someone else's copy of this one are in the account.
        publisher(account, NOW.minusSeconds(600)).publish(RUNNER, RUNNER + ":an-earlier-key", draft);
        account.madeElsewhere("runner-2", "Tempo run 170", PlaylistMarker.of(RUNNER, KEY).describe("copied"));
        killedPublish(MemoryPlaylistAccount.Death.BEFORE_CREATE_LANDS, draft);
        assertTrue(publications.find(KEY).orElseThrow().createMayHaveLanded());
        int before = account.playlists.size();

        PublishedPlaylist retried = publisher(account, LATER).publish(RUNNER, KEY, draft);

        assertEquals(1, account.lookups);
        assertEquals(before + 1, account.playlists.size(), "not found, so created once");
        MemoryPlaylistAccount.Playlist made = account.playlist(retried.playlistId());
        assertEquals(RUNNER, made.runnerId);
        assertTrue(PlaylistMarker.of(RUNNER, KEY).isIn(made.description));
        assertEquals(draft.trackUris(), made.uris);
        assertEquals(LATER, publications.find(KEY).orElseThrow().createAttemptedAt(), "the new attempt is noted");
    }

    @Test
    void aPlaylistPastTheSearchLimitIsNotFound() {
        PlaylistDraft draft = draft(3);
        killedPublish(MemoryPlaylistAccount.Death.AFTER_CREATE_LANDS, draft);
        for (int i = 0; i < PlaylistDestination.MARKER_SEARCH_LIMIT; i++) {
            account.madeElsewhere(RUNNER, "Run " + i, "");
        }

        publisher(account, LATER).publish(RUNNER, KEY, draft);

        assertEquals(2, account.creates, "the documented limit: a hundred newer playlists hide the first");
    }
}

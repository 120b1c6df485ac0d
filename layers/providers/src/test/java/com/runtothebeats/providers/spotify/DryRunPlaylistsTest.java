package com.runtothebeats.providers.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.runtothebeats.core.publishing.PlaylistDestination.CreatedPlaylist;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.publishing.PlaylistMarker;
import com.runtothebeats.lambda.Json;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunPlaylistsTest {

    @TempDir
    Path dir;

    final PlaylistDraft draft = new PlaylistDraft("Tempo run 170", "170 BPM", false, List.of("6f807x0ima9a1j3VPbc7VN"));
    final PlaylistMarker marker = PlaylistMarker.of("runner-1", "runner-1:key-1");

    @Test
    void aMarkedDryRunPlaylistIsFoundForItsRunnerOnly() throws Exception {
        DryRunPlaylists playlists = new DryRunPlaylists(dir.resolve("dry-run"), Clock.fixed(Instant.parse("2026-11-24T21:00:00Z"),
                ZoneOffset.UTC), new SecureRandom());
        assertEquals(Optional.empty(), playlists.findByMarker("runner-1", marker), "no directory yet");

        playlists.create("runner-1", draft, PlaylistMarker.of("runner-1", "runner-1:key-0"));
        CreatedPlaylist created = playlists.create("runner-1", draft, marker);
        playlists.create("runner-2", draft, marker);

        assertEquals(Optional.of(created), playlists.findByMarker("runner-1", marker));
        assertEquals(Optional.empty(), playlists.findByMarker("runner-1", PlaylistMarker.of("runner-1", "runner-1:key-9")));
        JsonNode file = Json.MAPPER.readTree(playlists.file(created.id()).toFile());
        assertEquals("170 BPM · " + marker.tag(), file.get("description").asText());
        assertTrue(playlists.findByMarker("runner-3", marker).isEmpty());
    }
}

package com.runtothebeats.providers.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.core.publishing.PlaylistDestination;
import com.runtothebeats.core.publishing.PlaylistDraft;
import com.runtothebeats.core.publishing.PlaylistMarker;
import com.runtothebeats.lambda.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local demo's destination when no Spotify app is configured: each playlist we would have created is a
 * JSON file ({@code <dir>/<playlistId>.json}: name, description with the publish's {@link PlaylistMarker},
 * public flag and the ordered track URIs), written atomically after every change. Nothing leaves the machine.
 */
public final class DryRunPlaylists implements PlaylistDestination {

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random;

    public DryRunPlaylists(Path directory, Clock clock, SecureRandom random) {
        this.directory = directory;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CreatedPlaylist create(String runnerId, PlaylistDraft draft, PlaylistMarker marker) {
        String id = "dry-run-" + com.runtothebeats.core.identity.Pkce.randomToken(random, 9);
        ObjectNode playlist = Json.MAPPER.createObjectNode();
        playlist.put("dryRun", true);
        playlist.put("note", "Dry run: no Spotify app is configured, so this is the playlist we would have created.");
        playlist.put("playlistId", id);
        playlist.put("runnerId", runnerId);
        playlist.put("name", draft.name());
        playlist.put("description", marker.describe(draft.description()));
        playlist.put("public", draft.isPublic());
        playlist.put("createdAt", clock.instant().toString());
        playlist.putArray("trackUris");
        write(id, playlist);
        return new CreatedPlaylist(id, file(id).toUri().toString());
    }

    /** Every dry-run playlist of the runner is looked at (there is no paging to bound it here). */
    @Override
    public Optional<CreatedPlaylist> findByMarker(String runnerId, PlaylistMarker marker) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .map(DryRunPlaylists::readFile)
                    .filter(p -> runnerId.equals(p.path("runnerId").asText()) && marker.isIn(p.path("description").asText()))
                    .max(Comparator.comparing(p -> p.path("createdAt").asText()))
                    .map(p -> p.path("playlistId").asText())
                    .map(id -> new CreatedPlaylist(id, file(id).toUri().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dry-run playlists in " + directory, e);
        }
    }

    @Override
    public void addItems(String runnerId, String playlistId, List<String> uris, int position) {
        ObjectNode playlist = read(playlistId);
        ArrayNode tracks = (ArrayNode) playlist.get("trackUris");
        for (int i = 0; i < uris.size(); i++) {
            tracks.insert(position + i, uris.get(i));
        }
        write(playlistId, playlist);
    }

    @Override
    public int itemCount(String runnerId, String playlistId) {
        return read(playlistId).get("trackUris").size();
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    public Path file(String playlistId) {
        return directory.resolve(playlistId + ".json");
    }

    private ObjectNode read(String playlistId) {
        return readFile(file(playlistId));
    }

    private static ObjectNode readFile(Path file) {
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dry-run playlist " + file.getFileName(), e);
        }
    }

    private void write(String playlistId, ObjectNode playlist) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, playlistId, ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), playlist);
            Files.move(temp, file(playlistId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dry-run playlist " + playlistId, e);
        }
    }
}

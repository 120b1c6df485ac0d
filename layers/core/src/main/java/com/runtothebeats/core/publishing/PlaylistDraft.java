package com.runtothebeats.core.publishing;

import com.runtothebeats.core.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The playlist a runner asks us to publish: a recommendation's tracks, in order. Validated on construction,
 * naming the field at fault, so nothing is written for bad input.
 */
public record PlaylistDraft(String name, String description, boolean isPublic, List<String> trackIds) {

    public static final int MAX_TRACKS = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 300;
    private static final Pattern SPOTIFY_TRACK_ID = Pattern.compile("[0-9A-Za-z]{22}");

    public PlaylistDraft {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "name is at most " + MAX_NAME + " characters");
        }
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "description is at most " + MAX_DESCRIPTION + " characters");
        }
        if (trackIds == null || trackIds.isEmpty()) {
            throw new InvalidInputException("trackIds", "trackIds needs at least one track");
        }
        if (trackIds.size() > MAX_TRACKS) {
            throw new InvalidInputException("trackIds", "at most " + MAX_TRACKS + " tracks per playlist");
        }
        for (int i = 0; i < trackIds.size(); i++) {
            String id = trackIds.get(i);
            if (id == null || !SPOTIFY_TRACK_ID.matcher(id).matches()) {
                throw new InvalidInputException("trackIds[" + i + "]", "not a Spotify track id (22 letters and digits)");
            }
        }
        trackIds = List.copyOf(trackIds);
    }

    /** {@code spotify:track:<id>} in playlist order. */
    public List<String> trackUris() {
        return trackIds.stream().map(id -> "spotify:track:" + id).toList();
    }

    /**
     * A digest of everything that shapes the playlist, and of who asks: an idempotency key replayed with a
     * different body (or by another runner) is told apart from a retry.
     */
    public String fingerprint(String runnerId) {
        StringBuilder canonical = new StringBuilder()
                .append(runnerId).append('\n').append(name).append('\n').append(description).append('\n')
                .append(isPublic).append('\n');
        trackIds.forEach(id -> canonical.append(id).append(','));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

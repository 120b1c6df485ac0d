package com.runtothebeats.core.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A short tag, {@code rttb:<12 hex>}, that every playlist we create carries at the end of its description,
 * so a publish interrupted between the destination's create and our record of the playlist id can find the
 * playlist it already made instead of making a second one. It is the first 12 hex digits of
 * SHA-256(runnerId, idempotency key): stable across retries, distinct per publish, and it reveals neither.
 */
public record PlaylistMarker(String tag) {

    static final String PREFIX = "rttb:";
    private static final Pattern TAG = Pattern.compile(PREFIX + "[0-9a-f]{12}");
    /** Between the runner's description and the tag, so the description still reads as theirs. */
    static final String SEPARATOR = " · ";
    private static final String ELLIPSIS = "…";

    public PlaylistMarker {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("a playlist marker is rttb: and 12 hex digits");
        }
    }

    public static PlaylistMarker of(String runnerId, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((runnerId + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return new PlaylistMarker(PREFIX + HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The runner's description with the tag appended, within {@link PlaylistDraft#MAX_DESCRIPTION}
     * characters (a long description is shortened, never the tag).
     */
    public String describe(String description) {
        if (description == null || description.isBlank()) {
            return tag;
        }
        int room = PlaylistDraft.MAX_DESCRIPTION - SEPARATOR.length() - tag.length();
        String text = description.strip();
        if (text.length() > room) {
            int cut = room - ELLIPSIS.length();
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--; // never split an emoji in two
            }
            text = text.substring(0, cut).stripTrailing() + ELLIPSIS;
        }
        return text + SEPARATOR + tag;
    }

    /** True when {@code description} (as the destination returns it, HTML-escaped or not) carries this tag. */
    public boolean isIn(String description) {
        return description != null && description.contains(tag);
    }

    @Override
    public String toString() {
        return tag;
    }
}

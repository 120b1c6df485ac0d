package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.SongKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The songs each runner said never to play again ("never play this" on the result page). A ban holds a
 * song ({@link SongKey}), so every version and id of it stays out of that runner's later playlists.
 */
public interface BannedSongs {

    /** Past this many bans a runner must undo some first: the list stays one page on the home page. */
    int MAX_PER_RUNNER = 500;

    /** The runner's bans, newest first. */
    List<BannedSong> list(String runnerId);

    /** Bans the song (again: the newer ban replaces the older one). */
    void ban(String runnerId, BannedSong song);

    /** @return whether there was such a ban */
    boolean unban(String runnerId, SongKey song);

    default Set<SongKey> songs(String runnerId) {
        return list(runnerId).stream().map(b -> SongKey.parse(b.songKey())).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * One ban, with what the home page shows of it.
     *
     * @param songKey the song ("title|primary artist"), the key of the ban
     * @param trackId the version the runner banned it from
     */
    record BannedSong(String songKey, String trackId, String name, String artist, Instant bannedAt) {
    }

    /** Where a deployment keeps no bans: none are ever listed (recommendations without a signed-in runner). */
    BannedSongs NONE = new BannedSongs() {
        @Override
        public List<BannedSong> list(String runnerId) {
            return List.of();
        }

        @Override
        public void ban(String runnerId, BannedSong song) {
            throw new UnsupportedOperationException("this deployment keeps no bans");
        }

        @Override
        public boolean unban(String runnerId, SongKey song) {
            return false;
        }
    };
}

package com.runtothebeats.local.library;

import com.runtothebeats.local.library.DatasetSongs.Song;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The demo runner's Spotify library, drawn from the public dataset the same way on every start (a fixed seed over
 * the songs in id order): Liked Songs from the two styles the demo runner listens to, a "Running" playlist of theirs
 * at running tempi (with a podcast episode and a local file in it, which an import skips), a collaborative road-trip
 * playlist a friend owns (with one track no longer playable), and a followed playlist of someone else's, which
 * Spotify shows a development-mode app without items. Every twelfth song is another release of a dataset song
 * (a remaster, a radio edit, a "feat." credit) under a Spotify id the dataset does not have, as real libraries
 * hold: ReccoBeats' stand-in does not know those ids, so they go to GetSongBPM, or stay without tempo.
 */
public record DemoLibrary(String userId, String displayName, List<Entry> likedSongs, List<Playlist> playlists) {

    /** What the demo runner listens to (the dataset's own genre labels). */
    static final List<String> STYLES = List.of("pop", "rock");
    public static final int DEMO_LIKED_SONGS = 250;
    static final int RUNNING_PLAYLIST = 80;
    static final int ROAD_TRIP_PLAYLIST = 60;
    static final int OTHER_RELEASE_EVERY = 12;
    /** Songs beyond Liked Songs the playlists draw from. */
    private static final int SPARE_SONGS = 400;
    private static final long SEED = 20_261_205L;
    private static final Instant NEWEST = Instant.parse("2026-11-28T18:00:00Z");
    private static final List<String> RELEASE_LABELS = List.of(" - Remastered 2011", " - Radio Edit", " (2019 Remaster)", " (feat. %s)");

    /**
     * A track as Spotify lists it; {@code otherRelease} means its id is not the dataset's: it is another release of
     * the dataset's song {@code datasetId}.
     */
    public record Track(String id, String name, List<String> artists, String albumId, String albumName, String releaseDate,
                        long durationMs, boolean otherRelease, String datasetId) {
    }

    public enum Kind { TRACK, EPISODE, LOCAL_FILE, UNPLAYABLE }

    /** One entry of Liked Songs or of a playlist. */
    public record Entry(Instant addedAt, Kind kind, Track track) {
    }

    /**
     * A playlist in {@code GET /v1/me/playlists}; {@code itemsVisible} false means a development-mode app gets its
     * metadata without items (someone else's playlist, not collaborative).
     */
    public record Playlist(String id, String name, String ownerId, String ownerName, boolean collaborative,
                           boolean itemsVisible, List<Entry> entries) {
    }

    /** The demo library: {@value #DEMO_LIKED_SONGS} Liked Songs and the playlists. */
    public static DemoLibrary demo(DatasetSongs songs) {
        return draw(songs, DEMO_LIKED_SONGS);
    }

    /** A library with {@code likedSongs} Liked Songs (e.g. 2,000 for the import benchmark) and the same playlists. */
    public static DemoLibrary draw(DatasetSongs songs, int likedSongs) {
        List<Song> pool = new ArrayList<>(STYLES.stream().flatMap(style -> songs.inGenre(style).stream()).toList());
        if (pool.size() < likedSongs + RUNNING_PLAYLIST + ROAD_TRIP_PLAYLIST) {
            pool = new ArrayList<>(songs.all()); // a dataset without those styles (or too few): any song
        }
        pool.sort(java.util.Comparator.comparing(Song::spotifyId));
        Collections.shuffle(pool, new Random(SEED));
        if (pool.size() < likedSongs + SPARE_SONGS) {
            throw new IllegalArgumentException("the dataset has " + pool.size() + " songs; a library of " + likedSongs + " Liked Songs needs "
                    + (likedSongs + SPARE_SONGS));
        }
        List<Entry> liked = new ArrayList<>();
        for (int i = 0; i < likedSongs; i++) {
            liked.add(new Entry(NEWEST.minus(Duration.ofHours(7L * i)), Kind.TRACK, track(pool.get(i), i, pool.get(i + 1).artist())));
        }
        // Half of each playlist is also liked, half is not, as in a real library.
        List<Song> rest = pool.subList(likedSongs, pool.size());
        List<Entry> running = new ArrayList<>();
        List<Song> runningSongs = new ArrayList<>();
        runningSongs.addAll(pool.subList(0, likedSongs).stream().filter(DemoLibrary::atRunningTempo).limit(RUNNING_PLAYLIST / 2).toList());
        runningSongs.addAll(rest.stream().filter(DemoLibrary::atRunningTempo).limit(RUNNING_PLAYLIST - runningSongs.size()).toList());
        for (int i = 0; i < runningSongs.size(); i++) {
            running.add(new Entry(NEWEST.minus(Duration.ofDays(3L * i + 1)), Kind.TRACK, track(runningSongs.get(i))));
        }
        Song podcast = rest.get(rest.size() - 1);
        Song local = rest.get(rest.size() - 2);
        running.add(running.size() / 2, new Entry(NEWEST.minus(Duration.ofDays(40)), Kind.EPISODE, track(podcast)));
        running.add(new Entry(NEWEST.minus(Duration.ofDays(41)), Kind.LOCAL_FILE, track(local)));

        List<Entry> roadTrip = new ArrayList<>();
        List<Song> roadTripSongs = new ArrayList<>(pool.subList(likedSongs / 2, likedSongs / 2 + ROAD_TRIP_PLAYLIST / 2));
        roadTripSongs.addAll(rest.subList(rest.size() / 2, rest.size() / 2 + ROAD_TRIP_PLAYLIST / 2));
        for (int i = 0; i < roadTripSongs.size(); i++) {
            Kind kind = i == roadTripSongs.size() - 1 ? Kind.UNPLAYABLE : Kind.TRACK;
            roadTrip.add(new Entry(NEWEST.minus(Duration.ofDays(2L * i + 5)), kind, track(roadTripSongs.get(i))));
        }
        List<Entry> followed = rest.subList(rest.size() / 3, rest.size() / 3 + 30).stream()
                .map(song -> new Entry(NEWEST.minus(Duration.ofDays(90)), Kind.TRACK, track(song))).toList();
        List<Playlist> playlists = List.of(
                new Playlist(spotifyId("playlist:running"), "Running", "demorunner", "Demo runner", false, true, running),
                new Playlist(spotifyId("playlist:road-trip"), "Road trip", "roadtripfriend", "Road-trip friend", true, true, roadTrip),
                new Playlist(spotifyId("playlist:followed"), "Today's hits", "someoneelse", "Someone else", false, false, followed));
        return new DemoLibrary("demorunner", "Demo runner", List.copyOf(liked), playlists);
    }

    /** Running tempi: 150–185 BPM, or half of it (a runner steps twice per beat). */
    static boolean atRunningTempo(Song song) {
        double tempo = song.tempo();
        return (tempo >= 150 && tempo <= 185) || (tempo >= 75 && tempo <= 92.5);
    }

    /** The song as Spotify lists it. */
    private static Track track(Song song) {
        return new Track(song.spotifyId(), song.name(), List.of(song.artist()), song.albumId(), song.albumName(), song.releaseDate(),
                song.durationMs(), false, song.spotifyId());
    }

    /** At every {@value #OTHER_RELEASE_EVERY}th position of Liked Songs another release of the song, crediting {@code guest} when "feat.". */
    private static Track track(Song song, int likedPosition, String guest) {
        if (likedPosition % OTHER_RELEASE_EVERY != OTHER_RELEASE_EVERY - 1) {
            return track(song);
        }
        String label = RELEASE_LABELS.get((likedPosition / OTHER_RELEASE_EVERY) % RELEASE_LABELS.size());
        boolean featuring = label.contains("%s");
        String name = song.name() + (featuring ? String.format(label, guest) : label);
        List<String> credited = featuring ? List.of(song.artist(), guest) : List.of(song.artist());
        return new Track(spotifyId("release:" + song.spotifyId()), name, credited, spotifyId("album:" + song.albumId()),
                song.albumName(), song.releaseDate(), song.durationMs() + 1_000, true, song.spotifyId());
    }

    /** Every track of the library that is a playable Spotify track, once (what an import should end up with). */
    public List<Track> playableTracks() {
        java.util.Map<String, Track> tracks = new java.util.LinkedHashMap<>();
        likedSongs.stream().filter(e -> e.kind() == Kind.TRACK).forEach(e -> tracks.putIfAbsent(e.track().id(), e.track()));
        playlists.stream().filter(Playlist::itemsVisible).filter(p -> p.collaborative() || p.ownerId().equals(userId))
                .flatMap(p -> p.entries().stream()).filter(e -> e.kind() == Kind.TRACK)
                .forEach(e -> tracks.putIfAbsent(e.track().id(), e.track()));
        return List.copyOf(tracks.values());
    }

    /** A 22-character base-62 id, as Spotify's look, derived from {@code seed}. */
    static String spotifyId(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 22; i++) {
                id.append(alphabet.charAt((hash[i] & 0xff) % 62));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

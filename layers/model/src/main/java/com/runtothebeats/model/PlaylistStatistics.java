package com.runtothebeats.model;

import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the ranking model counts in the training playlists, besides what it learns by gradient: the
 * vocabularies of tracks, artists, albums, genres and subgenres (index 0 = unknown, so an id never seen in
 * training shares one learnt embedding), in how many distinct playlists each artist appears, how often two
 * artists share a playlist, and in how many playlists of each genre and subgenre an artist or a track
 * appears. Counts are over distinct playlist ids (the dataset repeats a playlist under several labels).
 * Co-occurrence is kept as adjacency lists (CSR) so a playlist's history adds its artists' neighbours once.
 * An id whose count is 0 is treated as unseen (index 0) by {@link TrackProfile}.
 */
public final class PlaylistStatistics {

    public static final int UNKNOWN = 0;

    final Vocabulary tracks;
    final Vocabulary artists;
    final Vocabulary albums;
    final Vocabulary genres;
    final Vocabulary subgenres;
    final int[] artistPlaylists;
    final int[] trackPlaylists;
    final int[] albumPlaylists;
    final int[] neighbourStart;
    final int[] neighbours;
    final int[] neighbourCounts;
    final CountTable artistGenre;
    final CountTable artistSubgenre;
    final CountTable trackGenre;
    final CountTable trackSubgenre;

    PlaylistStatistics(Vocabulary tracks, Vocabulary artists, Vocabulary albums, Vocabulary genres,
                               Vocabulary subgenres, int[] artistPlaylists, int[] trackPlaylists, int[] albumPlaylists,
                               int[] neighbourStart, int[] neighbours,
                               int[] neighbourCounts, CountTable artistGenre, CountTable artistSubgenre,
                               CountTable trackGenre, CountTable trackSubgenre) {
        this.tracks = tracks;
        this.artists = artists;
        this.albums = albums;
        this.genres = genres;
        this.subgenres = subgenres;
        this.artistPlaylists = artistPlaylists;
        this.trackPlaylists = trackPlaylists;
        this.albumPlaylists = albumPlaylists;
        this.neighbourStart = neighbourStart;
        this.neighbours = neighbours;
        this.neighbourCounts = neighbourCounts;
        this.artistGenre = artistGenre;
        this.artistSubgenre = artistSubgenre;
        this.trackGenre = trackGenre;
        this.trackSubgenre = trackSubgenre;
    }

    /** Counts the training playlists. */
    public static PlaylistStatistics learn(List<PlaylistSequence> playlists) {
        return learn(playlists, playlists);
    }

    /**
     * Vocabularies from {@code vocabulary}, counts from {@code counted} only (a subset). Training computes a
     * playlist's features from statistics that leave out its own fold of playlists, as they leave out an unseen
     * playlist, while indices stay those of the full model.
     */
    static PlaylistStatistics learn(List<PlaylistSequence> vocabulary, List<PlaylistSequence> counted) {
        Vocabulary.Builder trackNames = new Vocabulary.Builder();
        Vocabulary.Builder artistNames = new Vocabulary.Builder();
        Vocabulary.Builder albumNames = new Vocabulary.Builder();
        Vocabulary.Builder genreNames = new Vocabulary.Builder();
        Vocabulary.Builder subgenreNames = new Vocabulary.Builder();
        for (PlaylistSequence p : vocabulary) {
            genreNames.add(p.genre());
            subgenreNames.add(p.subgenre());
            for (Track t : p.tracks()) {
                artistNames.add(t.artist());
                trackNames.add(t.id());
                albumNames.add(t.albumKey());
            }
        }
        Vocabulary tracks = trackNames.build();
        Vocabulary artists = artistNames.build();
        Vocabulary albums = albumNames.build();
        Vocabulary genres = genreNames.build();
        Vocabulary subgenres = subgenreNames.build();
        // per playlist id: its artists, tracks, albums, and (artist|track, genre|subgenre) memberships over all its runs
        Map<String, Set<Integer>> artistsOfId = new LinkedHashMap<>();
        Map<String, Set<Long>> memberships = new HashMap<>();
        for (PlaylistSequence p : counted) {
            int g = genres.of(p.genre());
            int s = subgenres.of(p.subgenre());
            Set<Long> of = memberships.computeIfAbsent(p.playlistId(), k -> new HashSet<>());
            for (Track t : p.tracks()) {
                int a = artists.of(t.artist());
                int tr = tracks.of(t.id());
                artistsOfId.computeIfAbsent(p.playlistId(), k -> new HashSet<>()).add(a);
                of.add(member(ARTIST_GENRE, a, g));
                of.add(member(ARTIST_SUBGENRE, a, s));
                of.add(member(TRACK_GENRE, tr, g));
                of.add(member(TRACK_SUBGENRE, tr, s));
                of.add(member(TRACK, tr, 0));
                of.add(member(ALBUM, albums.of(t.albumKey()), 0));
            }
        }
        int nA = artists.size();
        int[] artistPlaylists = new int[nA];
        List<Map<Integer, Integer>> cooc = new ArrayList<>(nA);
        for (int a = 0; a < nA; a++) {
            cooc.add(new TreeMap<>());
        }
        for (Set<Integer> members : artistsOfId.values()) {
            int[] list = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int i = 0; i < list.length; i++) {
                artistPlaylists[list[i]]++;
                for (int j = 0; j < list.length; j++) {
                    if (i != j) {
                        cooc.get(list[i]).merge(list[j], 1, Integer::sum);
                    }
                }
            }
        }
        int[] start = new int[nA + 1];
        for (int a = 0; a < nA; a++) {
            start[a + 1] = start[a] + cooc.get(a).size();
        }
        int[] neighbours = new int[start[nA]];
        int[] counts = new int[start[nA]];
        for (int a = 0; a < nA; a++) {
            int k = start[a];
            for (Map.Entry<Integer, Integer> e : cooc.get(a).entrySet()) {
                neighbours[k] = e.getKey();
                counts[k++] = e.getValue();
            }
        }
        return new PlaylistStatistics(tracks, artists, albums, genres, subgenres, artistPlaylists,
                table(memberships, TRACK, tracks.size(), 1).firstColumn(),
                table(memberships, ALBUM, albums.size(), 1).firstColumn(), start, neighbours, counts,
                table(memberships, ARTIST_GENRE, nA, genres.size()), table(memberships, ARTIST_SUBGENRE, nA, subgenres.size()),
                table(memberships, TRACK_GENRE, tracks.size(), genres.size()),
                table(memberships, TRACK_SUBGENRE, tracks.size(), subgenres.size()));
    }

    private static final int ARTIST_GENRE = 0;
    private static final int ARTIST_SUBGENRE = 1;
    private static final int TRACK_GENRE = 2;
    private static final int TRACK_SUBGENRE = 3;
    private static final int TRACK = 4;
    private static final int ALBUM = 5;

    /** A membership as one long: 4 bits of kind, 36 bits of row (vocabulary index), 24 bits of column. */
    private static long member(int kind, int row, int column) {
        return ((long) kind << 60) | ((long) row << 24) | column;
    }

    private static CountTable table(Map<String, Set<Long>> membershipsOfId, int kind, int rows, int columns) {
        int[] out = new int[rows * columns];
        for (Set<Long> memberships : membershipsOfId.values()) {
            for (long m : memberships) {
                if ((int) (m >>> 60) == kind) {
                    out[(int) ((m >>> 24) & 0xfffffffffL) * columns + (int) (m & 0xffffff)]++;
                }
            }
        }
        return new CountTable(rows, columns, out);
    }

    int artistCount() {
        return artists.size();
    }
}

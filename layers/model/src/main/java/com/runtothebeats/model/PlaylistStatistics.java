package com.runtothebeats.model;

import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
    final int[][] artistGenre;
    final int[][] artistSubgenre;
    final int[][] trackGenre;
    final int[][] trackSubgenre;

    private PlaylistStatistics(Vocabulary tracks, Vocabulary artists, Vocabulary albums, Vocabulary genres,
                               Vocabulary subgenres, int[] artistPlaylists, int[] trackPlaylists, int[] albumPlaylists,
                               int[] neighbourStart, int[] neighbours,
                               int[] neighbourCounts, int[][] artistGenre, int[][] artistSubgenre,
                               int[][] trackGenre, int[][] trackSubgenre) {
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

    /** An id → index map; index 0 is reserved for ids not seen in training. */
    static final class Vocabulary {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        Vocabulary() {
            names.add("");
        }

        int add(String name) {
            return index.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
        }

        int of(String name) {
            return name == null ? UNKNOWN : index.getOrDefault(name, UNKNOWN);
        }

        /** Size including the unknown entry. */
        int size() {
            return names.size();
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(names.size() - 1);
            for (int i = 1; i < names.size(); i++) {
                out.writeUTF(names.get(i));
            }
        }

        static Vocabulary read(DataInputStream in) throws IOException {
            Vocabulary v = new Vocabulary();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                v.add(in.readUTF());
            }
            return v;
        }
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
        Vocabulary tracks = new Vocabulary();
        Vocabulary artists = new Vocabulary();
        Vocabulary albums = new Vocabulary();
        Vocabulary genres = new Vocabulary();
        Vocabulary subgenres = new Vocabulary();
        for (PlaylistSequence p : vocabulary) {
            genres.add(p.genre());
            subgenres.add(p.subgenre());
            for (Track t : p.tracks()) {
                artists.add(t.artist());
                tracks.add(t.id());
                albums.add(t.albumKey());
            }
        }
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
        int[][] trackPlaylists = table(memberships, TRACK, tracks.size(), 1);
        int[][] albumPlaylists = table(memberships, ALBUM, albums.size(), 1);
        return new PlaylistStatistics(tracks, artists, albums, genres, subgenres, artistPlaylists, column(trackPlaylists),
                column(albumPlaylists), start, neighbours, counts,
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

    private static int[] column(int[][] table) {
        int[] out = new int[table.length];
        for (int i = 0; i < table.length; i++) {
            out[i] = table[i][0];
        }
        return out;
    }

    private static int[][] table(Map<String, Set<Long>> membershipsOfId, int kind, int rows, int columns) {
        int[][] out = new int[rows][columns];
        for (Set<Long> memberships : membershipsOfId.values()) {
            for (long m : memberships) {
                if ((int) (m >>> 60) == kind) {
                    out[(int) ((m >>> 24) & 0xfffffffffL)][(int) (m & 0xffffff)]++;
                }
            }
        }
        return out;
    }

    int artistCount() {
        return artists.size();
    }

    void write(DataOutputStream out) throws IOException {
        for (Vocabulary v : List.of(tracks, artists, albums, genres, subgenres)) {
            v.write(out);
        }
        writeInts(out, artistPlaylists);
        writeInts(out, trackPlaylists);
        writeInts(out, albumPlaylists);
        writeInts(out, neighbourStart);
        writeInts(out, neighbours);
        writeInts(out, neighbourCounts);
        for (int[][] table : List.of(artistGenre, artistSubgenre, trackGenre, trackSubgenre)) {
            out.writeInt(table.length);
            for (int[] row : table) {
                writeInts(out, row);
            }
        }
    }

    static PlaylistStatistics read(DataInputStream in) throws IOException {
        Vocabulary tracks = Vocabulary.read(in);
        Vocabulary artists = Vocabulary.read(in);
        Vocabulary albums = Vocabulary.read(in);
        Vocabulary genres = Vocabulary.read(in);
        Vocabulary subgenres = Vocabulary.read(in);
        int[] artistPlaylists = readInts(in);
        int[] trackPlaylists = readInts(in);
        int[] albumPlaylists = readInts(in);
        int[] start = readInts(in);
        int[] neighbours = readInts(in);
        int[] counts = readInts(in);
        int[][][] tables = new int[4][][];
        for (int t = 0; t < 4; t++) {
            tables[t] = new int[in.readInt()][];
            for (int r = 0; r < tables[t].length; r++) {
                tables[t][r] = readInts(in);
            }
        }
        return new PlaylistStatistics(tracks, artists, albums, genres, subgenres, artistPlaylists, trackPlaylists,
                albumPlaylists, start, neighbours, counts, tables[0], tables[1], tables[2], tables[3]);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    /** The same big-endian ints {@link #writeInts} wrote, read in one block (an int at a time took a cold start seconds). */
    private static int[] readInts(DataInputStream in) throws IOException {
        int[] out = new int[in.readInt()];
        byte[] bytes = new byte[out.length * Integer.BYTES];
        in.readFully(bytes);
        java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }
}

package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.flow.RunningFlowStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracks of one playlist played so far, kept as what the pair features need: which artists and
 * albums were played (and how recently), how strongly every artist co-occurs with them in the training
 * playlists, and the running median of the flow features, tempo, year and popularity. A candidate's pair
 * features are then a few lookups. Built from this playlist's tracks only, so a playlist is ranked on its own.
 */
final class PlaylistHistory {

    static final List<String> FEATURES = List.of(
            "log1p same-artist tracks", "same-artist share", "same artist as the last track", "artist in the last 3",
            "log1p same-album tracks", "same album as the last track",
            "artist co-occurrence, mean log1p over the history", "artist co-occurrence, max log1p",
            "share of the history's artists co-occurring", "log1p co-occurrence with the last track's artist",
            "log1p playlists of the artist", "log1p artist playlists in the genre", "log1p artist playlists in the subgenre",
            "log1p track playlists in the genre", "log1p track playlists in the subgenre", "artist's share in the subgenre",
            "flow distance to the running median", "flow distance to the last track", "flow distance to the nearest played",
            "tempo gap to the median (/30 BPM)", "year gap to the median (/10)", "year unknown", "popularity gap to the median (/50)",
            "artist unseen in training", "track unseen in training");
    static final int SIZE = FEATURES.size();

    private final PlaylistStatistics statistics;
    private final int genre;
    private final int subgenre;
    private final Map<String, Integer> artistCounts = new HashMap<>();
    private final Map<String, Integer> albumCounts = new HashMap<>();
    private final List<String> artists = new ArrayList<>();
    private String lastAlbum;
    private final float[] coocSum;
    private final float[] coocMax;
    private final int[] coocHits;
    private final Map<Integer, Float> lastCooc = new HashMap<>();
    private final RunningFlowStatistics flowStatistics = new RunningFlowStatistics(FlowFeature.COUNT, 32);
    private double[] lastFlow;
    private final List<Double> tempos = new ArrayList<>();
    private final List<Double> years = new ArrayList<>();
    private final List<Double> popularities = new ArrayList<>();
    private double[] median;
    private double medianTempo;
    private double medianYear;
    private double medianPopularity;

    PlaylistHistory(PlaylistStatistics statistics, String genreLabel, String subgenreLabel) {
        this.statistics = statistics;
        this.genre = statistics.genres.of(genreLabel);
        this.subgenre = statistics.subgenres.of(subgenreLabel);
        int n = statistics.artistCount();
        this.coocSum = new float[n];
        this.coocMax = new float[n];
        this.coocHits = new int[n];
    }

    int size() {
        return artists.size();
    }

    int genre() {
        return genre;
    }

    int subgenre() {
        return subgenre;
    }

    void play(TrackProfile t) {
        String artist = t.track().artist();
        artistCounts.merge(artist, 1, Integer::sum);
        albumCounts.merge(t.track().albumKey(), 1, Integer::sum);
        artists.add(artist);
        lastAlbum = t.track().albumKey();
        lastCooc.clear();
        int a = t.artistIndex();
        if (a != PlaylistStatistics.UNKNOWN) {
            for (int k = statistics.neighbourStart[a]; k < statistics.neighbourStart[a + 1]; k++) {
                int b = statistics.neighbours[k];
                int count = statistics.neighbourCounts[k];
                float v = (float) Math.log1p(count);
                coocSum[b] += v;
                coocMax[b] = Math.max(coocMax[b], v);
                coocHits[b]++;
                lastCooc.put(b, v);
            }
        }
        flowStatistics.add(t.flow());
        lastFlow = t.flow();
        median = flowStatistics.median();
        tempos.add(t.track().tempo());
        medianTempo = median(tempos);
        if (t.track().releaseYear() > 0) {
            years.add((double) t.track().releaseYear());
            medianYear = median(years);
        }
        popularities.add((double) t.track().popularity());
        medianPopularity = median(popularities);
    }

    /**
     * Writes the candidate's {@link #SIZE} pair features into {@code out} from {@code offset}.
     *
     * @param nearest the candidate's flow distance to the nearest played track, which the caller keeps per
     *                candidate as tracks are played ({@link #distance}) so it costs one comparison per play
     */
    void features(TrackProfile c, double nearest, float[] out, int offset) {
        int n = artists.size();
        String artist = c.track().artist();
        int sameArtist = artistCounts.getOrDefault(artist, 0);
        int k = offset;
        out[k++] = (float) Math.log1p(sameArtist);
        out[k++] = (float) sameArtist / n;
        out[k++] = artist.equals(artists.get(n - 1)) ? 1f : 0f;
        out[k++] = recent(artist, 3) ? 1f : 0f;
        out[k++] = (float) Math.log1p(albumCounts.getOrDefault(c.track().albumKey(), 0));
        out[k++] = c.track().albumKey().equals(lastAlbum) ? 1f : 0f;
        int a = c.artistIndex();
        out[k++] = coocSum[a] / n;
        out[k++] = coocMax[a];
        out[k++] = (float) coocHits[a] / n;
        out[k++] = lastCooc.getOrDefault(a, 0f);
        int t = c.trackIndex();
        int artistInSubgenre = statistics.artistSubgenre.get(a, subgenre);
        out[k++] = (float) Math.log1p(statistics.artistPlaylists[a]);
        out[k++] = (float) Math.log1p(statistics.artistGenre.get(a, genre));
        out[k++] = (float) Math.log1p(artistInSubgenre);
        out[k++] = (float) Math.log1p(statistics.trackGenre.get(t, genre));
        out[k++] = (float) Math.log1p(statistics.trackSubgenre.get(t, subgenre));
        out[k++] = (float) artistInSubgenre / (statistics.artistPlaylists[a] + 1);
        double[] flow = c.flow();
        out[k++] = (float) distance(flow, median);
        out[k++] = (float) distance(flow, lastFlow);
        out[k++] = (float) nearest;
        out[k++] = (float) (Math.abs(c.track().tempo() - medianTempo) / 30);
        boolean yearKnown = c.track().releaseYear() > 0 && !years.isEmpty();
        out[k++] = yearKnown ? (float) (Math.abs(c.track().releaseYear() - medianYear) / 10) : 0f;
        out[k++] = yearKnown ? 0f : 1f;
        out[k++] = (float) (Math.abs(c.track().popularity() - medianPopularity) / 50);
        out[k++] = a == PlaylistStatistics.UNKNOWN ? 1f : 0f;
        out[k] = t == PlaylistStatistics.UNKNOWN ? 1f : 0f;
    }

    private boolean recent(String artist, int last) {
        for (int i = Math.max(0, artists.size() - last); i < artists.size(); i++) {
            if (artists.get(i).equals(artist)) {
                return true;
            }
        }
        return false;
    }

    /** Euclidean distance over the eight standardised features, divided by sqrt(8). */
    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return Math.sqrt(sum / a.length);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

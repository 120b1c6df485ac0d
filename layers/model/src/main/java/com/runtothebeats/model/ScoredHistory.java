package com.runtothebeats.model;

import com.runtothebeats.core.catalog.FlowFeature;
import com.runtothebeats.core.playlist.NextTrackScorer;
import java.util.Arrays;

/**
 * One playlist so far, as {@link RankingScorer} scores the next track: the same score as {@link RankingModel}'s
 * sessions (u(h)·v(c) + w·pair(h, c), {@link PlaylistHistory#FEATURES}), over catalog positions and precomputed
 * arrays. Immutable to its users; what a score needs (u(h), the medians, the artists co-occurring with the
 * played ones) is worked out on the first score, so the beam's lines that are never expanded cost nothing.
 */
final class ScoredHistory implements NextTrackScorer.Context {

    private static final float[] LOG1P = new float[1024];

    static {
        for (int i = 0; i < LOG1P.length; i++) {
            LOG1P[i] = (float) Math.log1p(i);
        }
    }

    private final RankingScorer scorer;
    private final int[] played;
    private final boolean genreAsked;
    private final int askedGenre;
    // worked out on the first score
    private boolean ready;
    private float[] u;
    private int genre;
    private float[] median;
    private double medianTempo;
    private double medianYear;
    private boolean anyYear;
    private double medianPopularity;
    private ArtistAffinity cooc;
    private ArtistAffinity lastCooc;
    private final float[] pair;

    ScoredHistory(RankingScorer scorer, int[] parentPlayed, int track, boolean genreAsked, int askedGenre) {
        this.scorer = scorer;
        if (track < 0) {
            this.played = new int[0];
        } else {
            this.played = Arrays.copyOf(parentPlayed, parentPlayed.length + 1);
            played[parentPlayed.length] = track;
        }
        this.genreAsked = genreAsked;
        this.askedGenre = askedGenre;
        this.pair = scorer.pairWeights;
    }

    @Override
    public NextTrackScorer.Context then(int track) {
        return new ScoredHistory(scorer, played, track, genreAsked, askedGenre);
    }

    @Override
    public double score(int c) {
        if (!ready) {
            prepare();
        }
        RankingScorer s = scorer;
        int d = s.dimension;
        double dot = 0;
        float[] rows = s.rows;
        int[] facts = s.facts;
        int rc = c * s.row;
        int fc = c * RankingScorer.FACTS;
        for (int j = 0; j < d; j++) {
            dot += u[j] * rows[rc + j];
        }
        int n = played.length;
        int last = played[n - 1];
        int artist = facts[fc + RankingScorer.ARTIST];
        int album = facts[fc + RankingScorer.ALBUM];
        int flowC = rc + s.flowAt;
        int sameArtist = 0;
        int sameAlbum = 0;
        boolean recent = false;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int p = played[i];
            if (facts[p * RankingScorer.FACTS + RankingScorer.ARTIST] == artist) {
                sameArtist++;
                recent |= i >= n - 3;
            }
            sameAlbum += facts[p * RankingScorer.FACTS + RankingScorer.ALBUM] == album ? 1 : 0;
            nearest = Math.min(nearest, distance(rows, flowC, rows, p * s.row + s.flowAt));
        }
        int a = facts[fc + RankingScorer.MODEL_ARTIST];
        int t = facts[fc + RankingScorer.MODEL_TRACK];
        PlaylistStatistics st = s.statistics;
        int artistInSubgenre = st.artistSubgenre.get(a, PlaylistStatistics.UNKNOWN);
        int k = cooc.find(a);
        double sum = 0;
        sum += pair[0] * log1p(sameArtist);
        sum += pair[1] * (float) sameArtist / n;
        sum += pair[2] * (facts[last * RankingScorer.FACTS + RankingScorer.ARTIST] == artist ? 1 : 0);
        sum += pair[3] * (recent ? 1 : 0);
        sum += pair[4] * log1p(sameAlbum);
        sum += pair[5] * (facts[last * RankingScorer.FACTS + RankingScorer.ALBUM] == album ? 1 : 0);
        if (k >= 0) {
            sum += pair[6] * cooc.sum[k] / n + pair[7] * cooc.max[k] + pair[8] * (float) cooc.hits[k] / n;
        }
        int l = lastCooc.find(a);
        sum += l >= 0 ? pair[9] * lastCooc.sum[l] : 0;
        sum += pair[10] * log1p(st.artistPlaylists[a]);
        sum += pair[11] * log1p(st.artistGenre.get(a, genre));
        sum += pair[12] * log1p(artistInSubgenre);
        sum += pair[13] * log1p(st.trackGenre.get(t, genre));
        sum += pair[14] * log1p(st.trackSubgenre.get(t, PlaylistStatistics.UNKNOWN));
        sum += pair[15] * (float) artistInSubgenre / (st.artistPlaylists[a] + 1);
        sum += pair[16] * distance(rows, flowC, median, 0);
        sum += pair[17] * distance(rows, flowC, rows, last * s.row + s.flowAt);
        sum += pair[18] * nearest;
        sum += pair[19] * Math.abs(rows[rc + s.tempoAt] - medianTempo) / 30;
        int year = facts[fc + RankingScorer.YEAR];
        boolean yearKnown = year > 0 && anyYear;
        sum += pair[20] * (yearKnown ? Math.abs(year - medianYear) / 10 : 0);
        sum += pair[21] * (yearKnown ? 0 : 1);
        sum += pair[22] * Math.abs(rows[rc + s.popularityAt] - medianPopularity) / 50;
        sum += pair[23] * (a == PlaylistStatistics.UNKNOWN ? 1 : 0);
        sum += pair[24] * (t == PlaylistStatistics.UNKNOWN ? 1 : 0);
        return (dot + sum) / RankingScorer.TEMPERATURE;
    }

    private void prepare() {
        int n = played.length;
        if (n == 0) {
            throw new IllegalStateException("a score needs at least one played track");
        }
        RankingScorer s = scorer;
        int d = s.dimension;
        float[] mean = new float[d];
        for (int p : played) {
            for (int j = 0; j < d; j++) {
                mean[j] += s.rows[p * s.row + j] / n;
            }
        }
        float[] last = Arrays.copyOfRange(s.rows, played[n - 1] * s.row, played[n - 1] * s.row + d);
        genre = genreAsked ? askedGenre : s.dominantGenre(played, n);
        u = s.weights.contextVector(mean, last, genre, PlaylistStatistics.UNKNOWN);
        median = new float[FlowFeature.COUNT];
        double[] values = new double[n];
        for (int j = 0; j < FlowFeature.COUNT; j++) {
            for (int i = 0; i < n; i++) {
                values[i] = s.rows[played[i] * s.row + s.flowAt + j];
            }
            median[j] = (float) median(values, n);
        }
        for (int i = 0; i < n; i++) {
            values[i] = s.rows[played[i] * s.row + s.tempoAt];
        }
        medianTempo = median(values, n);
        for (int i = 0; i < n; i++) {
            values[i] = s.rows[played[i] * s.row + s.popularityAt];
        }
        medianPopularity = median(values, n);
        int years = 0;
        for (int p : played) {
            int year = s.facts[p * RankingScorer.FACTS + RankingScorer.YEAR];
            if (year > 0) {
                values[years++] = year;
            }
        }
        anyYear = years > 0;
        medianYear = anyYear ? median(values, years) : 0;
        PlaylistStatistics st = s.statistics;
        cooc = new ArtistAffinity(64);
        lastCooc = new ArtistAffinity(16);
        for (int i = 0; i < n; i++) {
            int a = s.facts[played[i] * RankingScorer.FACTS + RankingScorer.MODEL_ARTIST];
            if (a == PlaylistStatistics.UNKNOWN) {
                continue;
            }
            for (int k = st.neighbourStart[a]; k < st.neighbourStart[a + 1]; k++) {
                float v = log1p(st.neighbourCounts[k]);
                cooc.add(st.neighbours[k], v);
                if (i == n - 1) {
                    lastCooc.add(st.neighbours[k], v);
                }
            }
        }
        ready = true;
    }

    private static float log1p(int v) {
        return v < LOG1P.length ? LOG1P[v] : (float) Math.log1p(v);
    }

    /** {@link PlaylistHistory#distance} between the flow features from {@code a[i]} and from {@code b[j]}. */
    private static double distance(float[] a, int i, float[] b, int j) {
        int m = FlowFeature.COUNT;
        double sum = 0;
        for (int f = 0; f < m; f++) {
            double diff = a[i + f] - b[j + f];
            sum += diff * diff;
        }
        return Math.sqrt(sum / m);
    }

    private static double median(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Artist index → (sum, max, count) of log1p co-occurrence with the played artists: open addressing, keys &gt; 0. */
    private static final class ArtistAffinity {
        private int[] keys;
        float[] sum;
        float[] max;
        int[] hits;
        private int size;

        ArtistAffinity(int capacity) {
            allocate(Integer.highestOneBit(Math.max(capacity, 8) - 1) << 1);
        }

        private void allocate(int capacity) {
            keys = new int[capacity];
            sum = new float[capacity];
            max = new float[capacity];
            hits = new int[capacity];
        }

        int find(int key) {
            if (key == 0) {
                return -1; // the unknown artist co-occurs with none
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return i;
                }
                if (keys[i] == 0) {
                    return -1;
                }
            }
        }

        void add(int key, float v) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                size++;
            }
            sum[i] += v;
            max[i] = Math.max(max[i], v);
            hits[i]++;
        }

        private void grow() {
            int[] k = keys;
            float[] s = sum;
            float[] m = max;
            int[] h = hits;
            allocate(k.length * 2);
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (k[j] != 0) {
                    int i = mix(k[j]) & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k[j];
                    sum[i] = s[j];
                    max[i] = m[j];
                    hits[i] = h[j];
                }
            }
        }

        private static int mix(int key) {
            return key * 0x9E3779B9 >>> 7;
        }
    }
}

package com.runtothebeats.core.playlist;

import java.util.stream.IntStream;

/**
 * Sorts track indices by tempo on primitives: a catalog's 24 keys hold a million indices, which boxed
 * {@code Integer} sorts with a comparator took seconds to order.
 */
final class TempoOrder {

    private TempoOrder() {
    }

    /**
     * {@code order} sorted by {@code tempo[order[i]]} ascending (tempos are positive numbers), equal tempos keeping
     * their order in {@code order}: a bottom-up merge sort. Returns a sorted array (possibly {@code order} itself).
     */
    static int[] sortStable(int[] order, double[] tempo) {
        int n = order.length;
        int[] from = order;
        int[] to = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    // take from the right run only when strictly smaller, so equal tempos keep their order (an
                    // index holds tempos above 0 only, so < orders them as Double.compare does)
                    if (b < hi && (a >= mid || tempo[from[b]] < tempo[from[a]])) {
                        to[k] = from[b++];
                    } else {
                        to[k] = from[a++];
                    }
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /** Per key bucket, its tracks' indices sorted by tempo (then index) and those tempos: {@code orders[k]}, {@code tempos[k]}. */
    record ByKey(int[][] orders, double[][] tempos) {
    }

    /** Groups tracks by {@code key[i]} (0..keys-1) and sorts each group by tempo; the keys in parallel. */
    static ByKey byKey(int[] key, double[] tempo, int keys) {
        int[] perKey = new int[keys];
        for (int k : key) {
            perKey[k]++;
        }
        int[][] orders = new int[keys][];
        double[][] tempos = new double[keys][];
        for (int k = 0; k < keys; k++) {
            orders[k] = new int[perKey[k]];
        }
        int[] fill = new int[keys];
        for (int i = 0; i < key.length; i++) {
            orders[key[i]][fill[key[i]]++] = i;
        }
        // by tempo, then index (the fill put indices in ascending order, and the sort is stable)
        IntStream.range(0, keys).parallel().forEach(k -> {
            int[] order = sortStable(orders[k], tempo);
            double[] sorted = new double[order.length];
            for (int j = 0; j < order.length; j++) {
                sorted[j] = tempo[order[j]];
            }
            orders[k] = order;
            tempos[k] = sorted;
        });
        return new ByKey(orders, tempos);
    }
}

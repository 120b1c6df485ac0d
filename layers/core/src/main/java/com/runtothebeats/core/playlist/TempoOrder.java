package com.runtothebeats.core.playlist;

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
}

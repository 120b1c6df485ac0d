package com.runtothebeats.core.playlist;

/** Binary searches over one key's tempo-sorted array of the {@link TempoIndex}. */
final class SortedTempos {

    private SortedTempos() {
    }

    /** The first position holding a tempo ≥ {@code value}. */
    static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first position holding a tempo &gt; {@code value}. */
    static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

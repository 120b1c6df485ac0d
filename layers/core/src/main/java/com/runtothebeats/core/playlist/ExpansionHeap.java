package com.runtothebeats.core.playlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheapest {@code width} expansions of the whole beam (a bounded max-heap on cost, in parallel arrays
 * because it takes an offer per feasible candidate), plus the cheapest expansion of the line being
 * expanded, for the greedy line.
 */
final class ExpansionHeap {
    private final int width;
    private final int[] lines;
    private final int[] tracks;
    private final double[] costs;
    private int size;
    private int bestTrackOfLine;
    private double bestCostOfLine;

    ExpansionHeap(int width) {
        this.width = width;
        this.lines = new int[width];
        this.tracks = new int[width];
        this.costs = new double[width];
    }

    int size() {
        return size;
    }

    /** The cheapest track offered since {@link #startLine()}, or -1. */
    int bestTrackOfLine() {
        return bestTrackOfLine;
    }

    double bestCostOfLine() {
        return bestCostOfLine;
    }

    /**
     * The cost above which an offer changes nothing: it would not enter the kept expansions, nor be the
     * greedy line's best step.
     */
    double threshold(boolean greedyLine) {
        double kept = size < width ? Double.POSITIVE_INFINITY : costs[0];
        return greedyLine ? Math.max(kept, bestCostOfLine) : kept;
    }

    /** Starts the offers of the next line of the beam. */
    void startLine() {
        bestTrackOfLine = -1;
        bestCostOfLine = Double.POSITIVE_INFINITY;
    }

    /** Ordering: cost, then line, then track index, so every run picks the same playlist. */
    private static boolean before(double c1, int l1, int t1, double c2, int l2, int t2) {
        if (c1 != c2) {
            return c1 < c2;
        }
        if (l1 != l2) {
            return l1 < l2;
        }
        return t1 < t2;
    }

    void offer(int line, int track, double cost) {
        if (cost < bestCostOfLine || (cost == bestCostOfLine && track < bestTrackOfLine)) {
            bestCostOfLine = cost;
            bestTrackOfLine = track;
        }
        if (size < width) {
            lines[size] = line;
            tracks[size] = track;
            costs[size] = cost;
            siftUp(size++);
        } else if (before(cost, line, track, costs[0], lines[0], tracks[0])) {
            lines[0] = line;
            tracks[0] = track;
            costs[0] = cost;
            siftDown(0);
        }
    }

    private boolean worse(int a, int b) {
        return before(costs[b], lines[b], tracks[b], costs[a], lines[a], tracks[a]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && worse(l, worst)) {
                worst = l;
            }
            if (r < size && worse(r, worst)) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int l = lines[a];
        lines[a] = lines[b];
        lines[b] = l;
        int t = tracks[a];
        tracks[a] = tracks[b];
        tracks[b] = t;
        double c = costs[a];
        costs[a] = costs[b];
        costs[b] = c;
    }

    /** The kept expansions, cheapest first (a mutable list: the search may add the greedy line's step). */
    List<Expansion> sorted() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : before(costs[a], lines[a], tracks[a], costs[b], lines[b], tracks[b]) ? -1 : 1);
        List<Expansion> out = new ArrayList<>();
        for (int i : order) {
            out.add(new Expansion(lines[i], tracks[i]));
        }
        return out;
    }
}

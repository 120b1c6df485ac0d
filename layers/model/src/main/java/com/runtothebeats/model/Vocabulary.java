package com.runtothebeats.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An id → index map of the ranking model (tracks, artists, albums, genres, subgenres); index 0 is reserved for
 * ids not seen in training. It is kept as three flat arrays — every name's characters end to end, where each
 * name ends, and an open-addressing hash table of indices — so a serving container loads it with three block
 * copies from the statistics file instead of decoding tens of thousands of strings into a hash map.
 */
final class Vocabulary {

    /** Every name's UTF-16 characters end to end, in index order. */
    final char[] chars;
    /** {@code ends[i]} = where name i ends in {@link #chars}; {@code ends[0] = 0} (the unknown entry is empty). */
    final int[] ends;
    /** Linear-probing table (power-of-two length) of indices ≥ 1, 0 = free slot; probed from {@link #slot}. */
    final int[] slots;

    Vocabulary(char[] chars, int[] ends, int[] slots) {
        if (ends.length == 0 || ends[0] != 0 || Integer.bitCount(slots.length) != 1 || slots.length < ends.length) {
            throw new IllegalStateException("not a vocabulary: " + ends.length + " entries, " + slots.length + " slots");
        }
        this.chars = chars;
        this.ends = ends;
        this.slots = slots;
    }

    /** The index of {@code name}, or {@link PlaylistStatistics#UNKNOWN} when training never saw it. */
    int of(String name) {
        if (name == null) {
            return PlaylistStatistics.UNKNOWN;
        }
        int mask = slots.length - 1;
        for (int s = slot(name, mask); ; s = (s + 1) & mask) {
            int index = slots[s];
            if (index == PlaylistStatistics.UNKNOWN || is(index, name)) {
                return index;
            }
        }
    }

    /** Size including the unknown entry. */
    int size() {
        return ends.length;
    }

    String name(int index) {
        return new String(chars, ends[index - 1], ends[index] - ends[index - 1]);
    }

    private boolean is(int index, String name) {
        int start = ends[index - 1];
        if (ends[index] - start != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (chars[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** String.hashCode is specified by the platform, so a table written by one JVM probes the same in another. */
    private static int slot(String name, int mask) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /** Collects names in first-seen order (their indices) and freezes them into a {@link Vocabulary}. */
    static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int add(String name) {
            if (name == null) {
                throw new IllegalArgumentException("a vocabulary name is missing");
            }
            return index.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size();
            });
        }

        Vocabulary build() {
            int[] ends = new int[names.size() + 1];
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                all.append(names.get(i));
                ends[i + 1] = all.length();
            }
            char[] chars = new char[all.length()];
            all.getChars(0, all.length(), chars, 0);
            // at most half full, so a miss (most catalog tracks) ends after a probe or two
            int[] slots = new int[Integer.highestOneBit(Math.max(1, ends.length) * 2) * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < names.size(); i++) {
                int s = slot(names.get(i), mask);
                while (slots[s] != PlaylistStatistics.UNKNOWN) {
                    s = (s + 1) & mask;
                }
                slots[s] = i + 1;
            }
            return new Vocabulary(chars, ends, slots);
        }
    }
}

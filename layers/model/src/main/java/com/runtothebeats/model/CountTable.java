package com.runtothebeats.model;

/**
 * Playlist counts per (row, column) — an artist or track by genre or subgenre — in one row-major array, so the
 * statistics file loads it with a single block copy and a lookup is one array read.
 */
final class CountTable {

    final int rows;
    final int columns;
    final int[] cells;

    CountTable(int rows, int columns, int[] cells) {
        if ((long) rows * columns != cells.length) {
            throw new IllegalStateException(rows + " × " + columns + " counts expected, " + cells.length + " found");
        }
        this.rows = rows;
        this.columns = columns;
        this.cells = cells;
    }

    int get(int row, int column) {
        return cells[row * columns + column];
    }

    /** Column 0 of every row (a count held in a one-column table). */
    int[] firstColumn() {
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = cells[r * columns];
        }
        return out;
    }
}

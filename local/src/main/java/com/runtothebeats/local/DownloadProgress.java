package com.runtothebeats.local;

import java.io.PrintStream;

/**
 * A download's progress for the person watching: on a terminal one bar redrawn in place, elsewhere (a log,
 * CI) a line at each quarter, so a slow download is visibly alive without flooding a file.
 */
final class DownloadProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_EVERY_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String name;
    private final long total;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long received;
    private long lastDrawn = Long.MIN_VALUE;
    private int lastQuarter = -1;

    /** @param total bytes expected, or -1 when the server did not say */
    DownloadProgress(PrintStream out, String name, long total, boolean interactive) {
        this.out = out;
        this.name = name;
        this.total = total;
        this.interactive = interactive;
        if (!interactive) {
            out.println("  downloading " + name + (total > 0 ? " (" + megabytes(total) + " MB)" : "") + " ...");
            out.flush();
        }
    }

    void advance(long bytes) {
        received += bytes;
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDrawn >= REDRAW_EVERY_NANOS) {
                lastDrawn = now;
                out.print("\r" + line());
                out.flush();
            }
        } else if (total > 0) {
            int quarter = (int) (4 * received / total);
            if (quarter > lastQuarter && quarter < 4) {
                lastQuarter = quarter;
                if (quarter > 0) {
                    out.println("  " + line());
                    out.flush();
                }
            }
        }
    }

    void done() {
        out.println((interactive ? "\r" : "  ") + line());
        out.flush();
    }

    /** {@code spotify_songs.csv [###########-------------------]  37%  3.1 / 8.3 MB  1.2 MB/s} */
    String line() {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        String rate = megabytes((long) (received / seconds)) + " MB/s";
        if (total <= 0) {
            return String.format("%s  %s MB  %s", name, megabytes(received), rate);
        }
        int filled = (int) Math.min(WIDTH, WIDTH * received / total);
        return String.format("%s [%s%s] %3d%%  %s / %s MB  %s", name, "#".repeat(filled), "-".repeat(WIDTH - filled),
                Math.min(100, 100 * received / total), megabytes(received), megabytes(total), rate);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / 1_000_000.0);
    }
}

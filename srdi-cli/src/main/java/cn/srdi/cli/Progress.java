package cn.srdi.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on standard error for long runs, shown only when attached to a terminal. The total
 * is estimated from the file size and the bytes per row seen so far.
 */
final class Progress {
    private final PrintStream err;
    private final boolean enabled;
    private final long fileBytes;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long rows;
    private long bytes;
    private boolean drawn;

    Progress(PrintStream err, long fileBytes, boolean xlsx) {
        this.err = err;
        this.fileBytes = xlsx ? -1 : fileBytes;
        this.enabled = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    void advance(int batchRows, long batchBytes) {
        rows += batchRows;
        bytes += batchBytes;
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - started < 1_000_000_000L || now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double secs = (now - started) / 1e9;
        String rate = String.format(Locale.ROOT, "%,d 行 rows  %,.0f 行/秒 rows/s", rows, rows / secs);
        if (fileBytes > 0 && bytes > 0) {
            double frac = Math.min(1.0, bytes / (double) fileBytes);
            int filled = (int) (frac * 30);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f%%  ", frac * 100) + rate + "   ");
        } else {
            err.print("\r" + rate + "   ");
        }
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
    }
}

package cn.srdi.cli;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Status;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Tier;
import java.io.PrintStream;
import java.util.Locale;

/** Counts of a run (the pyramid, tier passes, rejected rows, time) and their bilingual print-out. */
final class RunSummary {
    private static final Tier[] TIERS = Tier.values();

    /** Eligible-tier counts by tier ordinal, the last slot for NONE. */
    final long[] eligible = new long[TIERS.length + 1];
    final long[] passing = new long[TIERS.length];
    final long[] graded = new long[TIERS.length];
    long gradedRows;
    long rejectedRows;
    long warnings;
    final long started = System.nanoTime();

    /** Per-batch counts, merged on the consuming thread. */
    static final class Counts {
        final long[] eligible = new long[TIERS.length + 1];
        final long[] passing = new long[TIERS.length];
        final long[] graded = new long[TIERS.length];
        long rows;

        /** Bytes per row in the {@code rowCounts} of {@link #add(Grade, byte[], int)}. */
        static final int PER_ROW = 3;

        void add(Grade g) {
            add(g, null, 0);
        }

        /**
         * Counts a grade, and notes what it added in {@code rowCounts} at {@code i * PER_ROW} (when not
         * null) so that {@link #remove} can take it back.
         */
        void add(Grade g, byte[] rowCounts, int i) {
            rows++;
            Tier e = g.eligibleTier();
            int el = e == null ? TIERS.length : e.ordinal();
            eligible[el]++;
            int gradedMask = 0;
            int passMask = 0;
            for (Tier t : TIERS) {
                TierResult r = g.tier(t);
                if (r != null) {
                    graded[t.ordinal()]++;
                    gradedMask |= 1 << t.ordinal();
                    if (r.status() == Status.PASS) {
                        passing[t.ordinal()]++;
                        passMask |= 1 << t.ordinal();
                    }
                }
            }
            if (rowCounts != null) {
                rowCounts[i * PER_ROW] = (byte) el;
                rowCounts[i * PER_ROW + 1] = (byte) gradedMask;
                rowCounts[i * PER_ROW + 2] = (byte) passMask;
            }
        }

        /** Takes back what row {@code i} added (a row cut out as a duplicate). */
        void remove(byte[] rowCounts, int i) {
            rows--;
            eligible[rowCounts[i * PER_ROW]]--;
            int gradedMask = rowCounts[i * PER_ROW + 1];
            int passMask = rowCounts[i * PER_ROW + 2];
            for (int t = 0; t < TIERS.length; t++) {
                if ((gradedMask & (1 << t)) != 0) {
                    graded[t]--;
                }
                if ((passMask & (1 << t)) != 0) {
                    passing[t]--;
                }
            }
        }
    }

    void merge(Counts c) {
        gradedRows += c.rows;
        for (int i = 0; i < eligible.length; i++) {
            eligible[i] += c.eligible[i];
        }
        for (int i = 0; i < TIERS.length; i++) {
            passing[i] += c.passing[i];
            graded[i] += c.graded[i];
        }
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void print(PrintStream err, String verbZh, String verbEn) {
        double s = seconds();
        err.printf(Locale.ROOT, "%s %s: %,d 行 rows, %.2f 秒 s (%,.0f 行/秒 rows/s); 拒绝 rejected: %,d 行 rows%n",
                verbZh, verbEn, gradedRows, s, gradedRows / Math.max(s, 1e-9), rejectedRows);
        if (gradedRows == 0) {
            return;
        }
        err.println("梯度金字塔 Pyramid (可认定最高梯度 eligible tier):");
        long max = 1;
        for (long v : eligible) {
            max = Math.max(max, v);
        }
        Tier[] order = {Tier.LITTLE_GIANT, Tier.SRDI, Tier.TECH_INNOVATIVE, Tier.INNOVATIVE};
        for (Tier t : order) {
            if (graded[t.ordinal()] > 0) {
                line(err, t.name(), t.zh(), eligible[t.ordinal()], max);
            }
        }
        line(err, "NONE", "未达梯度", eligible[TIERS.length], max);
        StringBuilder sb = new StringBuilder("各梯度通过 Passing each tier:");
        for (Tier t : TIERS) {
            if (graded[t.ordinal()] > 0) {
                sb.append(String.format(Locale.ROOT, "  %s %,d", t.name(), passing[t.ordinal()]));
            }
        }
        err.println(sb);
    }

    private static void line(PrintStream err, String id, String zh, long n, long max) {
        int width = (int) Math.round(40.0 * n / max);
        err.printf(Locale.ROOT, "  %-16s %-14s %,10d  %s%n", id, zh, n, "█".repeat(width));
    }
}

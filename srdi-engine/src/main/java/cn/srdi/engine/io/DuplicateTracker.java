package cn.srdi.engine.io;

import cn.srdi.engine.model.Profile;
import cn.srdi.engine.reference.CreditCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds credit codes already seen earlier in the same file (GRADING.md section 8), in reading
 * order. Feed it every {@link ReadResult} in row order, after conversion (which may run in
 * parallel); the first accepted row of a code is kept, and each later accepted row with that code
 * comes back {@link ReadResult.Rejected rejected}, naming the row where the code first appeared.
 * Rejected rows are passed through and do not register their code: they are never graded, so the
 * code counts as seen from its first accepted row.
 *
 * <p>Compact and exact: a valid code is fully determined by its first 17 characters (the 18th is
 * their check character), which are encoded in base 31 into two longs (9 + 8 characters) and kept
 * in an open-addressing hash table with the first row number: 20 bytes per slot, about 40 MB for
 * one million codes. No false positives. Not thread-safe: call from one thread, in row order.
 */
public final class DuplicateTracker {
    private static final String ALPHABET = CreditCode.alphabet();
    private static final int[] VALUE = new int[128];
    private static final long EMPTY = -1L;
    private static final int INITIAL_CAPACITY = 1 << 12;

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private long[] high = newKeys(INITIAL_CAPACITY);
    private long[] low = new long[INITIAL_CAPACITY];
    private int[] firstRow = new int[INITIAL_CAPACITY];
    private int size;

    /**
     * Registers an accepted row's credit code, or rejects the row when the code was seen before.
     *
     * @return {@code result} itself when it is rejected already or its code is new; otherwise a
     *     {@link ReadResult.Rejected} listing the row's warnings and the duplicate error
     */
    public ReadResult check(ReadResult result) {
        if (!(result instanceof ReadResult.Accepted accepted)) {
            return result;
        }
        Profile p = accepted.profile();
        String code = p.creditCode();
        long row = p.row();
        long first = firstSeen(code, row);
        if (first < 0) {
            return result;
        }
        List<Problem> problems = new ArrayList<>(accepted.warnings().size() + 1);
        problems.addAll(accepted.warnings());
        problems.add(Problem.error(row, "credit_code", code,
                "统一社会信用代码与第" + first + "行重复", "credit code already appears in row " + first));
        return new ReadResult.Rejected(row, problems);
    }

    /**
     * Registers {@code code} at {@code row} unless it is already known.
     *
     * @return the row where the code was first registered, or -1 when it is new (and now
     *     registered); -1 also for an invalid code, which is not tracked
     */
    public long firstSeen(String code, long row) {
        if (code == null || code.length() != 18) {
            return -1;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 17; i++) {
            char c = code.charAt(i);
            int v = c < 128 ? VALUE[c] : -1;
            if (v < 0) {
                return -1;
            }
            if (i < 9) {
                hi = hi * 31 + v;
            } else {
                lo = lo * 31 + v;
            }
        }
        int mask = high.length - 1;
        int slot = hash(hi, lo) & mask;
        while (high[slot] != EMPTY) {
            if (high[slot] == hi && low[slot] == lo) {
                return Integer.toUnsignedLong(firstRow[slot]);
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = hi;
        low[slot] = lo;
        firstRow[slot] = (int) Math.min(row, 0xFFFF_FFFFL);
        if (++size > high.length / 2) {
            grow();
        }
        return -1;
    }

    /** Number of distinct codes registered. */
    public int size() {
        return size;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldRow = firstRow;
        int capacity = oldHigh.length * 2;
        high = newKeys(capacity);
        low = new long[capacity];
        firstRow = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldHigh.length; i++) {
            long hi = oldHigh[i];
            if (hi == EMPTY) {
                continue;
            }
            int slot = hash(hi, oldLow[i]) & mask;
            while (high[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            high[slot] = hi;
            low[slot] = oldLow[i];
            firstRow[slot] = oldRow[i];
        }
    }

    private static long[] newKeys(int capacity) {
        long[] keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        return keys;
    }

    /** A well-mixed 32-bit hash of the two key halves (the finaliser of MurmurHash3). */
    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85B53L;
        h ^= h >>> 33;
        return (int) h;
    }
}

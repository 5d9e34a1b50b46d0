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
 * their check character), which are encoded in base 31 into two numbers (9 characters, below
 * 2^45, and 8 characters, below 2^40) and kept with the first row number (32 bits) in an
 * open-addressing hash table of two longs per slot, side by side in one array, so that a look-up
 * touches one cache line: 16 bytes per slot, about 32 MB for one million codes. No false
 * positives. Not thread-safe: call from one thread, in row order.
 */
public final class DuplicateTracker {
    private static final String ALPHABET = CreditCode.alphabet();
    private static final int[] VALUE = new int[128];
    /** An empty slot's first long (a key never has all 45 low bits set: 31^9 &lt; 2^45 - 1). */
    private static final long EMPTY = -1L;
    private static final int INITIAL_CAPACITY = 1 << 12;
    private static final int HI_BITS = 45;
    private static final int LO_BITS = 40;
    private static final long HI_MASK = (1L << HI_BITS) - 1;
    private static final long LO_MASK = (1L << LO_BITS) - 1;
    /** Bits of the row number kept above the first key half (the rest go above the second). */
    private static final int ROW_BITS_IN_HI = 64 - HI_BITS;

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    /** Slot {@code i} is {@code [2i]}: first key half and low row bits, {@code [2i+1]}: second half and high row bits. */
    private long[] slots = newSlots(INITIAL_CAPACITY);
    private int capacity = INITIAL_CAPACITY;
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
        long[] t = slots;
        int mask = capacity - 1;
        int slot = hash(hi, lo) & mask;
        while (true) {
            long a = t[2 * slot];
            if (a == EMPTY) {
                break;
            }
            long b = t[2 * slot + 1];
            if ((a & HI_MASK) == hi && (b & LO_MASK) == lo) {
                return (a >>> HI_BITS) | ((b >>> LO_BITS) << ROW_BITS_IN_HI);
            }
            slot = (slot + 1) & mask;
        }
        long r = Math.min(row, 0xFFFF_FFFFL);
        t[2 * slot] = hi | (r << HI_BITS);
        t[2 * slot + 1] = lo | ((r >>> ROW_BITS_IN_HI) << LO_BITS);
        if (++size > capacity / 2) {
            grow();
        }
        return -1;
    }

    /** Number of distinct codes registered. */
    public int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        int cap = capacity * 2;
        long[] t = newSlots(cap);
        int mask = cap - 1;
        for (int i = 0; i < old.length; i += 2) {
            long a = old[i];
            if (a == EMPTY) {
                continue;
            }
            long b = old[i + 1];
            int slot = hash(a & HI_MASK, b & LO_MASK) & mask;
            while (t[2 * slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            t[2 * slot] = a;
            t[2 * slot + 1] = b;
        }
        slots = t;
        capacity = cap;
    }

    private static long[] newSlots(int capacity) {
        long[] t = new long[2 * capacity];
        for (int i = 0; i < t.length; i += 2) {
            t[i] = EMPTY;
        }
        return t;
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

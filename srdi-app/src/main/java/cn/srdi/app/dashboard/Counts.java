package cn.srdi.app.dashboard;

import cn.srdi.engine.model.Tier;

/**
 * Counts of one group of firms: firms in the registry, firms graded by the current region run,
 * titles held per rung (in force today), eligible per rung (current grade), candidates (one or two
 * conditions short of the next rung) and titles expiring within the window. Arrays are indexed
 * by {@link Tier#ordinal()}.
 */
public record Counts(long firms, long graded, long candidates, long expiring, long[] held, long[] eligible) {

    static final int RUNGS = Tier.values().length;

    public static Counts zero() {
        return new Counts(0, 0, 0, 0, new long[RUNGS], new long[RUNGS]);
    }

    public Counts plus(Counts o) {
        long[] h = new long[RUNGS];
        long[] e = new long[RUNGS];
        for (int i = 0; i < RUNGS; i++) {
            h[i] = held[i] + o.held[i];
            e[i] = eligible[i] + o.eligible[i];
        }
        return new Counts(firms + o.firms, graded + o.graded, candidates + o.candidates, expiring + o.expiring, h, e);
    }

    public long held(Tier t) {
        return held[t.ordinal()];
    }

    public long eligible(Tier t) {
        return eligible[t.ordinal()];
    }
}

package cn.srdi.engine.grading;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.SizeClass;
import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The criteria of one tier in one rule set. Subclasses declare their conditions (with thresholds read
 * from the rule file) in their constructor and evaluate them into a {@link TierResult}; the shape of
 * each rule is code, every number is data.
 */
public abstract class TierRule {
    static final byte PASS = (byte) Status.PASS.ordinal();
    static final byte FAIL = (byte) Status.FAIL.ordinal();
    static final byte REVIEW = (byte) Status.REVIEW.ordinal();
    static final byte NOT_MET = (byte) Status.NOT_MET.ordinal();

    final Tier tier;
    final String ruleSetId;
    final List<Tier> prerequisites;
    ConditionDef[] defs;
    /** Indices of the GATE conditions, in order. */
    int[] gates = new int[0];
    int dimensionCount;
    private final List<ConditionDef> building = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> dimensionSets = new ArrayList<>();

    protected TierRule(Tier tier, String ruleSetId, List<Tier> prerequisites) {
        this.tier = tier;
        this.ruleSetId = ruleSetId;
        this.prerequisites = prerequisites;
    }

    public Tier tier() {
        return tier;
    }

    public String ruleSetId() {
        return ruleSetId;
    }

    /** Titles that must be held to be recognised at this tier (reported, never changing the status). */
    public List<Tier> prerequisites() {
        return prerequisites;
    }

    public List<ConditionDef> conditions() {
        return List.of(defs);
    }

    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** Declares a condition; returns its index in the result arrays. */
    protected final int def(String id, Role role, String dimension, int max, String zh, String en, Object required,
                            ActualKind kind, String unit) {
        if (index.containsKey(id)) {
            throw new IllegalStateException("duplicate condition id " + id);
        }
        building.add(new ConditionDef(id, role, dimension, max, zh, en, required, required instanceof Double ? ">=" : null, kind, unit));
        index.put(id, building.size() - 1);
        defs = building.toArray(new ConditionDef[0]);
        if (role == Role.GATE) {
            gates = java.util.Arrays.copyOf(gates, gates.length + 1);
            gates[gates.length - 1] = building.size() - 1;
        }
        return building.size() - 1;
    }

    /** Marks a numeric requirement as an upper bound (a debt ratio, a rank). */
    protected final int atMost(int i) {
        ConditionDef d = building.get(i);
        building.set(i, new ConditionDef(d.id(), d.role(), d.dimension(), d.max(), d.labelZh(), d.labelEn(), d.required(), "<=", d.kind(), d.unit()));
        defs = building.toArray(new ConditionDef[0]);
        return i;
    }

    protected final int gate(String id, String zh, String en, Object required, ActualKind kind, String unit) {
        return def(id, Role.GATE, null, 0, zh, en, required, kind, unit);
    }

    protected final int alternative(String id, String zh, String en, Object required, ActualKind kind, String unit) {
        return def(id, Role.ALTERNATIVE, null, 0, zh, en, required, kind, unit);
    }

    protected final int indicator(String id, String dimension, int max, String zh, String en, String unit) {
        return def(id, Role.INDICATOR, dimension, max, zh, en, null, ActualKind.NUMBER, unit);
    }

    /** Declares a set of scoring dimensions (Chinese names); returns the offset of its subtotals. */
    protected final int dimensions(String... names) {
        int offset = dimensionCount;
        dimensionSets.add(names);
        dimensionCount += names.length;
        return offset;
    }

    String[] dimensionNames(int set) {
        return dimensionSets.isEmpty() ? new String[0] : dimensionSets.get(set);
    }

    int dimensionOffset(int set) {
        int n = 0;
        for (int i = 0; i < set; i++) {
            n += dimensionSets.get(i).length;
        }
        return n;
    }

    /** Evaluates every condition of this tier and sets the tier's status, route and score. */
    public final TierResult evaluate(GradeContext c) {
        TierResult r = new TierResult(this, c);
        evaluate(c, r);
        return r;
    }

    /** Evaluates into {@code block} from {@code base} on ({@link #blockSize()} ints, zero on entry). */
    final TierResult evaluate(GradeContext c, int[] block, int base) {
        TierResult r = new TierResult(this, c, block, base);
        evaluate(c, r);
        return r;
    }

    /** Ints a result takes: one cell per condition, then the dimension subtotals. */
    final int blockSize() {
        return defs.length + dimensionCount;
    }

    abstract void evaluate(GradeContext c, TierResult r);

    /** The gap for a gate that FAILs or is REVIEW. */
    abstract Gap gap(int i, GradeContext c, TierResult r);

    List<Gap> gaps(GradeContext c, TierResult r) {
        List<Gap> gaps = new ArrayList<>();
        for (int i : gates) {
            byte s = r.rawStatus(i);
            if (s == FAIL || s == REVIEW) {
                gaps.add(gap(i, c, r));
            }
        }
        return gaps;
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /**
     * Sets the status of a condition and, when explaining, its display value. Callers write the
     * value as {@code r.actual == null ? 0 : expr} so that grading never computes a display value;
     * {@link TierResult#actual(int)} re-evaluates the tier in explain mode when one is asked for.
     */
    static void set(TierResult r, int i, byte status, double actual) {
        int[] cells = r.cells;
        int k = r.base + i;
        cells[k] = (cells[k] & ~0xF) | status;
        double[] a = r.actual;
        if (a != null) {
            a[i] = actual;
        }
    }

    static void status(TierResult r, int i, byte status) {
        int[] cells = r.cells;
        int k = r.base + i;
        cells[k] = (cells[k] & ~0xF) | status;
    }

    static void actual(TierResult r, int i, double actual) {
        double[] a = r.actual;
        if (a != null) {
            a[i] = actual;
        }
    }

    static void points(TierResult r, int i, int points) {
        int[] cells = r.cells;
        int k = r.base + i;
        cells[k] = (cells[k] & ~0xFFF0) | (points << 4);
    }

    static void note(TierResult r, int i, Note n) {
        r.cells[r.base + i] |= 1 << (16 + n.ordinal());
    }

    /** Adds the note when {@code when} holds, without a branch (the outcome is data, not predictable). */
    static void noteIf(TierResult r, int i, Note n, boolean when) {
        r.cells[r.base + i] |= (when ? 1 : 0) << (16 + n.ordinal());
    }

    /** Adds NOT_PROVIDED when the field is blank (rule 2.6). */
    static void blank(TierResult r, int i, Profile p, Field f) {
        if (!p.has(f)) {
            note(r, i, Note.NOT_PROVIDED);
        }
    }

    static byte passIf(boolean ok) {
        return ok ? PASS : FAIL;
    }

    static byte altIf(boolean ok) {
        return ok ? PASS : NOT_MET;
    }

    /** Sets the tier status from its gates (rule 2.8). */
    static void settle(TierResult r) {
        int seen = 0;
        int[] cells = r.cells;
        int base = r.base;
        for (int i : r.rule.gates) {
            seen |= 1 << (cells[base + i] & 0xF);
        }
        r.tierStatus = (seen & (1 << FAIL)) != 0 ? Status.FAIL : (seen & (1 << REVIEW)) != 0 ? Status.REVIEW : Status.PASS;
    }

    /** COMMON.SIZE and COMMON.EXCLUSION, the preconditions of every SME tier (section 3). */
    static void commonPreconditions(GradeContext c, TierResult r, int size, int exclusion) {
        set(r, size, passIf(c.size != SizeClass.LARGE), c.size.ordinal());
        if (c.size == SizeClass.LARGE) {
            note(r, size, Note.LARGE_ENTERPRISE);
        }
        exclusion(c, r, exclusion);
    }

    static void exclusion(GradeContext c, TierResult r, int exclusion) {
        set(r, exclusion, passIf(c.exclusions == 0), c.exclusions);
    }

    final int declareSize() {
        return gate("COMMON.SIZE", "中小企业规模(工信部联企业〔2011〕300号)", "SME size (2011 size rules)",
                "SMALL/MEDIUM/MICRO", ActualKind.SIZE_CLASS, "");
    }

    final int declareExclusion() {
        return gate("COMMON.EXCLUSION", "无经营异常、严重失信、禁限淘汰类、重大事故、偷漏税情形",
                "no abnormal operation, serious untrustworthiness, prohibited industry, major incident or tax violation",
                "none", ActualKind.EXCLUSION_FLAGS, "");
    }

    /** Gap of the common preconditions, or null when {@code i} is not one of them. */
    Gap commonGap(int i, GradeContext c, TierResult r) {
        String id = defs[i].id();
        if (id.equals("COMMON.SIZE")) {
            return Hints.gap(r, i, "按工信部联企业〔2011〕300号属大型企业，不属于中小企业梯度培育范围",
                    "a large enterprise under the 2011 size rules is outside the SME ladder");
        }
        if (id.equals("COMMON.EXCLUSION")) {
            return Hints.gap(r, i, "存在否决情形：" + ExclusionFlags.zh(c.exclusions) + "；须消除后方可申报",
                    "excluded by " + String.join(", ", ExclusionFlags.names(c.exclusions)) + "; must be cleared before applying");
        }
        return null;
    }
}

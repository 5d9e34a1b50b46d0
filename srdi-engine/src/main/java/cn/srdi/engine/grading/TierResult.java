package cn.srdi.engine.grading;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.MainProductField;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.model.SizeClass;
import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade of one tier: status, route, score, dimension subtotals and every condition's result.
 * Condition results are held in primitive arrays while grading (no allocation per condition) and
 * turned into {@link ConditionResult} records only when someone asks.
 */
public final class TierResult {
    private static final Status[] STATUSES = Status.values();

    final TierRule rule;
    final GradeContext context;
    /**
     * One int per condition: status in bits 0-3, points in bits 4-15, note bits from 16 on. One
     * array instead of three, shared by every tier of a grade (from {@link #base} on, the dimension
     * subtotals from {@link #dim} on), keeps grading to one array per grade.
     */
    final int[] cells;
    /** Index of this tier's first condition in {@link #cells} (one block serves every tier of a grade). */
    final int base;
    /** Index of this tier's first dimension subtotal in {@link #cells}, after its conditions. */
    final int dim;
    /** Display values, filled only when explaining (see {@link #actual(int)}); null while grading. */
    double[] actual;
    Status tierStatus;
    Route route;
    int score = -1;
    int innovativeScore = -1;
    int techSmeScore = -1;
    /** For TECH_INNOVATIVE: which scoring system the dimensions belong to (0 innovative, 1 tech). */
    int dimensionSet;

    TierResult(TierRule rule, GradeContext context) {
        this(rule, context, new int[rule.blockSize()], 0);
    }

    /** A result that keeps its cells in {@code block} from {@code base} on ({@link TierRule#blockSize()} ints). */
    TierResult(TierRule rule, GradeContext context, int[] block, int base) {
        this.rule = rule;
        this.context = context;
        this.cells = block;
        this.base = base;
        this.dim = base + rule.defs.length;
    }

    byte rawStatus(int i) {
        return (byte) (cells[base + i] & 0xF);
    }

    /**
     * The display values are not computed while grading (they decide nothing); the first request
     * re-evaluates this tier once in explain mode, which is deterministic and fills them in.
     */
    private double[] actuals() {
        double[] a = actual;
        if (a == null) {
            TierResult full = new TierResult(rule, context);
            full.actual = new double[rule.defs.length];
            rule.evaluate(context, full);
            a = full.actual;
            actual = a;
        }
        return a;
    }

    public Tier tier() {
        return rule.tier;
    }

    public String ruleSetId() {
        return rule.ruleSetId;
    }

    public Status status() {
        return tierStatus;
    }

    /** DIRECT/SCORE (or the four TECH_INNOVATIVE routes) where the tier has routes; null otherwise or when failed. */
    public Route route() {
        return route;
    }

    /** The score of a scored tier (of the route taken for TECH_INNOVATIVE), or null for unscored tiers. */
    public Integer score() {
        return score < 0 ? null : score;
    }

    public Integer innovativeScore() {
        return innovativeScore < 0 ? null : innovativeScore;
    }

    public Integer techSmeScore() {
        return techSmeScore < 0 ? null : techSmeScore;
    }

    /** Dimension subtotals (Chinese dimension names, in rule order); empty for unscored tiers. */
    public Map<String, Integer> dimensions() {
        String[] names = rule.dimensionNames(dimensionSet);
        if (names.length == 0) {
            return Map.of();
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        int offset = rule.dimensionOffset(dimensionSet);
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], cells[dim + offset + i]);
        }
        return m;
    }

    public int conditionCount() {
        return rule.defs.length;
    }

    public ConditionDef def(int i) {
        return rule.defs[i];
    }

    public Status conditionStatus(int i) {
        return STATUSES[cells[base + i] & 0xF];
    }

    public int points(int i) {
        return (cells[base + i] >>> 4) & 0xFFF;
    }

    public double actualNumber(int i) {
        return actuals()[i];
    }

    /** Index of a condition by id, or -1. */
    public int indexOf(String id) {
        return rule.indexOf(id);
    }

    public List<Note> notes(int i) {
        int bits = cells[base + i] >>> 16;
        if (bits == 0) {
            return List.of();
        }
        List<Note> list = new ArrayList<>(2);
        for (Note n : Note.ALL) {
            if ((bits & (1 << n.ordinal())) != 0) {
                list.add(n);
            }
        }
        return list;
    }

    public Object actual(int i) {
        double a = actuals()[i];
        ConditionDef d = rule.defs[i];
        if (Double.isNaN(a)) {
            return null;
        }
        return switch (d.kind()) {
            case NUMBER -> Decimals.round4(a);
            case BOOLEAN -> a != 0;
            case SIZE_CLASS -> SizeClass.values()[(int) a].name();
            case RD_INSTITUTION -> RdInstitutionLevel.values()[(int) a].name();
            case PRODUCT_FIELD -> MainProductField.values()[(int) a].name();
            case EXCLUSION_FLAGS -> ExclusionFlags.names((int) a);
            case NONE -> null;
        };
    }

    public ConditionResult condition(int i) {
        ConditionDef d = rule.defs[i];
        Integer pts = d.role() == Role.INDICATOR || d.max() > 0 ? points(i) : null;
        return new ConditionResult(d, conditionStatus(i), actual(i), d.required(), pts, notes(i));
    }

    public List<ConditionResult> conditions() {
        int n = rule.defs.length;
        List<ConditionResult> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(condition(i));
        }
        return Collections.unmodifiableList(list);
    }

    /** The gate conditions that FAIL or are REVIEW, each with the smallest change that closes it. */
    public List<Gap> gaps() {
        return rule.gaps(context, this);
    }
}

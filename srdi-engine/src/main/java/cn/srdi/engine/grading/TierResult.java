package cn.srdi.engine.grading;

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
    final byte[] status;
    final int[] points;
    final double[] actual;
    final int[] notes;
    final int[] dimensions;
    Status tierStatus;
    Route route;
    int score = -1;
    int innovativeScore = -1;
    int techSmeScore = -1;
    /** For TECH_INNOVATIVE: which scoring system the dimensions belong to (0 innovative, 1 tech). */
    int dimensionSet;

    TierResult(TierRule rule) {
        this.rule = rule;
        int n = rule.defs.length;
        status = new byte[n];
        points = new int[n];
        actual = new double[n];
        notes = new int[n];
        dimensions = new int[rule.dimensionCount()];
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
            m.put(names[i], dimensions[offset + i]);
        }
        return m;
    }

    public int conditionCount() {
        return status.length;
    }

    public ConditionDef def(int i) {
        return rule.defs[i];
    }

    public Status conditionStatus(int i) {
        return STATUSES[status[i]];
    }

    public int points(int i) {
        return points[i];
    }

    public double actualNumber(int i) {
        return actual[i];
    }

    /** Index of a condition by id, or -1. */
    public int indexOf(String id) {
        return rule.indexOf(id);
    }

    public List<Note> notes(int i) {
        int bits = notes[i];
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
        double a = actual[i];
        ConditionDef d = rule.defs[i];
        if (Double.isNaN(a)) {
            return null;
        }
        return switch (d.kind()) {
            case NUMBER -> a;
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
        Integer pts = d.role() == Role.INDICATOR || d.max() > 0 ? points[i] : null;
        return new ConditionResult(d, conditionStatus(i), actual(i), d.required(), pts, notes(i));
    }

    public List<ConditionResult> conditions() {
        List<ConditionResult> list = new ArrayList<>(status.length);
        for (int i = 0; i < status.length; i++) {
            list.add(condition(i));
        }
        return Collections.unmodifiableList(list);
    }

    /** The gate conditions that FAIL or are REVIEW, each with the smallest change that closes it. */
    public List<Gap> gaps(GradeContext context) {
        return rule.gaps(context, this);
    }
}

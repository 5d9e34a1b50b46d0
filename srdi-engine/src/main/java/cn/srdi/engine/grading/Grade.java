package cn.srdi.engine.grading;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.SizeClass;
import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade of one profile on every rung: the rule sets used, the size class, each tier's result,
 * the eligible tier (GRADING.md rule 2.9), missing titles and the gap to the next rung.
 */
public final class Grade extends GradeContext {
    private static final Tier[] TIERS = Tier.values();

    private final List<String> ruleSets;
    private final TierResult[] results = new TierResult[TIERS.length];
    private final Tier[] ladder;
    private Tier eligible;
    /** Titles held as a bit set by tier ordinal, parsed on first use; -1 until then. */
    private int titles = -1;

    Grade(Profile p, long epochDay, ApplicationType type, SizeClass size, List<String> ruleSets, Tier[] ladder) {
        super(p, epochDay, type, size);
        this.ruleSets = ruleSets;
        this.ladder = ladder;
    }

    void put(TierResult r) {
        results[r.tier().ordinal()] = r;
    }

    void settle() {
        Tier e = null;
        for (Tier t : ladder) {
            TierResult r = results[t.ordinal()];
            if (r == null || r.status() != Status.PASS) {
                break;
            }
            e = t;
        }
        eligible = e;
    }

    /** The facts every tier was graded with: the grade itself. */
    public GradeContext context() {
        return this;
    }

    public long row() {
        return p.row();
    }

    public String creditCode() {
        return p.creditCode();
    }

    public List<String> ruleSets() {
        return ruleSets;
    }

    public SizeClass smeClass() {
        return size;
    }

    /** The ladder graded (lowest rung first), without CHAMPION. */
    public List<Tier> ladder() {
        return List.of(ladder);
    }

    /** The highest rung passed with every lower rung (null for NONE). */
    public Tier eligibleTier() {
        return eligible;
    }

    public String eligibleTierName() {
        return eligible == null ? "NONE" : eligible.name();
    }

    /** The result of a tier, or null when it was not graded. */
    public TierResult tier(Tier t) {
        return results[t.ordinal()];
    }

    /** Graded tiers in output order: the ladder, then CHAMPION. */
    public List<TierResult> tiers() {
        List<TierResult> list = new ArrayList<>(4);
        for (Tier t : ladder) {
            if (results[t.ordinal()] != null) {
                list.add(results[t.ordinal()]);
            }
        }
        if (results[Tier.CHAMPION.ordinal()] != null) {
            list.add(results[Tier.CHAMPION.ordinal()]);
        }
        return list;
    }

    /** Titles held, from the {@code titles} column. */
    public boolean holds(Tier t) {
        int held = titles;
        if (held < 0) {
            held = 0;
            String text = p.text(Field.TITLES);
            if (text != null && !text.isEmpty()) {
                for (String s : text.split(";")) {
                    Tier tier = Tier.parse(s);
                    if (tier != null) {
                        held |= 1 << tier.ordinal();
                    }
                }
            }
            titles = held;
        }
        return (held & (1 << t.ordinal())) != 0;
    }

    /** For each graded tier, the prerequisite titles the firm does not hold (only tiers with some missing). */
    public Map<Tier, List<Tier>> missingTitles() {
        Map<Tier, List<Tier>> m = new EnumMap<>(Tier.class);
        for (TierResult r : tiers()) {
            List<Tier> missing = null;
            for (Tier pre : r.rule.prerequisites()) {
                if (!holds(pre)) {
                    if (missing == null) {
                        missing = new ArrayList<>(1);
                    }
                    missing.add(pre);
                }
            }
            if (missing != null) {
                m.put(r.tier(), Collections.unmodifiableList(missing));
            }
        }
        return m;
    }

    /** The lowest rung of the ladder that is not PASS, or null when every rung passes. */
    public Tier nextTier() {
        for (Tier t : ladder) {
            TierResult r = results[t.ordinal()];
            if (r != null && r.status() != Status.PASS) {
                return t;
            }
        }
        return null;
    }

    /** What separates the firm from the next rung (empty when there is none). */
    public List<Gap> nextTierGaps() {
        Tier next = nextTier();
        return next == null ? List.of() : results[next.ordinal()].gaps();
    }

    /** Every tier that is not PASS, with its gaps (for the explain report). */
    public Map<Tier, List<Gap>> allGaps() {
        Map<Tier, List<Gap>> m = new LinkedHashMap<>();
        for (TierResult r : tiers()) {
            if (r.status() != Status.PASS) {
                m.put(r.tier(), r.gaps());
            }
        }
        return m;
    }
}

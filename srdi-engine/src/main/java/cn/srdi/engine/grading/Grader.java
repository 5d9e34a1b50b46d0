package cn.srdi.engine.grading;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.SizeClass;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.reference.IndustryCatalog;
import cn.srdi.engine.rules.RuleFileException;
import cn.srdi.engine.rules.SizeRules;
import java.time.LocalDate;
import java.util.List;

/**
 * The grading engine: grades a profile on every rung of the rule sets that apply to it (GRADING.md
 * section 1). Thread-safe and allocation-light; one instance serves any number of threads.
 *
 * <p>Selection: {@code auto} picks the ladder rule set in force on the assessment date (with the
 * LITTLE_GIANT re-review transition) and always adds the champion rule set and the size rules; a
 * forced ladder id replaces the date-based choice. The choices are precomputed as plans, so grading
 * a row picks its plan with a couple of comparisons of epoch days.
 */
public final class Grader {
    private final RuleCatalog catalog;
    private final RuleSet champion;
    private final SizeRules size;
    private final long defaultDay;
    /** First epoch day of each plan, ascending; the first plan also covers every earlier day. */
    private final long[] planFrom;
    private final Plan[] plans;

    /** A ladder's tiers, and the same with the LITTLE_GIANT re-review transition, precomputed. */
    private record Plan(TierRule[] tiers, int[] bases, Tier[] order, List<String> used,
                        TierRule[] reviewTiers, int[] reviewBases, List<String> reviewUsed, long reviewUntilDay) {
    }

    /** Start of each tier's cells in the one block a grade allocates; the last entry is the block size. */
    private static int[] bases(TierRule[] tiers) {
        int[] b = new int[tiers.length + 1];
        for (int i = 0; i < tiers.length; i++) {
            b[i + 1] = b[i] + tiers[i].blockSize();
        }
        return b;
    }

    /** Auto selection; blank assessment dates default to {@code defaultDate} (the run's date). */
    public Grader(RuleCatalog catalog, LocalDate defaultDate) {
        this(catalog, "auto", defaultDate);
    }

    /**
     * @param rules {@code auto}, or a comma-separated list of rule-set ids (a ladder id forces the
     *     ladder, a champion id the champion rule set)
     */
    public Grader(RuleCatalog catalog, String rules, LocalDate defaultDate) {
        this.catalog = catalog;
        this.defaultDay = defaultDate.toEpochDay();
        RuleSet forced = null;
        RuleSet champ = null;
        if (!rules.equals("auto")) {
            for (String raw : rules.split(",")) {
                String id = raw.strip();
                RuleSet s = catalog.get(id);
                if (s == null) {
                    throw new RuleFileException("--rules", 0, id, "没有名为 " + id + " 的规则集", "no rule set named " + id
                            + " (known: " + String.join(", ", catalog.all().stream().map(RuleSet::id).toList()) + ")");
                }
                switch (s.shape()) {
                    case CN_2022, CN_2026 -> forced = s;
                    case CHAMPION_2023 -> champ = s;
                    case SME_SIZE_2011 -> { }
                }
            }
        }
        this.champion = champ != null ? champ : catalog.champion();
        this.size = catalog.sizeRules();
        List<RuleSet> ladders = forced != null ? List.of(forced) : catalog.laddersByDate();
        planFrom = new long[ladders.size()];
        plans = new Plan[ladders.size()];
        for (int i = 0; i < plans.length; i++) {
            RuleSet l = ladders.get(i);
            planFrom[i] = i == 0 ? Long.MIN_VALUE : l.effectiveFrom().toEpochDay();
            plans[i] = plan(l, forced == null ? l.reviewLittleGiantBy() : null);
        }
    }

    private Plan plan(RuleSet ladder, String reviewBy) {
        List<TierRule> rules = ladder.tiers();
        List<TierRule> champs = champion.tiers();
        TierRule[] tiers = new TierRule[rules.size() + champs.size()];
        Tier[] order = new Tier[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            tiers[i] = rules.get(i);
            order[i] = rules.get(i).tier();
        }
        for (int i = 0; i < champs.size(); i++) {
            tiers[rules.size() + i] = champs.get(i);
        }
        List<String> used = List.of(ladder.id(), champion.id());
        RuleSet by = reviewBy == null ? null : catalog.active(reviewBy);
        if (by == null || by == ladder || by.tier(Tier.LITTLE_GIANT) == null) {
            int[] b = bases(tiers);
            return new Plan(tiers, b, order, used, tiers, b, used, Long.MIN_VALUE);
        }
        TierRule[] review = tiers.clone();
        for (int i = 0; i < review.length; i++) {
            if (review[i].tier() == Tier.LITTLE_GIANT) {
                review[i] = by.tier(Tier.LITTLE_GIANT);
            }
        }
        return new Plan(tiers, bases(tiers), order, used, review, bases(review), List.of(ladder.id(), by.id(), champion.id()),
                ladder.reviewLittleGiantUntilDay());
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public Grade grade(Profile p) {
        long day = p.has(Field.ASSESSMENT_DATE) ? p.get(Field.ASSESSMENT_DATE) : defaultDay;
        ApplicationType type = p.applicationType();
        // A code that starts like C30 (key >= 0) is normalised already; the others take the cold path.
        int key = p.industryKey();
        SizeClass cls = key >= 0 && !size.needsCode(key)
                ? size.classify(key, null, p.get(Field.EMPLOYEES_Y1), p.get(Field.REVENUE_Y1), p.get(Field.TOTAL_ASSETS_Y1))
                : classifyByCode(p);
        int k = plans.length - 1;
        while (k > 0 && day < planFrom[k]) {
            k--;
        }
        Plan plan = plans[k];
        boolean review = type == ApplicationType.REVIEW && day <= plan.reviewUntilDay();
        return evaluate(new Grade(p, day, type, cls, review ? plan.reviewUsed() : plan.used(), plan.order()),
                review ? plan.reviewTiers() : plan.tiers(), review ? plan.reviewBases() : plan.bases());
    }

    /** Every tier into one block of cells (instead of one or two arrays per tier), then the eligible tier. */
    private static Grade evaluate(Grade g, TierRule[] tiers, int[] bases) {
        int[] block = new int[bases[tiers.length]];
        for (int i = 0; i < tiers.length; i++) {
            g.put(tiers[i].evaluate(g, block, bases[i]));
        }
        g.settle();
        return g;
    }

    /**
     * The size class of a profile whose industry code does not start like C30 (it is normalised in
     * place first when it is a known code written differently) or whose group depends on more than
     * the division (K7010): kept out of {@link #grade} so that the common path stays small.
     */
    private SizeClass classifyByCode(Profile p) {
        String industry = p.text(Field.INDUSTRY_CODE);
        if (p.industryKey() < 0 && industry != null && !industry.isEmpty() && Character.isDigit(industry.charAt(0))) {
            IndustryCatalog.Resolution r = IndustryCatalog.standard().resolve(industry);
            if (r.accepted()) {
                p.setText(Field.INDUSTRY_CODE, r.normalised());
                industry = r.normalised();
            }
        }
        return size.classify(p.industryKey(), industry, p.get(Field.EMPLOYEES_Y1), p.get(Field.REVENUE_Y1), p.get(Field.TOTAL_ASSETS_Y1));
    }
}

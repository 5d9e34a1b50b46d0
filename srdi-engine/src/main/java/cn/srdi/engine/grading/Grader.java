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
 * forced ladder id replaces the date-based choice.
 */
public final class Grader {
    private final RuleCatalog catalog;
    private final RuleSet forcedLadder;
    private final RuleSet champion;
    private final SizeRules size;
    private final LocalDate defaultDate;

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
        this.defaultDate = defaultDate;
        RuleSet ladder = null;
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
                    case CN_2022, CN_2026 -> ladder = s;
                    case CHAMPION_2023 -> champ = s;
                    case SME_SIZE_2011 -> { }
                }
            }
        }
        this.forcedLadder = ladder;
        this.champion = champ != null ? champ : catalog.champion();
        this.size = catalog.sizeRules();
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public Grade grade(Profile p) {
        LocalDate date = p.assessmentDate(defaultDate);
        ApplicationType type = p.applicationType();
        String industry = p.text(Field.INDUSTRY_CODE);
        if (industry != null && !industry.isEmpty() && Character.isDigit(industry.charAt(0))) {
            IndustryCatalog.Resolution r = IndustryCatalog.standard().resolve(industry);
            if (r.accepted()) {
                p.setText(Field.INDUSTRY_CODE, r.normalised());
                industry = r.normalised();
            }
        }
        SizeClass cls = size.classify(industry, p.get(Field.EMPLOYEES_Y1), p.get(Field.REVENUE_Y1), p.get(Field.TOTAL_ASSETS_Y1));
        GradeContext c = new GradeContext(p, date, type, cls);

        RuleSet ladder = forcedLadder != null ? forcedLadder : catalog.ladderFor(date);
        RuleSet lgSet = ladder;
        if (forcedLadder == null && type == ApplicationType.REVIEW) {
            String by = ladder.reviewLittleGiantBy(date);
            if (by != null) {
                RuleSet t = catalog.active(by);
                if (t != null) {
                    lgSet = t;
                }
            }
        }
        List<String> used = lgSet == ladder ? List.of(ladder.id(), champion.id()) : List.of(ladder.id(), lgSet.id(), champion.id());
        List<TierRule> tiers = ladder.tiers();
        Tier[] order = new Tier[tiers.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = tiers.get(i).tier();
        }
        Grade g = new Grade(c, used, order);
        for (TierRule rule : tiers) {
            TierRule r = rule.tier() == Tier.LITTLE_GIANT && lgSet != ladder ? lgSet.tier(Tier.LITTLE_GIANT) : rule;
            g.put(r.evaluate(c));
        }
        for (TierRule rule : champion.tiers()) {
            g.put(rule.evaluate(c));
        }
        g.settle();
        return g;
    }
}

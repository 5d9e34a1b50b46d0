package cn.srdi.engine.grading;

import cn.srdi.engine.model.Tier;
import cn.srdi.engine.rules.RuleParams;
import cn.srdi.engine.rules.SizeRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One versioned rule set, built from its {@code .rules} file (and any overlay): its id, the shape of
 * its criteria (which official document), when it takes effect, and its tiers in ladder order.
 */
public final class RuleSet {
    /** The criteria shapes the engine knows; a rule file names one, an overlay inherits its base's. */
    public enum Shape {
        CN_2022("cn-2022", true), CN_2026("cn-2026", true), CHAMPION_2023("champion-2023", false), SME_SIZE_2011("sme-size-2011", false);

        private final String id;
        private final boolean ladder;

        Shape(String id, boolean ladder) {
            this.id = id;
            this.ladder = ladder;
        }

        public String id() {
            return id;
        }

        public boolean ladder() {
            return ladder;
        }

        static Shape of(String id) {
            for (Shape s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    private final String id;
    private final String base;
    private final String title;
    private final Shape shape;
    private final LocalDate effectiveFrom;
    private final List<TierRule> tiers;
    private final SizeRules sizeRules;
    private final RuleParams params;
    private final String reviewLittleGiantBy;
    private final LocalDate reviewLittleGiantUntil;

    RuleSet(RuleParams p, String base) {
        this.params = p;
        this.id = p.get("id");
        this.base = base;
        this.title = p.get("title");
        String shapeId = p.get("shape");
        this.shape = Shape.of(shapeId);
        if (shape == null) {
            throw p.fail("shape", "未知的规则形态 \"" + shapeId + "\"", "unknown rule shape \"" + shapeId + "\"");
        }
        this.effectiveFrom = p.date("effective_from");
        List<TierRule> list = new ArrayList<>();
        SizeRules size = null;
        String reviewBy = null;
        LocalDate reviewUntil = null;
        switch (shape) {
            case CN_2022 -> {
                list.add(new InnovativeRule(id, p));
                list.add(new Srdi2022Rule(id, p));
                list.add(new LittleGiant2022Rule(id, p));
            }
            case CN_2026 -> {
                list.add(new TechInnovativeRule(id, p));
                list.add(new Srdi2026Rule(id, p));
                list.add(new LittleGiant2026Rule(id, p));
                reviewBy = p.get("transition.LITTLE_GIANT.review.rule_set");
                reviewUntil = p.date("transition.LITTLE_GIANT.review.until");
            }
            case CHAMPION_2023 -> list.add(new ChampionRule(id, p));
            case SME_SIZE_2011 -> size = SizeRules.from(p);
        }
        this.tiers = Collections.unmodifiableList(list);
        this.sizeRules = size;
        this.reviewLittleGiantBy = reviewBy;
        this.reviewLittleGiantUntil = reviewUntil;
        p.requireAllUsed();
    }

    public String id() {
        return id;
    }

    /** The rule set this one overlays, or its own id for a base rule set. */
    public String base() {
        return base;
    }

    public String title() {
        return title;
    }

    public Shape shape() {
        return shape;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public List<TierRule> tiers() {
        return tiers;
    }

    public TierRule tier(Tier t) {
        for (TierRule r : tiers) {
            if (r.tier() == t) {
                return r;
            }
        }
        return null;
    }

    public SizeRules sizeRules() {
        return sizeRules;
    }

    public RuleParams params() {
        return params;
    }

    /** The transition rule set id of {@link #reviewLittleGiantBy}, or null. */
    String reviewLittleGiantBy() {
        return reviewLittleGiantBy;
    }

    /** Last day (epoch day) of the transition, or {@code Long.MIN_VALUE} when there is none. */
    long reviewLittleGiantUntilDay() {
        return reviewLittleGiantUntil == null ? Long.MIN_VALUE : reviewLittleGiantUntil.toEpochDay();
    }

    @Override
    public String toString() {
        return id;
    }
}

package cn.srdi.app.dashboard;

import cn.srdi.engine.model.Tier;
import java.util.List;

/**
 * The rungs of the pyramid, lowest first, and how "eligible" is read from a grade record.
 *
 * <p>Held: firms with a title of that tier in force on the day. Eligible: firms whose current
 * region grade passes that rung and every lower rung of the ladder (GRADING.md rule 2.9, i.e.
 * {@code eligible_tier} at or above it); the bottom rung is INNOVATIVE under cn-2022 and
 * TECH_INNOVATIVE under cn-2026, so each bottom rung also needs its own status PASS. CHAMPION is
 * off the ladder: its own status PASS.
 */
public final class Rung {

    /** Pyramid order, bottom first. */
    public static final List<Tier> ORDER = List.of(Tier.values());

    private Rung() {
    }

    /** SQL (alias {@code g} = grade_record) that is 1 when the record is eligible for the rung. */
    static String eligibleSql(Tier t) {
        return switch (t) {
            case INNOVATIVE -> "case when g.status_innovative = 'PASS' and g.eligible_tier in ('INNOVATIVE', 'SRDI', 'LITTLE_GIANT') then 1 else 0 end";
            case TECH_INNOVATIVE -> "case when g.status_tech = 'PASS' and g.eligible_tier in ('TECH_INNOVATIVE', 'SRDI', 'LITTLE_GIANT') then 1 else 0 end";
            case SRDI -> "case when g.eligible_tier in ('SRDI', 'LITTLE_GIANT') then 1 else 0 end";
            case LITTLE_GIANT -> "case when g.eligible_tier = 'LITTLE_GIANT' then 1 else 0 end";
            case CHAMPION -> "case when g.status_champion = 'PASS' then 1 else 0 end";
        };
    }

    /** Tiers whose titles count for an action-plan metric (INNOVATIVE covers both bottom rungs). */
    static List<Tier> tiersOfMetric(String metric) {
        return switch (metric) {
            case "INNOVATIVE" -> List.of(Tier.INNOVATIVE, Tier.TECH_INNOVATIVE);
            case "SRDI" -> List.of(Tier.SRDI);
            case "LITTLE_GIANT" -> List.of(Tier.LITTLE_GIANT);
            case "CHAMPION" -> List.of(Tier.CHAMPION);
            default -> List.of();
        };
    }
}

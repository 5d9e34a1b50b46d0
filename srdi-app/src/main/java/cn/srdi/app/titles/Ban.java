package cn.srdi.app.titles;

import cn.srdi.engine.model.Tier;
import java.time.LocalDate;

/**
 * A ban on new applications after a revocation: from {@code startsOn} (inclusive) to
 * {@code endsOn} (exclusive), for one tier or, when {@code tier} is null, every tier.
 */
public record Ban(long id, String creditCode, Tier tier, RevocationGround ground, String reason, LocalDate startsOn,
                  LocalDate endsOn, Long titleId) {

    /** True when the ban forbids applying for the tier on the date. */
    public boolean covers(Tier t, LocalDate on) {
        return (tier == null || tier == t) && !on.isBefore(startsOn) && on.isBefore(endsOn);
    }

    /** Why an application is refused, in Chinese. */
    public String messageZh() {
        return "企业 " + creditCode + " 因“" + ground.zh() + "”被撤销称号，" + startsOn + " 起三年内（至 " + endsOn.minusDays(1)
                + "）不得" + (tier == null ? "申报任何梯度" : "再次申报该梯度");
    }

    /** Why an application is refused, in English. */
    public String messageEn() {
        return "enterprise " + creditCode + " had a title revoked for " + ground.en() + " on " + startsOn
                + " and may not apply " + (tier == null ? "for any tier" : "for this tier again") + " until "
                + endsOn.minusDays(1) + " (3-year ban)";
    }
}

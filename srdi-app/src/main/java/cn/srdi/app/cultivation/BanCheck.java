package cn.srdi.app.cultivation;

import cn.srdi.app.titles.Bans;
import cn.srdi.engine.model.Tier;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Asks the titles module whether a firm is under a ban (3 years after a revocation) before an
 * application is created or submitted, through its public {@link Bans#requireNoBan}, which refuses
 * with a bilingual 409. Cultivation keeps no ban table of its own.
 */
@Component
class BanCheck {

    private final Bans bans;

    BanCheck(Bans bans) {
        this.bans = bans;
    }

    /** Refuses (the titles module's bilingual 409) when the firm may not apply for the tier on the date. */
    void require(String creditCode, Tier tier, LocalDate on) {
        bans.requireNoBan(creditCode, tier, on);
    }
}

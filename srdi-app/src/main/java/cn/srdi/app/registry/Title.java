package cn.srdi.app.registry;

import cn.srdi.engine.model.Tier;
import java.time.LocalDate;

/** A title held (or once held) by a firm, with its recognition and expiry dates. */
public record Title(long id, String creditCode, Tier tier, LocalDate recognisedOn, LocalDate expiresOn,
                    TitleStatus status, String note) {

    /** Validity of recognised titles: three years (GRADING.md, 动态管理). */
    public static final int VALIDITY_YEARS = 3;

    /** True when the title is in force on the given date. */
    public boolean inForceOn(LocalDate date) {
        return status == TitleStatus.ACTIVE && !recognisedOn.isAfter(date)
                && (expiresOn == null || !expiresOn.isBefore(date));
    }
}

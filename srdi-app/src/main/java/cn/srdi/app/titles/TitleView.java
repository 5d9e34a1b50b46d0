package cn.srdi.app.titles;

import cn.srdi.engine.model.Tier;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A title with its after-recognition state, as lists and pages show it.
 *
 * @param reviewStatus the engine's status of the title's tier in the re-review grade (PASS, FAIL, REVIEW), if graded
 * @param decision     the recorded re-review decision (PASS, FAIL, INELIGIBLE), if any
 * @param flagged      the firm has an uncleared missed-update flag
 */
public record TitleView(long id, String creditCode, String firmName, String parkId, Tier tier, LocalDate recognisedOn,
                        LocalDate expiresOn, TitleState state, String reason, Long reviewRunId, String reviewStatus,
                        String reviewRules, LocalDate reviewGradedOn, String decision, LocalDateTime updatedAt,
                        String updatedBy, boolean flagged) {

    /** Days from {@code today} to the expiry (negative when past). */
    public long daysLeft(LocalDate today) {
        return expiresOn == null ? Long.MAX_VALUE : java.time.temporal.ChronoUnit.DAYS.between(today, expiresOn);
    }
}

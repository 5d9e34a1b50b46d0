package cn.srdi.app.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the working-day calendar ({@code srdi.calendar.*}).
 *
 * @param nearFraction    a running SLA clock is NEAR when at most this share of its budget is left (0.25)
 * @param nearWorkingDays … or when at most this many working days are left, whichever is larger (0)
 */
@ConfigurationProperties(prefix = "srdi.calendar")
public record CalendarProperties(Double nearFraction, Integer nearWorkingDays) {

    public CalendarProperties {
        nearFraction = nearFraction == null ? 0.25 : nearFraction;
        nearWorkingDays = nearWorkingDays == null ? 0 : nearWorkingDays;
    }

    /** The threshold as the clock takes it (fails with a bilingual message on bad settings). */
    public SlaClock.NearThreshold near() {
        return new SlaClock.NearThreshold(nearFraction, nearWorkingDays);
    }
}

package cn.srdi.app.titles;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of title management ({@code srdi.titles.*}).
 *
 * @param updateDeadlines  yearly data update deadline ({@code MM-dd}) per ladder rule set
 * @param reminderDays     days before the deadline when firms without the data are reminded
 * @param reviewWindowDays titles expiring within this many days are due for re-review
 * @param banYears         length of a ban after a revocation
 * @param reportMonths     months within which a major change must be reported
 */
@ConfigurationProperties(prefix = "srdi.titles")
public record TitlesProperties(Map<String, String> updateDeadlines, List<Integer> reminderDays, Integer reviewWindowDays,
                               Integer banYears, Integer reportMonths) {

    public TitlesProperties {
        updateDeadlines = updateDeadlines == null || updateDeadlines.isEmpty()
                ? Map.of("cn-2022", "04-30", "cn-2026", "05-31") : Map.copyOf(updateDeadlines);
        reminderDays = reminderDays == null || reminderDays.isEmpty() ? List.of(30, 7) : List.copyOf(reminderDays);
        reviewWindowDays = reviewWindowDays == null ? 180 : reviewWindowDays;
        banYears = banYears == null ? 3 : banYears;
        reportMonths = reportMonths == null ? 3 : reportMonths;
    }
}

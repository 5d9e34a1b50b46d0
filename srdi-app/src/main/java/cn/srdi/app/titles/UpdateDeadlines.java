package cn.srdi.app.titles;

import cn.srdi.app.grading.GradingRules;
import cn.srdi.app.web.BilingualException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Which deadline applies in a year: April 30 under cn-2022 (63号), May 31 under cn-2026 (2号 第十七条),
 * configurable per rule set ({@code srdi.titles.update-deadlines}). The rule set is the ladder rule
 * set the grading module has in force ({@link GradingRules#ladderFor}) on the candidate deadline
 * itself: a candidate counts only when its own rule set is in force that day. So 2025 → cn-2022,
 * April 30; 2026 → cn-2026 (in force from April 1), May 31.
 */
@Component
public class UpdateDeadlines {

    private final GradingRules rules;
    private final Map<String, MonthDay> days = new TreeMap<>();

    UpdateDeadlines(GradingRules rules, TitlesProperties props) {
        this.rules = rules;
        props.updateDeadlines().forEach((set, md) -> {
            try {
                days.put(set, MonthDay.parse("--" + md));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalStateException("srdi.titles.update-deadlines." + set + " must be MM-dd: " + md);
            }
        });
    }

    /** The deadline of a calendar year. */
    public UpdateDeadline of(int year) {
        if (year < 2000 || year > 2200) {
            throw BilingualException.badRequest("年份超出范围：" + year, "year out of range: " + year);
        }
        UpdateDeadline pick = null;
        for (var e : days.entrySet()) {
            LocalDate d = e.getValue().atYear(year);
            String inForce = rules.ladderFor("auto", d).id();
            if (inForce.equals(e.getKey()) && (pick == null || d.isBefore(pick.deadline()))) {
                pick = new UpdateDeadline(year, d, year - 1, inForce);
            }
        }
        if (pick == null) {
            // no configured rule set is in force on its own day: use the one in force at the year's end
            String set = rules.ladderFor("auto", LocalDate.of(year, 12, 31)).id();
            MonthDay md = days.getOrDefault(set, MonthDay.of(5, 31));
            pick = new UpdateDeadline(year, md.atYear(year), year - 1, set);
        }
        return pick;
    }

    /** The latest deadline strictly before {@code today} (the one whose misses are flagged now). */
    public UpdateDeadline lastPassed(LocalDate today) {
        UpdateDeadline d = of(today.getYear());
        return d.deadline().isBefore(today) ? d : of(today.getYear() - 1);
    }

    /** The next deadline on or after {@code today}. */
    public UpdateDeadline next(LocalDate today) {
        UpdateDeadline d = of(today.getYear());
        return d.deadline().isBefore(today) ? of(today.getYear() + 1) : d;
    }
}

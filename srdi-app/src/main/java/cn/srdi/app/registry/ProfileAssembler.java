package cn.srdi.app.registry;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Assembles the profile of one assessment from the registry: the firm's identity, the titles in
 * force on the assessment date, and its yearly indicators. The base is the latest fiscal year
 * before the assessment year (an assessment in 2026 uses fiscal 2025 as "上年"); the earlier
 * years' own figures, when stored, fill the y2/y3 columns ("前年", "大前年") and take precedence
 * over what the base year's row said about them.
 */
public final class ProfileAssembler {

    private ProfileAssembler() {
    }

    /** The base fiscal year for an assessment on the date, among those stored; empty if none. */
    public static Optional<IndicatorYear> baseYear(List<IndicatorYear> years, LocalDate assessmentDate) {
        int limit = assessmentDate.getYear() - 1;
        return years.stream().filter(y -> y.fiscalYear() <= limit).max(Comparator.comparingInt(IndicatorYear::fiscalYear));
    }

    public static Optional<Profile> assemble(Enterprise firm, List<IndicatorYear> years, List<Title> titles,
                                             LocalDate assessmentDate, ApplicationType type) {
        Optional<IndicatorYear> base = baseYear(years, assessmentDate);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Profile p = new Profile();
        put(p, Field.CREDIT_CODE, firm.creditCode());
        put(p, Field.NAME, firm.name());
        put(p, Field.INDUSTRY_CODE, firm.industryCode());
        put(p, Field.REGION_CODE, firm.regionCode());
        put(p, Field.ASSESSMENT_DATE, assessmentDate.toString());
        put(p, Field.APPLICATION_TYPE, type.name());
        StringJoiner held = new StringJoiner(";");
        titles.stream().filter(t -> t.inForceOn(assessmentDate)).map(t -> t.tier().name()).distinct().forEach(held::add);
        put(p, Field.TITLES, held.toString());
        IndicatorYear y1 = base.get();
        for (Map.Entry<String, String> e : y1.values().entrySet()) {
            Field f = Field.byHeader(e.getKey());
            if (f != null && ProfileJson.YEARLY.contains(f)) {
                put(p, f, e.getValue());
            }
        }
        years.stream().filter(y -> y.fiscalYear() == y1.fiscalYear() - 1).findFirst().ifPresent(y2 -> {
            copy(p, y2, Field.REVENUE_Y1, Field.REVENUE_Y2);
            copy(p, y2, Field.MAIN_REVENUE_Y1, Field.MAIN_REVENUE_Y2);
            copy(p, y2, Field.RD_EXPENSE_Y1, Field.RD_EXPENSE_Y2);
        });
        years.stream().filter(y -> y.fiscalYear() == y1.fiscalYear() - 2).findFirst().ifPresent(y3 -> {
            copy(p, y3, Field.REVENUE_Y1, Field.REVENUE_Y3);
            copy(p, y3, Field.MAIN_REVENUE_Y1, Field.MAIN_REVENUE_Y3);
        });
        return Optional.of(p);
    }

    private static void copy(Profile p, IndicatorYear from, Field source, Field target) {
        String v = from.values().get(source.id());
        if (v != null && !v.isBlank()) {
            put(p, target, v);
        }
    }

    private static void put(Profile p, Field f, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        var problem = ProfileValues.parseInto(p, f, value);
        if (problem != null && !problem.warning()) {
            throw new IllegalStateException("registry value of " + f.id() + " does not parse: " + problem.en());
        }
    }
}

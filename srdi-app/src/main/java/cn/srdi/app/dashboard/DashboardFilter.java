package cn.srdi.app.dashboard;

import cn.srdi.engine.reference.IndustryCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of the dashboard pages: a park id and an industry, which is either a focus industry
 * of the parks (VEHICLES, EQUIPMENT, DIGITAL, BIOMEDICINE) or a GB/T 4754 门类 letter (A–T).
 * Blank means all.
 */
public record DashboardFilter(String park, String industry) {

    /** The focus industries of the region (enterprise.focus_industry). */
    public static final List<String> FOCUS = List.of("VEHICLES", "EQUIPMENT", "DIGITAL", "BIOMEDICINE");

    public DashboardFilter {
        park = blank(park) ? null : park.strip();
        industry = blank(industry) ? null : industry.strip().toUpperCase(Locale.ROOT);
        if (industry != null && !FOCUS.contains(industry) && !(industry.length() == 1 && divisions(industry).size() > 0)) {
            throw new IllegalArgumentException("industry must be a focus industry (" + String.join(", ", FOCUS)
                    + ") or a GB/T 4754 section letter: " + industry);
        }
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isSection() {
        return industry != null && industry.length() == 1;
    }

    public boolean isEmpty() {
        return park == null && industry == null;
    }

    /** True when a group of firms (park, focus industry, industry code) passes the filter. */
    boolean matches(String cellPark, String cellFocus, String cellIndustryCode) {
        if (park != null && !park.equals(cellPark)) {
            return false;
        }
        if (industry == null) {
            return true;
        }
        return isSection() ? industry.equals(section(cellIndustryCode)) : industry.equals(cellFocus);
    }

    /**
     * An SQL predicate for this filter on a firm table alias that has {@code park_id} and
     * {@code industry_code} columns, and the enterprise alias {@code e} for the focus industry;
     * adds its arguments to {@code args}.
     */
    String sql(String alias, List<Object> args) {
        StringBuilder sb = new StringBuilder("1 = 1");
        if (park != null) {
            sb.append(" and ").append(alias).append(".park_id = ?");
            args.add(park);
        }
        if (industry != null && !isSection()) {
            sb.append(" and e.focus_industry = ?");
            args.add(industry);
        } else if (isSection()) {
            // codes are stored normalised ("C3670"); codes without the letter are matched by 大类
            List<String> divs = divisions(industry);
            sb.append(" and (").append(alias).append(".industry_code like ? or substr(").append(alias)
                    .append(".industry_code, 1, 2) in (").append(String.join(", ", java.util.Collections.nCopies(divs.size(), "?")))
                    .append("))");
            args.add(industry + "%");
            args.addAll(divs);
        }
        return sb.toString();
    }

    /** The GB/T 4754 门类 letter of an industry code ("C3670" or "3670"), or "?" when unknown. */
    public static String section(String code) {
        if (code == null || code.isEmpty()) {
            return "?";
        }
        char c = code.charAt(0);
        if (c >= 'A' && c <= 'Z') {
            return String.valueOf(c);
        }
        if (code.length() >= 2) {
            String s = IndustryCatalog.standard().sectionOf(code.substring(0, 2));
            if (s != null) {
                return s;
            }
        }
        return "?";
    }

    /** The 大类 (two digits) of a 门类. */
    static List<String> divisions(String section) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            String d = String.format("%02d", i);
            if (section.equals(IndustryCatalog.standard().sectionOf(d))) {
                out.add(d);
            }
        }
        return out;
    }

    /** The 门类 letters of GB/T 4754-2017. */
    public static final Set<String> SECTIONS = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
            "N", "O", "P", "Q", "R", "S", "T");
}

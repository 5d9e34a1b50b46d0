package cn.srdi.engine;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds profiles for tests from column=value text, exactly as a reader would. */
public final class TestProfiles {
    private TestProfiles() {
    }

    /** Parses "col=value;col=value" (blank values clear the column). */
    public static Profile parse(String spec) {
        return parse(toMap(spec));
    }

    public static Map<String, String> toMap(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected column=value: " + part);
            }
            m.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return m;
    }

    public static Profile parse(Map<String, String> cells) {
        Profile p = new Profile().row(2);
        for (Map.Entry<String, String> e : cells.entrySet()) {
            Field f = Field.byHeader(e.getKey());
            if (f == null) {
                throw new IllegalArgumentException("unknown column " + e.getKey());
            }
            if (e.getValue().isEmpty()) {
                p.clear(f);
                continue;
            }
            ProfileValues.CellProblem problem = ProfileValues.parseInto(p, f, e.getValue());
            if (problem != null && !problem.warning()) {
                throw new IllegalArgumentException(e.getKey() + "=" + e.getValue() + ": " + problem.en());
            }
        }
        return p;
    }

    /** Company X of GRADING.md section 10. */
    public static final String COMPANY_X = "credit_code=91350100M000100Y43;name=Company X;industry_code=C3563;"
            + "assessment_date=2026-03-01;revenue_y1=3200;revenue_y2=2800;revenue_y3=2500;"
            + "main_revenue_y1=2900;main_revenue_y2=2550;main_revenue_y3=2300;rd_expense_y1=160;rd_expense_y2=120;"
            + "net_profit_y1=260;total_assets_y1=1000;total_liabilities_y1=520;employees_y1=80;rd_staff_y1=12;"
            + "ip1=2;ip1_self_developed=2;ip2=6;rd_institution_level=MUNICIPAL;digital_level=2;quality_cert=true;"
            + "own_brand=true;niche_years=6;strategic_emerging=true;main_product_field=SIX_BASICS;local_points=5";
}

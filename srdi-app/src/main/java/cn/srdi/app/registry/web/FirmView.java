package cn.srdi.app.registry.web;

import cn.srdi.app.registry.IndicatorYear;
import cn.srdi.engine.model.Field;
import cn.srdi.app.registry.ProfileJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tables of the firm page built from stored firm-years: key figures and every field, one column per fiscal year. */
final class FirmView {

    /** One line of an indicator table: a label and one value per fiscal year. */
    record Line(String id, String label, List<String> values, boolean derived) {
    }

    static final List<Field> KEY_FIELDS = List.of(Field.REVENUE_Y1, Field.MAIN_REVENUE_Y1, Field.RD_EXPENSE_Y1,
            Field.NET_PROFIT_Y1, Field.TOTAL_ASSETS_Y1, Field.TOTAL_LIABILITIES_Y1, Field.EMPLOYEES_Y1, Field.RD_STAFF_Y1);

    private FirmView() {
    }

    static String label(Field f, boolean zh) {
        return zh ? f.zh() : f.id();
    }

    /** Key figures, with the R&D share, main-business share and debt ratio computed per year. */
    static List<Line> keyLines(List<IndicatorYear> years, boolean zh) {
        List<Line> lines = new ArrayList<>();
        for (Field f : KEY_FIELDS) {
            lines.add(line(f, years, zh));
            if (f == Field.RD_EXPENSE_Y1) {
                lines.add(ratio("rd_share", zh ? "研发费用占营业收入比重(%)" : "R&D share of revenue (%)", years,
                        Field.RD_EXPENSE_Y1, Field.REVENUE_Y1));
            }
            if (f == Field.MAIN_REVENUE_Y1) {
                lines.add(ratio("main_share", zh ? "主营业务收入占比(%)" : "main-business share (%)", years,
                        Field.MAIN_REVENUE_Y1, Field.REVENUE_Y1));
            }
            if (f == Field.TOTAL_LIABILITIES_Y1) {
                lines.add(ratio("debt_ratio", zh ? "资产负债率(%)" : "debt ratio (%)", years,
                        Field.TOTAL_LIABILITIES_Y1, Field.TOTAL_ASSETS_Y1));
            }
        }
        return lines;
    }

    /** Every yearly field that any of the years holds, in field order. */
    static List<Line> allLines(List<IndicatorYear> years, boolean zh) {
        List<Line> lines = new ArrayList<>();
        for (Field f : Field.ALL) {
            if (ProfileJson.YEARLY.contains(f) && years.stream().anyMatch(y -> y.values().containsKey(f.id()))) {
                lines.add(line(f, years, zh));
            }
        }
        return lines;
    }

    private static Line line(Field f, List<IndicatorYear> years, boolean zh) {
        List<String> values = new ArrayList<>();
        for (IndicatorYear y : years) {
            values.add(y.values().getOrDefault(f.id(), ""));
        }
        return new Line(f.id(), label(f, zh), values, false);
    }

    private static Line ratio(String id, String label, List<IndicatorYear> years, Field part, Field whole) {
        List<String> values = new ArrayList<>();
        for (IndicatorYear y : years) {
            values.add(percent(y.values(), part, whole));
        }
        return new Line(id, label, values, true);
    }

    static String percent(Map<String, String> v, Field part, Field whole) {
        String a = v.get(part.id());
        String b = v.get(whole.id());
        if (a == null || b == null || new BigDecimal(b).signum() == 0) {
            return "";
        }
        return new BigDecimal(a).multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(b), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}

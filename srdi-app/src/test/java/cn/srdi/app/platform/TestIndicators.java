package cn.srdi.app.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Indicator sets (GRADING.md section 8 columns) for the firms that tests create. */
public final class TestIndicators {

    private TestIndicators() {
    }

    /** A high-tech manufacturer that meets every 2026 SRDI condition (R&D 3.2% and 3.3% of revenue). */
    public static Map<String, String> srdi2026() {
        return srdi2026WithRd("160", "150");
    }

    /**
     * The firm of {@link #srdi2026()} with other R&D expenses (万元) in the last two fiscal years, on
     * revenues of 5000 and 4500: e.g. 140 and 126 give 2.8% in both years, under the 3% the rule asks.
     */
    public static Map<String, String> srdi2026WithRd(String rdY1, String rdY2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("revenue_y1", "5000");
        m.put("revenue_y2", "4500");
        m.put("main_revenue_y1", "4600");
        m.put("main_revenue_y2", "4100");
        m.put("rd_expense_y1", rdY1);
        m.put("rd_expense_y2", rdY2);
        m.put("net_profit_y1", "400");
        m.put("total_assets_y1", "4000");
        m.put("total_liabilities_y1", "1600");
        m.put("total_cost_y1", "4400");
        m.put("employees_y1", "120");
        m.put("rd_staff_y1", "20");
        m.put("tech_staff_y1", "30");
        m.put("niche_years", "6");
        m.put("high_tech", "true");
        m.put("ip1", "3");
        m.put("ip1_applied", "2");
        m.put("market_position_high", "true");
        m.put("platform_score", "70");
        m.put("own_brand", "true");
        m.put("quality_cert", "true");
        return m;
    }
}

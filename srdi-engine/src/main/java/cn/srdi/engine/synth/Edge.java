package cn.srdi.engine.synth;

/**
 * A threshold of GRADING.md on which the generator can place a row exactly, so that the exact
 * decimal handling of rules 2.1–2.3 is exercised. The threshold itself is reported by {@link
 * EdgeCase#threshold()} (scaled by 10^4, in the unit named here).
 */
public enum Edge {
    /** rd_expense_y1 / revenue_y1 exactly at a band edge (percent; at 3% also rd_expense_y1 ≥ 100, and y2 too when large enough). */
    RD_RATIO,
    /** rd_expense_y1 exactly at an amount edge (万元: 100, 200, 300, 400, 500). */
    RD_AMOUNT,
    /** mean(rd_expense_y1, rd_expense_y2) exactly 1000 (万元). */
    RD_MEAN,
    /** total_liabilities_y1 / total_assets_y1 exactly at an edge (percent). */
    DEBT_RATIO,
    /** main_revenue_y1 / revenue_y1 exactly at an edge (percent). */
    MAIN_SHARE,
    /** niche_years exactly 2 or 3 (years). */
    NICHE_YEARS,
    /** product_years exactly 5 or 10 (years). */
    PRODUCT_YEARS,
    /** revenue_y1 exactly 1000, 1500, 5000 or 10000 (万元). */
    REVENUE,
    /** g(main_revenue_y1, main_revenue_y2) exactly 0, 5, 10 or 15 (percent). */
    MAIN_GROWTH,
    /** mean of g(main y1, y2) and g(main y2, y3) exactly 5 or 10 (percent), both years equal. */
    MEAN_GROWTH,
    /** revenue_y1 exactly 1.1025 × revenue_y3, i.e. compound growth 5 (percent). */
    COMPOUND_GROWTH,
    /** rd_staff_y1 / employees_y1 exactly 5, 10, 20 or 50 (percent). */
    RD_STAFF_SHARE,
    /** tech_staff_y1 / employees_y1 exactly 10, 20 or 30 (percent). */
    TECH_STAFF_SHARE,
    /** market_share_pct exactly 10 (percent). */
    MARKET_SHARE,
    /** platform_score exactly 50 or 60. */
    PLATFORM_SCORE,
    /** equity_financing_2y exactly 2000, 6000 or 8000 (万元). */
    EQUITY_2Y,
    /** equity_financing_3y exactly 500 (万元). */
    EQUITY_3Y,
    /** net_profit_y1 / revenue_y1 exactly 2, 4, 6, 8 or 10 (percent). */
    NET_MARGIN,
    /**
     * employees_y1 and revenue_y1 exactly at the SME ceiling of the industry (section 7), which
     * makes the firm LARGE; the threshold is the revenue ceiling (万元).
     */
    SME_CEILING,
    /** employees_y1 = 500, revenue_y1 = 20000 and total_assets_y1 = 20000: the largest technology-based SME (threshold 20000 万元). */
    TECH_SME_SIZE
}

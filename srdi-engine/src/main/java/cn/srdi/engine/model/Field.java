package cn.srdi.engine.model;

import static cn.srdi.engine.model.FieldType.*;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of an assessment profile (GRADING.md section 8), in the order the output and the
 * generator use. Numeric values are held scaled by {@link Decimals#SCALE}.
 */
public enum Field {
    CREDIT_CODE("credit_code", "统一社会信用代码", FieldType.CREDIT_CODE, true),
    NAME("name", "企业名称", TEXT, true),
    INDUSTRY_CODE("industry_code", "行业代码", INDUSTRY, true),
    REGION_CODE("region_code", "行政区划代码", REGION, false),
    ASSESSMENT_DATE("assessment_date", "评价日期", DATE, false),
    APPLICATION_TYPE("application_type", "申报类型", FieldType.APPLICATION_TYPE, false),
    TITLES("titles", "已获称号", FieldType.TITLES, false),
    REVENUE_Y1("revenue_y1", "营业收入(上年)", DECIMAL, true),
    REVENUE_Y2("revenue_y2", "营业收入(前年)", DECIMAL, false),
    REVENUE_Y3("revenue_y3", "营业收入(大前年)", DECIMAL, false),
    MAIN_REVENUE_Y1("main_revenue_y1", "主营业务收入(上年)", DECIMAL, true),
    MAIN_REVENUE_Y2("main_revenue_y2", "主营业务收入(前年)", DECIMAL, false),
    MAIN_REVENUE_Y3("main_revenue_y3", "主营业务收入(大前年)", DECIMAL, false),
    RD_EXPENSE_Y1("rd_expense_y1", "研发费用(上年)", DECIMAL, true),
    RD_EXPENSE_Y2("rd_expense_y2", "研发费用(前年)", DECIMAL, false),
    NET_PROFIT_Y1("net_profit_y1", "净利润", SIGNED_DECIMAL, false),
    TOTAL_ASSETS_Y1("total_assets_y1", "资产总额", DECIMAL, true),
    TOTAL_LIABILITIES_Y1("total_liabilities_y1", "负债总额", DECIMAL, true),
    TOTAL_COST_Y1("total_cost_y1", "成本费用总额", DECIMAL, false),
    EQUITY_FINANCING_2Y("equity_financing_2y", "近2年新增股权融资", DECIMAL, false),
    EQUITY_FINANCING_3Y("equity_financing_3y", "近3年新增股权融资", DECIMAL, false),
    EMPLOYEES_Y1("employees_y1", "从业人员数", INTEGER, true),
    RD_STAFF_Y1("rd_staff_y1", "研发人员数", INTEGER, false),
    TECH_STAFF_Y1("tech_staff_y1", "科技人员数", INTEGER, false),
    NICHE_YEARS("niche_years", "从事细分市场年限", DECIMAL, false),
    PRODUCT_YEARS("product_years", "主导产品从事年限", DECIMAL, false),
    NEW_PRODUCT("new_product", "是否新产品", BOOLEAN, false),
    STRATEGIC_EMERGING("strategic_emerging", "属于战略性新兴产业", BOOLEAN, false),
    MAIN_PRODUCT_FIELD("main_product_field", "主导产品所属领域", FieldType.MAIN_PRODUCT_FIELD, false),
    KEY_FIELD("key_field", "属于重点领域", DECLARATION, false),
    CHAIN_KEY_LINK("chain_key_link", "位于产业链关键环节", DECLARATION, false),
    MARKET_SHARE_PCT("market_share_pct", "细分市场占有率(%)", DECIMAL, false),
    MARKET_RANK_DOMESTIC("market_rank_domestic", "国内细分市场排名", INTEGER, false),
    MARKET_RANK_GLOBAL("market_rank_global", "全球细分市场排名", INTEGER, false),
    MARKET_POSITION_HIGH("market_position_high", "市场占有率较为靠前", DECLARATION, false),
    OWN_BRAND("own_brand", "自主品牌", BOOLEAN, false),
    IP1("ip1", "Ⅰ类知识产权", INTEGER, false),
    IP1_SELF_DEVELOPED("ip1_self_developed", "Ⅰ类知识产权(自主研发)", INTEGER, false),
    IP1_HIGH_VALUE("ip1_high_value", "Ⅰ类知识产权(高价值)", INTEGER, false),
    IP1_APPLIED("ip1_applied", "Ⅰ类知识产权(已实施并产生效益)", INTEGER, false),
    IP1_OWN_TOP3("ip1_own_top3", "Ⅰ类知识产权(非受让且排名前三)", INTEGER, false),
    IP2("ip2", "Ⅱ类知识产权", INTEGER, false),
    DIGITAL_LEVEL("digital_level", "数字化水平等级", INTEGER, false),
    QUALITY_AWARD("quality_award", "省级以上质量奖", BOOLEAN, false),
    QUALITY_CERT("quality_cert", "质量管理体系认证", BOOLEAN, false),
    STANDARD_DRAFTING("standard_drafting", "参与制修订标准", BOOLEAN, false),
    STANDARD_LED("standard_led", "主导制定标准", BOOLEAN, false),
    INFO_SYSTEM_PROCESSES("info_system_processes", "信息系统支撑的核心业务环节数", INTEGER, false),
    HIGH_TECH("high_tech", "高新技术企业", BOOLEAN, false),
    INNOVATION_HONOR("innovation_honor", "技术创新示范或知识产权优势(示范)企业", BOOLEAN, false),
    RD_INSTITUTION_LEVEL("rd_institution_level", "研发机构级别", RD_INSTITUTION, false),
    NATIONAL_AWARD_RANK("national_award_rank", "近3年国家级科技奖励排名", INTEGER, false),
    PROVINCIAL_AWARD_RANK("provincial_award_rank", "近3年省部级科技奖励排名", INTEGER, false),
    MAKER_CHINA_RANK("maker_china_rank", "近3年\"创客中国\"全国排名", INTEGER, false),
    LOCAL_POINTS("local_points", "特色化指标得分", INTEGER, false),
    PLATFORM_SCORE("platform_score", "专精特新发展评价得分(本年)", DECIMAL, false),
    PLATFORM_SCORE_PREV("platform_score_prev", "专精特新发展评价得分(上年)", DECIMAL, false),
    CHAMPION_QUALITATIVE("champion_qualitative", "单项冠军定性条件", DECLARATION, false),
    ABNORMAL_OPERATION("abnormal_operation", "经营异常", BOOLEAN, false),
    SERIOUSLY_UNTRUSTWORTHY("seriously_untrustworthy", "严重失信", BOOLEAN, false),
    PROHIBITED_INDUSTRY("prohibited_industry", "禁限淘汰类", BOOLEAN, false),
    MAJOR_INCIDENT_3Y("major_incident_3y", "近3年重大事故", BOOLEAN, false),
    TAX_VIOLATION_3Y("tax_violation_3y", "近3年偷漏税", BOOLEAN, false);

    /** The fields in declaration order (a shared copy: do not modify). */
    public static final Field[] ALL = values();

    private static final Map<String, Field> BY_HEADER = new HashMap<>();

    static {
        for (Field f : ALL) {
            BY_HEADER.put(f.id, f);
            BY_HEADER.put(normaliseHeader(f.zh), f);
        }
        // Chinese labels with the common alternative punctuation of spreadsheets.
        BY_HEADER.put("统一社会信用代码(18位)", CREDIT_CODE);
    }

    private final String id;
    private final String zh;
    private final FieldType type;
    private final boolean required;

    Field(String id, String zh, FieldType type, boolean required) {
        this.id = id;
        this.zh = zh;
        this.type = type;
        this.required = required;
    }

    public String id() {
        return id;
    }

    public String zh() {
        return zh;
    }

    public FieldType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    /** True for fields whose value lives in the numeric slots of a {@link Profile}. */
    public boolean numericSlot() {
        return switch (type) {
            case TEXT, CREDIT_CODE, INDUSTRY, REGION, TITLES -> false;
            default -> true;
        };
    }

    /** Finds a column by its English id or Chinese label (case- and width-insensitive); null if unknown. */
    public static Field byHeader(String header) {
        if (header == null) {
            return null;
        }
        Field f = BY_HEADER.get(header.trim().toLowerCase(Locale.ROOT));
        return f != null ? f : BY_HEADER.get(normaliseHeader(header));
    }

    private static String normaliseHeader(String h) {
        return h.trim()
                .replace('（', '(')
                .replace('）', ')')
                .replace('“', '"')
                .replace('”', '"')
                .replace(" ", "")
                .toLowerCase(Locale.ROOT);
    }
}

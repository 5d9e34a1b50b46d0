package cn.srdi.engine.synth;

/**
 * A realistic data-entry mistake the generator can put into a row. Every mistake makes the row
 * invalid under GRADING.md section 8 (a type, range or consistency rule is broken), so a reader
 * must reject the row whole.
 */
public enum Mistake {
    /** Last character of the credit code does not match GB 32100-2015. */
    BAD_CHECK_CHARACTER(12, "统一社会信用代码校验码错误", "credit code check character wrong"),
    /** Credit code typed with 17 characters, or with the letter O for a zero. */
    CREDIT_CODE_TYPO(3, "统一社会信用代码录入错误(位数或字母O)", "credit code mistyped (length or letter O)"),
    /** A credit code already used by an earlier (valid) row of the same file. */
    DUPLICATE_CREDIT_CODE(6, "统一社会信用代码与前面的行重复", "credit code repeats an earlier row"),
    /** Main-business revenue above total revenue of the same year. */
    MAIN_REVENUE_ABOVE_REVENUE(10, "主营业务收入大于营业收入", "main revenue above revenue"),
    /** A negative amount in a column that must be ≥ 0. */
    NEGATIVE_NUMBER(8, "不应为负的数值填了负数", "negative number in a non-negative column"),
    /** Text such as N/A or 无 in a numeric column. */
    NOT_A_NUMBER(10, "数值列填了文字(如 N/A、无)", "text such as N/A in a numeric column"),
    /** A floating-point artefact with more than four decimals ("3456.1200000001"). */
    TOO_MANY_DECIMALS(4, "小数位数超过4位", "more than four decimals"),
    /** A head count with decimals. */
    INTEGER_WITH_DECIMALS(3, "人数填了小数", "head count with decimals"),
    /** An industry code whose 大类 does not exist or that is malformed. */
    UNKNOWN_INDUSTRY(5, "行业代码大类不存在或格式错误", "industry code with an unknown division or malformed"),
    /** An industry code with the wrong 门类 letter ("I3670"). */
    WRONG_SECTION_LETTER(3, "行业代码门类字母错误", "industry code with the wrong section letter"),
    /** digital_level outside 0–4 (e.g. 7). */
    DIGITAL_LEVEL_OUT_OF_RANGE(4, "数字化水平等级超出0至4", "digital level outside 0-4"),
    /** R&D or technical staff above total employees. */
    STAFF_ABOVE_EMPLOYEES(6, "研发/科技人员数大于从业人员数", "R&D or technical staff above employees"),
    /** A word such as 待定 in a yes/no column. */
    TEXT_IN_BOOLEAN(8, "是否列填了其他文字(如 待定)", "text such as 待定 in a yes/no column"),
    /** A subset of Ⅰ类 IP (self-developed, high-value, applied, own top 3) above the total. */
    IP_SUBSET_ABOVE_TOTAL(4, "Ⅰ类知识产权分项大于总数", "IP subset above the Ⅰ类 total"),
    /** Equity financing of the last 2 years above that of the last 3 years. */
    EQUITY_2Y_ABOVE_3Y(3, "近2年股权融资大于近3年", "2-year equity financing above 3-year"),
    /** A required cell left blank. */
    MISSING_REQUIRED(6, "必填项为空", "required cell blank"),
    /** Total assets 0. */
    ZERO_ASSETS(2, "资产总额为0", "total assets 0"),
    /** A rank of 0. */
    RANK_ZERO(2, "排名填了0", "rank 0"),
    /** A percentage or score above 100. */
    PERCENT_OUT_OF_RANGE(2, "百分比或得分超过100", "percentage or score above 100"),
    /** A date that does not exist (2025-02-29). */
    IMPOSSIBLE_DATE(2, "日期不存在", "date does not exist"),
    /** A region code that is not six digits. */
    BAD_REGION_CODE(2, "行政区划代码不是6位数字", "region code not six digits"),
    /** An enumeration value outside the list (研发机构 "区级"). */
    UNKNOWN_ENUM_VALUE(2, "枚举值不在可选范围内", "value outside the enumeration");

    private final int weight;
    private final String zh;
    private final String en;

    Mistake(int weight, String zh, String en) {
        this.weight = weight;
        this.zh = zh;
        this.en = en;
    }

    /** Relative frequency among mistakes. */
    public int weight() {
        return weight;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}

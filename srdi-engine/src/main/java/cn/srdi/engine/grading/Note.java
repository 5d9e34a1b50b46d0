package cn.srdi.engine.grading;

/** Machine-readable notes attached to a condition result; each has a bilingual explanation. */
public enum Note {
    NOT_PROVIDED("有输入项未填写，按0或否处理", "an input was blank and was taken as 0 or false"),
    UNDEFINED_RATIO("分母为0或缺失，比率无定义", "the denominator is zero or missing, so the ratio is undefined"),
    UNDECLARED("企业未声明，需人工审核", "not declared by the enterprise; a person must review it"),
    NOT_AVAILABLE("外部评价得分尚未提供，需待评价结果", "the external evaluation score is not available yet"),
    NOT_APPLICABLE("本次评价不适用此条件", "this condition does not apply to this assessment"),
    EXEMPT("符合豁免条件", "exempt under the rules"),
    CLAMPED("超出取值范围，已截取到允许范围", "outside its range; clamped"),
    LARGE_ENTERPRISE("按工信部联企业〔2011〕300号属大型企业", "a large enterprise under the 2011 size rules"),
    PREVIOUS_SCORE_USED("复核采用上年评价得分", "re-review used last year's platform score"),
    RD_BAND_NOT_MET("研发投入未达到对应营业收入档次的要求", "R&D input does not meet the requirement of its revenue band"),
    NO_RD_INSTITUTION("未建立研发机构", "no R&D institution"),
    TOO_FEW_APPLIED_IP("已实施并产生效益的Ⅰ类知识产权不足", "too few Class I IP rights applied with benefit"),
    Y1_NOT_MET("上年度未达到要求", "the last fiscal year does not meet it"),
    Y2_NOT_MET("前一年度未达到要求", "the year before does not meet it");

    private final String zh;
    private final String en;

    Note(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    static final Note[] ALL = values();
}

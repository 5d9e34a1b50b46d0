package cn.srdi.app.cultivation;

/** What an actor does to a case; {@link Transitions} says from which states and to which. */
public enum CaseAction {
    SUBMIT("提交申报", "submit"),
    PASS("审核通过", "pass the review"),
    RETURN("退回补正", "return for correction"),
    RESUBMIT("补正后重新提交", "resubmit after correction"),
    REVIEWS_COMPLETE("专家评审完成", "complete the expert reviews"),
    APPROVE("决定拟认定", "approve"),
    REJECT("决定不予认定", "reject"),
    PUBLISH("发布公示", "publish on notice"),
    OBJECT("提出异议", "raise an objection"),
    DISMISS_OBJECTION("异议不成立", "dismiss the objection"),
    UPHOLD_OBJECTION("异议成立", "uphold the objection"),
    RECOGNISE("认定", "recognise"),
    WITHDRAW("撤回申报", "withdraw"),
    /** The daily job: a returned case not resubmitted by its correction deadline is deemed withdrawn (逾期未补正，视为撤回). */
    EXPIRE_CORRECTION("逾期未补正，视为撤回", "close as withdrawn: correction deadline missed");

    private final String zh;
    private final String en;

    CaseAction(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}

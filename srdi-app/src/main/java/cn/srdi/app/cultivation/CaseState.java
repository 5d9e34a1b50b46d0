package cn.srdi.app.cultivation;

/** The state of an application case (申报案件); transitions only through {@link Transitions}. */
public enum CaseState {
    DRAFT("草稿", "draft"),
    DISTRICT_REVIEW("区县初审", "district review"),
    MUNICIPAL_REVIEW("市级复审", "municipal review"),
    EXPERT_REVIEW("专家评审", "expert review"),
    DECISION("待决定", "awaiting decision"),
    RETURNED("退回补正", "returned for correction"),
    APPROVED("拟认定", "approved, awaiting notice"),
    NOTICE("公示中", "on public notice"),
    OBJECTED("异议暂停", "paused by an objection"),
    RECOGNISED("已认定", "recognised"),
    REJECTED("未通过", "rejected"),
    WITHDRAWN("已撤回", "withdrawn");

    private final String zh;
    private final String en;

    CaseState(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** True for the end states (no action leaves them). */
    public boolean terminal() {
        return this == RECOGNISED || this == REJECTED || this == WITHDRAWN;
    }

    /** The review stage this state stands for, or null. */
    public ReviewStage stage() {
        return switch (this) {
            case DISTRICT_REVIEW -> ReviewStage.DISTRICT;
            case MUNICIPAL_REVIEW -> ReviewStage.MUNICIPAL;
            case EXPERT_REVIEW -> ReviewStage.EXPERT;
            default -> null;
        };
    }
}

package cn.srdi.app.cultivation;

/** A review stage of a round's flow, in this order: district initial review, municipal review, expert review. */
public enum ReviewStage {
    DISTRICT("区县初审", "district initial review"),
    MUNICIPAL("市级复审", "municipal review"),
    EXPERT("专家评审", "expert review");

    private final String zh;
    private final String en;

    ReviewStage(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The case state of this stage. */
    public CaseState state() {
        return switch (this) {
            case DISTRICT -> CaseState.DISTRICT_REVIEW;
            case MUNICIPAL -> CaseState.MUNICIPAL_REVIEW;
            case EXPERT -> CaseState.EXPERT_REVIEW;
        };
    }
}

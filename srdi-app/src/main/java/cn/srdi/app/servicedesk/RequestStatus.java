package cn.srdi.app.servicedesk;

/** The states of a request (诉求状态). */
public enum RequestStatus {
    /** 待受理: raised by the firm (or re-routed), waiting for a department to accept it. */
    SUBMITTED("待受理", "Submitted"),
    /** 已受理: a department took it on; no reply yet. */
    ACCEPTED("已受理", "Accepted"),
    /** 已答复: the department has replied at least once and works on it. */
    REPLIED("处理中", "Replied"),
    /** 待企业补充: the department asked the firm for more; the SLA clock is paused. */
    WAITING_FIRM("待企业补充", "Waiting for the firm"),
    /** 已办结: resolved by the department; the firm confirms or reopens within the confirmation window. */
    RESOLVED("已办结", "Resolved"),
    /** 已关闭: confirmed (and rated) by the firm, or closed by itself after the window. */
    CLOSED("已关闭", "Closed");

    private final String zh;
    private final String en;

    RequestStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String label(boolean zhFirst) {
        return zhFirst ? zh : en;
    }

    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }
}

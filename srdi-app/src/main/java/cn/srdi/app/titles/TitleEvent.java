package cn.srdi.app.titles;

/** What moves a title from one state to another (see {@link Transitions}). */
public enum TitleEvent {
    FLAG_UPDATE_MISSED("标记未按期更新数据", "flag: yearly update missed"),
    CLEAR_FLAG("撤销标记", "clear the flag"),
    OPEN_REVIEW("启动复核", "open re-review"),
    PASS_REVIEW("复核通过", "pass re-review"),
    FAIL_REVIEW("复核不通过", "fail re-review"),
    DECLINE_REVIEW("不予复核（无复核资格）", "decline re-review (not eligible)"),
    LAPSE("到期失效", "lapse at expiry"),
    REVOKE("撤销称号", "revoke");

    private final String zh;
    private final String en;

    TitleEvent(String zh, String en) {
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

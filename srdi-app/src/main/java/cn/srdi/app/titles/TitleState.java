package cn.srdi.app.titles;

import cn.srdi.app.registry.TitleStatus;

/** The after-recognition state of a title (动态管理). */
public enum TitleState {
    /** 有效: recognised and in force. */
    IN_FORCE("有效", "in force", false),
    /** 已标记（未按期更新数据，丧失复核资格）: still in force until expiry, but no re-review. */
    FLAGGED("已标记：未按期更新", "flagged: update missed", false),
    /** 复核中. */
    UNDER_REVIEW("复核中", "under re-review", false),
    /** 复核未通过（到期后失效）. */
    REVIEW_FAILED("复核未通过", "re-review failed", false),
    /** 已失效（到期未通过复核）. */
    LAPSED("已失效", "lapsed", true),
    /** 已撤销. */
    REVOKED("已撤销", "revoked", true);

    private final String zh;
    private final String en;
    private final boolean terminal;

    TitleState(String zh, String en, boolean terminal) {
        this.zh = zh;
        this.en = en;
        this.terminal = terminal;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** No transition leaves this state. */
    public boolean terminal() {
        return terminal;
    }

    /** The title is still held (in force until its expiry date). */
    public boolean held() {
        return !terminal;
    }

    /** The registry status a title in this state has. */
    public TitleStatus registryStatus() {
        return switch (this) {
            case LAPSED -> TitleStatus.EXPIRED;
            case REVOKED -> TitleStatus.REVOKED;
            default -> TitleStatus.ACTIVE;
        };
    }

    /** The state of a title that has no after-recognition record yet. */
    public static TitleState of(TitleStatus status) {
        return switch (status) {
            case ACTIVE -> IN_FORCE;
            case EXPIRED -> LAPSED;
            case REVOKED -> REVOKED;
        };
    }
}

package cn.srdi.app.titles;

/**
 * Grounds for revoking a title (GRADING.md criteria-sources §2.5 and the 2026 办法): each bans a new
 * application for 3 years; data fraud revokes every title of the firm at once.
 */
public enum RevocationGround {
    /** 重大安全（含网络和数据安全）、质量、环境污染事故. */
    ACCIDENT("发生重大安全（含网络和数据安全）、质量或环境污染事故", "a major safety (incl. network and data), quality or environmental accident"),
    /** 严重失信. */
    UNTRUSTWORTHY("严重失信", "seriously untrustworthy"),
    /** 偷漏税等违法违规. */
    TAX_EVASION("偷漏税等违法违规", "tax evasion or similar violations"),
    /** 数据造假: every title revoked. */
    DATA_FRAUD("数据造假", "data fraud");

    private final String zh;
    private final String en;

    RevocationGround(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Data fraud revokes every title the firm holds, and the ban covers every tier. */
    public boolean revokesEveryTitle() {
        return this == DATA_FRAUD;
    }
}

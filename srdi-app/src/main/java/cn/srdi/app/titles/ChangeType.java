package cn.srdi.app.titles;

/** Kinds of major change a title holder reports within 3 months (重大变更). */
public enum ChangeType {
    RENAME("更名", "rename"),
    MERGER("兼并重组", "merger or acquisition"),
    RELOCATION("迁址", "relocation"),
    FOREIGN_BRANCH("设立境外分支机构", "foreign branch");

    private final String zh;
    private final String en;

    ChangeType(String zh, String en) {
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

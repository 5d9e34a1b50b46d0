package cn.srdi.app.servicedesk;

/** What can be done to a request; each is a guarded transition of {@link Transitions}. */
public enum RequestAction {
    ACCEPT("受理", "accept", Actor.DEPARTMENT),
    DECLINE("退回（转统筹）", "decline (to the coordinator)", Actor.DEPARTMENT),
    TRANSFER("转办", "transfer", Actor.DEPARTMENT),
    REPLY("答复", "reply", Actor.DEPARTMENT),
    ASK_MORE("请企业补充", "ask the firm for more", Actor.DEPARTMENT),
    RESOLVE("办结", "resolve", Actor.DEPARTMENT),
    SUPPLY("补充材料", "supply more", Actor.FIRM),
    CONFIRM("确认并评价", "confirm and rate", Actor.FIRM),
    REOPEN("重新办理", "reopen", Actor.FIRM),
    AUTO_CLOSE("自动关闭", "close by itself", Actor.SYSTEM);

    /** Who may take the action. */
    public enum Actor {
        FIRM, DEPARTMENT, SYSTEM
    }

    private final String zh;
    private final String en;
    private final Actor actor;

    RequestAction(String zh, String en, Actor actor) {
        this.zh = zh;
        this.en = en;
        this.actor = actor;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public Actor actor() {
        return actor;
    }

    public String label(boolean zhFirst) {
        return zhFirst ? zh : en;
    }

    /** Parses an action name as given in a URL or form (case-insensitive, '-' for '_'). */
    public static RequestAction parse(String text) {
        if (text != null) {
            String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            for (RequestAction a : values()) {
                if (a.name().equals(t)) {
                    return a;
                }
            }
        }
        throw cn.srdi.app.web.BilingualException.badRequest("未知的操作“" + text + "”",
                "unknown action '" + text + "'");
    }
}

package cn.srdi.app.servicedesk;

/** The categories of a request (诉求类别). */
public enum Category {
    FINANCE("融资需求", "Finance"),
    TALENT("人才需求", "Talent"),
    LAND("用地用房", "Land and premises"),
    TECHNOLOGY("科技创新", "Technology"),
    MARKET("市场开拓", "Market"),
    POLICY("政策咨询", "Policy consultation"),
    PERMITS("审批许可", "Permits"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    Category(String zh, String en) {
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

    /** Parses a category name (case-insensitive), with a bilingual error naming the field. */
    public static Category parse(String text, String field) {
        if (text != null) {
            String t = text.trim().toUpperCase(java.util.Locale.ROOT);
            for (Category c : values()) {
                if (c.name().equals(t)) {
                    return c;
                }
            }
        }
        throw cn.srdi.app.web.BilingualException.badRequest(
                field + "：类别“" + text + "”无效，应为 " + java.util.Arrays.toString(values()),
                field + ": category '" + text + "' is invalid, expected one of " + java.util.Arrays.toString(values()));
    }
}

package cn.srdi.app.identity;

/** The roles of the platform (see README, "Demo users"). */
public enum Role {
    /** 系统管理员: everything, user administration, the audit trail. */
    ADMIN("系统管理员", "Administrator"),
    /** 主管部门官员 (经信委, 中小企业主管部门): the whole region. */
    OFFICIAL("主管部门", "Official"),
    /** 园区运营方: the firms of its parks only. */
    PARK_OPERATOR("园区运营方", "Park operator"),
    /** 企业: its own firm only. */
    ENTERPRISE("企业", "Enterprise"),
    /** 金融机构 (banks, brokers, guarantors): public firm cards and aggregates only. */
    FINANCE("金融机构", "Financial institution"),
    /** 职能部门经办人: public firm cards with contacts (to serve requests). */
    HANDLER("职能部门", "Department handler"),
    /** 评审专家: assigned applications only. */
    EXPERT("评审专家", "Expert reviewer");

    private final String zh;
    private final String en;

    Role(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}

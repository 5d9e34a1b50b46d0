package cn.srdi.engine.model;

/** 研发机构级别, ordered from none to national so that "≥ PROVINCIAL" is an ordinal comparison. */
public enum RdInstitutionLevel {
    NONE("无"),
    BELOW_MUNICIPAL("市级以下"),
    MUNICIPAL("市级"),
    PROVINCIAL("省级"),
    NATIONAL("国家级");

    private final String zh;

    RdInstitutionLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}

package cn.srdi.engine.model;

/** 申报类型: a new application or a re-review (复核) of a title held. */
public enum ApplicationType {
    NEW("新申报"),
    REVIEW("复核");

    private final String zh;

    ApplicationType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}

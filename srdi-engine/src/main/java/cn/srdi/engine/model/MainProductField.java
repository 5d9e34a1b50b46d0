package cn.srdi.engine.model;

/** 主导产品所属领域. */
public enum MainProductField {
    OTHER("其他"),
    SIX_BASICS("工业六基"),
    CHAIN_KEY("产业链关键领域");

    private final String zh;

    MainProductField(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}

package cn.srdi.engine.model;

/** Enterprise size class of 工信部联企业〔2011〕300号. */
public enum SizeClass {
    LARGE("大型"),
    MEDIUM("中型"),
    SMALL("小型"),
    MICRO("微型");

    private final String zh;

    SizeClass(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}

package cn.srdi.engine.synth;

/** The first four SRDI industrial parks of 两江新区 (licensed 2022-04-29). */
public enum Park {
    LIJIA("礼嘉"),
    ZHAOMUSHAN("照母山"),
    DADI("大地"),
    TIANHAIXING("天海星");

    private final String zh;

    Park(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}

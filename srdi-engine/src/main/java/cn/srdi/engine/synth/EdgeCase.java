package cn.srdi.engine.synth;

/** Which threshold a generated row sits on: the edge and its value, scaled by 10^4. */
public record EdgeCase(Edge edge, long threshold) {
}

package cn.srdi.engine.grading;

/** What a condition does for its tier. */
public enum Role {
    /** Must hold: FAIL makes the tier FAIL, REVIEW makes it REVIEW. */
    GATE,
    /** One of several routes (a direct condition, or the score); PASS or NOT_MET. */
    ALTERNATIVE,
    /** A scored indicator: always evaluated, contributes points. */
    INDICATOR
}

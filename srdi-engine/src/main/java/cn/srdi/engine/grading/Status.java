package cn.srdi.engine.grading;

/**
 * Status of a condition or a tier (GRADING.md rule 2.8). {@code NOT_MET} is used only for an
 * alternative route that does not hold while the tier is decided otherwise; it never decides a tier.
 */
public enum Status {
    PASS, FAIL, REVIEW, NOT_MET
}

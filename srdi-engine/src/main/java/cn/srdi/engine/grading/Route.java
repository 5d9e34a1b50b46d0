package cn.srdi.engine.grading;

/** How a tier with both direct conditions and a score was passed (GRADING.md rule 2.7 and 5.1). */
public enum Route {
    DIRECT, SCORE, INNOVATIVE_DIRECT, INNOVATIVE_SCORE, TECH_SME_DIRECT, TECH_SME_SCORE
}

package cn.srdi.engine.grading;

/**
 * The static description of a condition in a rule set: id, role, scoring dimension, maximum points,
 * labels, what is required (a number, a text, or null for indicators), how the actual value compares
 * with a numeric requirement ({@code ">="} or {@code "<="}), how to read the actual value and in
 * which unit ("%", "万元", "年", …).
 */
public record ConditionDef(String id, Role role, String dimension, int max, String labelZh, String labelEn,
                           Object required, String op, ActualKind kind, String unit) {
}

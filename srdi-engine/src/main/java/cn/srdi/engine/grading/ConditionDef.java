package cn.srdi.engine.grading;

/**
 * The static description of a condition in a rule set: id, role, scoring dimension, maximum points,
 * labels, what is required (a number, a text, or null for indicators), how to read its actual value
 * and in which unit ("%", "万元", "年", …).
 */
public record ConditionDef(String id, Role role, String dimension, int max, String labelZh, String labelEn,
                           Object required, ActualKind kind, String unit) {
}

package cn.srdi.engine.grading;

/**
 * What separates a firm from a condition of the next rung: the condition, the actual and required
 * values, and the smallest change that closes it, in the firm's own units, in Chinese and English.
 */
public record Gap(String id, Status status, Object actual, Object required, String hintZh, String hintEn) {
}

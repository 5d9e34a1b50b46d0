package cn.srdi.engine.grading;

/**
 * One way to earn more points on a scored tier: what to change (in the firm's own units), how many
 * points it brings, and a rough effort (the relative change it needs) used to list the cheapest first.
 */
record ScoreOption(String id, String zh, String en, int gain, double effort) {
}

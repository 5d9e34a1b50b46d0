package cn.srdi.app.registry;

import java.util.Map;

/** The indicators of one firm for one fiscal year: GRADING.md §8 field id to canonical value. */
public record IndicatorYear(String creditCode, int fiscalYear, Map<String, String> values) {
}

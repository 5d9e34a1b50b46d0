package cn.srdi.app.grading;

import cn.srdi.app.web.BilingualException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules a grade is computed under: the rule selection ({@code auto} or rule-set ids, as the
 * engine's {@code Grader} takes them) and sandbox settings (engine keys, {@code KEY} or
 * {@code ruleSetId:KEY}, to values). Settings are kept sorted so equal choices are equal.
 */
public record RuleChoice(String rules, Map<String, String> settings) {

    public RuleChoice {
        rules = rules == null || rules.isBlank() ? "auto" : rules.strip();
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    public static RuleChoice auto() {
        return new RuleChoice("auto", Map.of());
    }

    public static RuleChoice of(String rules) {
        return new RuleChoice(rules, Map.of());
    }

    public boolean hasSettings() {
        return !settings.isEmpty();
    }

    /** The settings as {@code KEY=VALUE} lines, sorted (the form stored in {@code grade_run.settings}); null when none. */
    public String settingsText() {
        if (settings.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        settings.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /**
     * Parses {@code KEY=VALUE} lines (blank lines and {@code #} comments ignored). A line without
     * {@code =} or with an empty key or value is refused with a bilingual message.
     */
    public static Map<String, String> parseSettings(String text) {
        Map<String, String> m = new TreeMap<>();
        if (text == null) {
            return m;
        }
        int no = 0;
        for (String raw : text.split("\\R")) {
            no++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw BilingualException.badRequest("第" + no + "行应为 键=值：" + line,
                        "line " + no + " must be KEY=VALUE: " + line);
            }
            m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return m;
    }
}

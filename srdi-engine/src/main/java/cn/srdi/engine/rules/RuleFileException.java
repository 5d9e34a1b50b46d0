package cn.srdi.engine.rules;

/**
 * A rule-set file (or overlay, or a sandbox setting) is malformed. The message names the file, the
 * line when known, the key and the problem, in Chinese and English. Rule files are validated when
 * loaded, so a bad file fails at start and never during grading.
 */
public class RuleFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleFileException(String source, int line, String key, String zh, String en) {
        super(place(source, line, key) + ": " + zh + " / " + en);
    }

    private static String place(String source, int line, String key) {
        StringBuilder sb = new StringBuilder("规则文件 rule file ").append(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (key != null) {
            sb.append(" [").append(key).append(']');
        }
        return sb.toString();
    }
}

package cn.srdi.engine.rules;

import cn.srdi.engine.model.Decimals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one rule set, read from a {@code .rules} file: one {@code key = value} per
 * line, {@code #} comments, UTF-8. Typed getters validate as they read and remember which keys were
 * used, so that after a rule set is built an unused (misspelt) key is an error too.
 */
public final class RuleParams {

    /** A value with where it came from, for error messages. */
    record Entry(String value, String source, int line) {
    }

    private final Map<String, Entry> entries;
    private final String source;
    private final Set<String> used = new HashSet<>();

    private RuleParams(String source, Map<String, Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    /** Parses a rule file; duplicate keys and lines without {@code =} are errors. */
    public static RuleParams parse(String source, Reader reader) {
        Map<String, Entry> map = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq <= 0) {
                    throw new RuleFileException(source, no, null, "应为 键 = 值 的形式", "expected a line of the form key = value");
                }
                String key = t.substring(0, eq).strip();
                String value = t.substring(eq + 1).strip();
                int hash = value.indexOf(" #");
                if (hash >= 0) {
                    value = value.substring(0, hash).strip();
                }
                if (value.isEmpty()) {
                    throw new RuleFileException(source, no, key, "值为空", "empty value");
                }
                Entry previous = map.put(key, new Entry(value, source, no));
                if (previous != null) {
                    throw new RuleFileException(source, no, key, "键重复(首次出现在第" + previous.line() + "行)",
                            "duplicate key (first on line " + previous.line() + ")");
                }
            }
        } catch (IOException e) {
            throw new RuleFileException(source, 0, null, "无法读取: " + e.getMessage(), "cannot be read: " + e.getMessage());
        }
        return new RuleParams(source, map);
    }

    public String source() {
        return source;
    }

    /**
     * A copy of these parameters with the given overrides applied. Every overridden key must already
     * exist (an overlay changes thresholds; it cannot invent new ones).
     */
    public RuleParams with(Map<String, String> overrides, String overrideSource) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (!copy.containsKey(o.getKey())) {
                throw new RuleFileException(overrideSource, 0, o.getKey(),
                        "规则集 " + get("id") + " 中没有这个键", "rule set " + get("id") + " has no such key");
            }
            copy.put(o.getKey(), new Entry(o.getValue().strip(), overrideSource, 0));
        }
        return new RuleParams(source, copy);
    }

    /** Raw entries with their values, in file order (for overlays and documentation). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach((k, e) -> m.put(k, e.value()));
        return m;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The raw string value of a key that must exist. */
    public String get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new RuleFileException(source, 0, key, "缺少必需的键", "required key is missing");
        }
        used.add(key);
        return e.value();
    }

    /** A decimal (scaled by 10^4), e.g. a percentage or an amount in 万元. */
    public long decimal(String key) {
        String v = get(key);
        try {
            return Decimals.parse(v);
        } catch (NumberFormatException ex) {
            throw fail(key, "应为数字(最多4位小数)，而不是 \"" + v + "\"", "expected a number with at most 4 decimals, not \"" + v + "\"");
        }
    }

    /** A non-negative decimal. */
    public long nonNegative(String key) {
        long v = decimal(key);
        if (v < 0) {
            throw fail(key, "不能为负数", "must not be negative");
        }
        return v;
    }

    /** A whole number of points or a rank. */
    public int integer(String key) {
        String v = get(key);
        try {
            int i = Integer.parseInt(v);
            if (i < 0) {
                throw fail(key, "不能为负数", "must not be negative");
            }
            return i;
        } catch (NumberFormatException ex) {
            throw fail(key, "应为整数，而不是 \"" + v + "\"", "expected a whole number, not \"" + v + "\"");
        }
    }

    public LocalDate date(String key) {
        String v = get(key);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
            throw fail(key, "应为 YYYY-MM-DD 日期，而不是 \"" + v + "\"", "expected an ISO date YYYY-MM-DD, not \"" + v + "\"");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String v = get(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw fail(key, "未知取值 \"" + v + "\"", "unknown value \"" + v + "\"");
    }

    /**
     * Bands written as {@code >=5:20, >=3:15, >=2:10, else:0}. Ordered, at least one band, an
     * {@code else} last; for all-{@code >=} bands the cuts must strictly decrease, for all
     * {@code <=}/{@code <} bands they must increase, so that the first match is the best band.
     */
    public Bands bands(String key) {
        String v = get(key);
        String[] parts = v.split(",");
        List<Band> list = new ArrayList<>();
        Integer otherwise = null;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            int colon = p.lastIndexOf(':');
            if (colon < 0) {
                throw fail(key, "第" + (i + 1) + "段 \"" + p + "\" 应为 条件:分值", "part " + (i + 1) + " \"" + p + "\" must be condition:points");
            }
            String cond = p.substring(0, colon).strip();
            int pts;
            try {
                pts = Integer.parseInt(p.substring(colon + 1).strip());
            } catch (NumberFormatException ex) {
                throw fail(key, "第" + (i + 1) + "段分值不是整数", "points of part " + (i + 1) + " are not a whole number");
            }
            if (pts < 0) {
                throw fail(key, "分值不能为负数", "points must not be negative");
            }
            if (cond.equals("else")) {
                if (i != parts.length - 1) {
                    throw fail(key, "else 必须是最后一段", "else must be the last part");
                }
                otherwise = pts;
                continue;
            }
            Band.Op op;
            String num;
            if (cond.startsWith(">=")) {
                op = Band.Op.GE;
                num = cond.substring(2);
            } else if (cond.startsWith("<=")) {
                op = Band.Op.LE;
                num = cond.substring(2);
            } else if (cond.startsWith(">")) {
                op = Band.Op.GT;
                num = cond.substring(1);
            } else if (cond.startsWith("<")) {
                op = Band.Op.LT;
                num = cond.substring(1);
            } else {
                throw fail(key, "第" + (i + 1) + "段应以 >=、>、<=、< 或 else 开头", "part " + (i + 1) + " must start with >=, >, <=, < or else");
            }
            long cut;
            try {
                cut = Decimals.parse(num.strip());
            } catch (NumberFormatException ex) {
                throw fail(key, "第" + (i + 1) + "段的界值不是数字", "the cut of part " + (i + 1) + " is not a number");
            }
            if (!list.isEmpty()) {
                Band prev = list.get(list.size() - 1);
                boolean up = prev.op() == Band.Op.GE || prev.op() == Band.Op.GT;
                boolean thisUp = op == Band.Op.GE || op == Band.Op.GT;
                if (up != thisUp) {
                    throw fail(key, "不能混用 >= 与 <= 方向", "bands must not mix >= and <= directions");
                }
                if (up ? cut >= prev.cut() : cut <= prev.cut()) {
                    throw fail(key, "界值顺序错误：第" + (i + 1) + "段应" + (up ? "小于" : "大于") + "上一段",
                            "cuts out of order: part " + (i + 1) + " must be " + (up ? "below" : "above") + " the previous one");
                }
            }
            list.add(new Band(op, cut, pts));
        }
        if (list.isEmpty()) {
            throw fail(key, "至少需要一段", "needs at least one band");
        }
        if (otherwise == null) {
            throw fail(key, "缺少最后的 else:分值", "missing the final else:points");
        }
        return new Bands(list, otherwise);
    }

    /** Fails if a key was never read: a misspelt or obsolete key must not be silently ignored. */
    public void requireAllUsed() {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!used.contains(e.getKey())) {
                throw new RuleFileException(e.getValue().source(), e.getValue().line(), e.getKey(),
                        "未知的键(本规则集不使用)", "unknown key (not used by this rule set)");
            }
        }
    }

    public RuleFileException fail(String key, String zh, String en) {
        Entry e = entries.get(key);
        return new RuleFileException(e == null ? source : e.source(), e == null ? 0 : e.line(), key, zh, en);
    }
}

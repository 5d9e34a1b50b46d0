package cn.srdi.engine.model;

import cn.srdi.engine.reference.CreditCode;
import cn.srdi.engine.reference.IndustryCatalog;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts one cell to the typed value of its {@link Field} and back. Parsing reports a bilingual
 * problem instead of throwing, so a reader can list every problem of a row.
 */
public final class ProfileValues {
    private static final MainProductField[] MAIN_FIELDS = MainProductField.values();
    private static final RdInstitutionLevel[] LEVELS = RdInstitutionLevel.values();
    private ProfileValues() {
    }

    /** A problem with one cell: message in Chinese and English. */
    public record CellProblem(String zh, String en, boolean warning) {
        static CellProblem error(String zh, String en) {
            return new CellProblem(zh, en, false);
        }
    }

    /**
     * Parses {@code raw} (already known to be non-blank) into {@code p}. Returns null when the value
     * was stored cleanly, else the problem (a warning still stores the value).
     */
    public static CellProblem parseInto(Profile p, Field f, String raw) {
        String s = raw.trim();
        switch (f.type()) {
            case TEXT -> {
                return text(p, f, s);
            }
            case CREDIT_CODE -> {
                return creditCode(p, f, s);
            }
            case INDUSTRY -> {
                return industry(p, f, s);
            }
            case REGION -> {
                return region(p, f, s);
            }
            case TITLES -> {
                return titles(p, f, s);
            }
            case DATE -> {
                try {
                    p.setDate(f, parseDate(s));
                    return null;
                } catch (DateTimeParseException e) {
                    return CellProblem.error("日期应为 YYYY-MM-DD 格式", "date must be ISO YYYY-MM-DD");
                }
            }
            case APPLICATION_TYPE -> {
                String u = s.toUpperCase(Locale.ROOT);
                ApplicationType t = switch (u) {
                    case "NEW", "新申报", "新申请" -> ApplicationType.NEW;
                    case "REVIEW", "复核" -> ApplicationType.REVIEW;
                    default -> null;
                };
                if (t == null) {
                    return CellProblem.error("申报类型应为 NEW 或 REVIEW(复核)", "application type must be NEW or REVIEW");
                }
                p.set(f, t.ordinal());
                return null;
            }
            case DECIMAL, SIGNED_DECIMAL, INTEGER -> {
                long v;
                try {
                    v = Decimals.parse(s);
                } catch (NumberFormatException e) {
                    return switch (e.getMessage()) {
                        case "too large" -> CellProblem.error("数值过大", "number too large");
                        case "more than 4 decimal places" -> CellProblem.error("小数位数超过4位", "more than 4 decimal places");
                        default -> CellProblem.error("不是有效的数字", "not a valid number");
                    };
                }
                CellProblem range = checkRange(f, v);
                if (range != null) {
                    return range;
                }
                p.set(f, v);
                return null;
            }
            case BOOLEAN, DECLARATION -> {
                Boolean b = parseBoolean(s);
                if (b == null) {
                    return CellProblem.error("应为 是/否、true/false、1/0 或 Y/N", "must be true/false, 1/0, 是/否 or Y/N");
                }
                p.setBool(f, b);
                return null;
            }
            case MAIN_PRODUCT_FIELD -> {
                MainProductField m = parseEnum(MAIN_FIELDS, s);
                if (m == null) {
                    return CellProblem.error("应为 CHAIN_KEY、SIX_BASICS 或 OTHER", "must be CHAIN_KEY, SIX_BASICS or OTHER");
                }
                p.set(f, m.ordinal());
                return null;
            }
            case RD_INSTITUTION -> {
                RdInstitutionLevel m = parseEnum(LEVELS, s);
                if (m == null) {
                    return CellProblem.error("应为 NONE、BELOW_MUNICIPAL、MUNICIPAL、PROVINCIAL 或 NATIONAL",
                            "must be NONE, BELOW_MUNICIPAL, MUNICIPAL, PROVINCIAL or NATIONAL");
                }
                p.set(f, m.ordinal());
                return null;
            }
            default -> throw new IllegalStateException("unhandled type " + f.type());
        }
    }

    /**
     * {@link #parseInto} for a cell held as ASCII bytes: {@code b[from, to)} is not empty, has no
     * byte above 0x7F and no byte ≤ 0x20 at either end (it is trimmed already). Same outcome and
     * messages as {@code parseInto(p, f, new String(b, from, to - from, ISO_8859_1))}; the usual
     * values of the numeric, boolean, enum and date columns are read without building a string,
     * and anything unusual goes through {@link #parseInto} itself.
     */
    public static CellProblem parseAsciiInto(Profile p, Field f, byte[] b, int from, int to) {
        switch (f.type()) {
            case DECIMAL, SIGNED_DECIMAL, INTEGER -> {
                long v = Decimals.tryParse(b, from, to);
                if (v != Decimals.INVALID) {
                    CellProblem range = checkRange(f, v);
                    if (range != null) {
                        return range;
                    }
                    p.set(f, v);
                    return null;
                }
            }
            case BOOLEAN, DECLARATION -> {
                int v = asciiBoolean(b, from, to);
                if (v >= 0) {
                    p.setBool(f, v == 1);
                    return null;
                }
            }
            case DATE -> {
                long day = isoEpochDay(b, from, to);
                if (day != NO_DATE) {
                    p.set(f, day);
                    return null;
                }
            }
            case APPLICATION_TYPE -> {
                if (upperEquals(b, from, to, "NEW")) {
                    p.set(f, ApplicationType.NEW.ordinal());
                    return null;
                }
                if (upperEquals(b, from, to, "REVIEW")) {
                    p.set(f, ApplicationType.REVIEW.ordinal());
                    return null;
                }
            }
            case MAIN_PRODUCT_FIELD -> {
                for (MainProductField m : MAIN_FIELDS) {
                    if (upperEquals(b, from, to, m.name())) {
                        p.set(f, m.ordinal());
                        return null;
                    }
                }
            }
            case RD_INSTITUTION -> {
                for (RdInstitutionLevel m : LEVELS) {
                    if (upperEquals(b, from, to, m.name())) {
                        p.set(f, m.ordinal());
                        return null;
                    }
                }
            }
            case TEXT -> {
                return text(p, f, ascii(b, from, to));
            }
            case CREDIT_CODE -> {
                return creditCode(p, f, ascii(b, from, to));
            }
            case INDUSTRY -> {
                return industry(p, f, ascii(b, from, to));
            }
            case REGION -> {
                return region(p, f, ascii(b, from, to));
            }
            case TITLES -> {
                return titles(p, f, ascii(b, from, to));
            }
            default -> {
                // the unusual spellings of the other columns
            }
        }
        return parseInto(p, f, ascii(b, from, to));
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // The text columns, one method each (trimmed input): parseAsciiInto calls them directly, so
    // that the usual row does not run (and the JIT does not compile) the whole of parseInto.

    private static CellProblem text(Profile p, Field f, String s) {
        if (s.length() > 200) {
            return CellProblem.error("文本过长(超过200字符)", "text longer than 200 characters");
        }
        p.setText(f, s);
        return null;
    }

    private static CellProblem creditCode(Profile p, Field f, String s) {
        String code = hasLowerCase(s) ? s.toUpperCase(Locale.ROOT) : s;
        CreditCode.Problem problem = CreditCode.check(code);
        if (problem != null) {
            return CellProblem.error("统一社会信用代码" + problem.zh(), "credit code " + problem.en());
        }
        p.setText(f, code);
        return null;
    }

    private static CellProblem industry(Profile p, Field f, String s) {
        IndustryCatalog.Resolution r = IndustryCatalog.standard().resolve(s);
        if (!r.accepted()) {
            return CellProblem.error("行业代码" + r.problemZh(), "industry code " + r.problemEn());
        }
        p.setText(f, r.normalised());
        return r.status() == IndustryCatalog.Status.KNOWN ? null : new CellProblem(r.problemZh(), r.problemEn(), true);
    }

    private static CellProblem region(Profile p, Field f, String s) {
        if (s.length() != 6 || !allDigits(s)) {
            return CellProblem.error("行政区划代码应为6位数字", "region code must be 6 digits");
        }
        p.setText(f, s);
        return null;
    }

    private static CellProblem titles(Profile p, Field f, String s) {
        StringBuilder norm = new StringBuilder();
        for (String part : splitTitles(s)) {
            if (part.isBlank()) {
                continue;
            }
            Tier t = Tier.parse(part);
            if (t == null) {
                return CellProblem.error("未知称号: " + part.trim(), "unknown title: " + part.trim());
            }
            if (!containsTitle(norm.toString(), t)) {
                if (norm.length() > 0) {
                    norm.append(';');
                }
                norm.append(t.name());
            }
        }
        p.setText(f, norm.toString());
        return null;
    }

    /** True when the ASCII bytes, upper-cased as {@code toUpperCase(Locale.ROOT)} does, equal {@code upper}. */
    private static boolean upperEquals(byte[] b, int from, int to, String upper) {
        if (to - from != upper.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != upper.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    /** 1 or 0 for the ASCII spellings {@link #parseBoolean} accepts, -1 otherwise. */
    private static int asciiBoolean(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return switch (b[from]) {
                case '1', 'y', 'Y', 't', 'T' -> 1;
                case '0', 'n', 'N', 'f', 'F' -> 0;
                default -> -1;
            };
        }
        if (lowerEquals(b, from, to, "true") || lowerEquals(b, from, to, "yes")) {
            return 1;
        }
        if (lowerEquals(b, from, to, "false") || lowerEquals(b, from, to, "no")) {
            return 0;
        }
        return -1;
    }

    /** True when the ASCII bytes, lower-cased as {@code toLowerCase(Locale.ROOT)} does, equal {@code lower}. */
    private static boolean lowerEquals(byte[] b, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    private static final long NO_DATE = Long.MIN_VALUE;

    /** The epoch day of a valid ISO date {@code yyyy-MM-dd} in ASCII bytes, else {@link #NO_DATE}. */
    private static long isoEpochDay(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return NO_DATE;
        }
        int y = digits(b, from, from + 4);
        int m = digits(b, from + 5, from + 7);
        int d = digits(b, from + 8, from + 10);
        if (y < 0 || m < 1 || m > 12 || d < 1) {
            return NO_DATE;
        }
        boolean leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
        int length = m == 2 ? (leap ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
        if (d > length) {
            return NO_DATE;
        }
        // as LocalDate.toEpochDay, for a year ≥ 0
        long yy = y;
        long total = 365 * yy + (yy + 3) / 4 - (yy + 99) / 100 + (yy + 399) / 400 + (367 * m - 362) / 12 + d - 1;
        if (m > 2) {
            total--;
            if (!leap) {
                total--;
            }
        }
        return total - 719_528L; // days from 0000-01-01 to 1970-01-01
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static boolean hasLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    private static java.util.List<String> splitTitles(String s) {
        java.util.List<String> parts = new java.util.ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ';' || s.charAt(i) == '；') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    /** ISO yyyy-MM-dd without the formatter machinery (the common case), else the JDK parser. */
    private static LocalDate parseDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    throw new DateTimeParseException("invalid date", s, 0);
                }
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean containsTitle(String list, Tier t) {
        for (String s : list.split(";")) {
            if (s.equals(t.name())) {
                return true;
            }
        }
        return false;
    }

    /** Lowest and highest value {@link #checkRange} accepts per field ordinal, and whether it must be whole. */
    private static final long[] LOWEST = new long[Field.ALL.length];
    private static final long[] HIGHEST = new long[Field.ALL.length];
    private static final boolean[] WHOLE = new boolean[Field.ALL.length];

    static {
        long s = Decimals.SCALE;
        for (Field f : Field.ALL) {
            int o = f.ordinal();
            WHOLE[o] = f.type() == FieldType.INTEGER;
            LOWEST[o] = f.type() == FieldType.SIGNED_DECIMAL ? Long.MIN_VALUE : 0;
            HIGHEST[o] = Long.MAX_VALUE;
            switch (f) {
                case TOTAL_ASSETS_Y1 -> LOWEST[o] = 1;
                case MARKET_SHARE_PCT, PLATFORM_SCORE, PLATFORM_SCORE_PREV -> HIGHEST[o] = 100 * s;
                case MARKET_RANK_DOMESTIC, MARKET_RANK_GLOBAL, NATIONAL_AWARD_RANK, PROVINCIAL_AWARD_RANK, MAKER_CHINA_RANK ->
                        LOWEST[o] = s;
                case DIGITAL_LEVEL -> HIGHEST[o] = 4 * s;
                case LOCAL_POINTS -> HIGHEST[o] = 15 * s;
                case EMPLOYEES_Y1, RD_STAFF_Y1, TECH_STAFF_Y1 -> HIGHEST[o] = 10_000_000L * s;
                default -> {
                }
            }
        }
    }

    /**
     * True when the scaled value {@code v} of the numeric field {@code f} passes the range checks of
     * {@link #parseInto} (no problem), for readers that parse numbers themselves.
     */
    public static boolean inRange(Field f, long v) {
        int o = f.ordinal();
        return v >= LOWEST[o] && v <= HIGHEST[o] && (!WHOLE[o] || v % Decimals.SCALE == 0);
    }

    private static CellProblem checkRange(Field f, long v) {
        if (inRange(f, v)) {
            return null;
        }
        if (f.type() == FieldType.INTEGER && v % Decimals.SCALE != 0) {
            return CellProblem.error("应为整数", "must be an integer");
        }
        if (f.type() != FieldType.SIGNED_DECIMAL && v < 0) {
            return CellProblem.error("不能为负数", "must not be negative");
        }
        long s = Decimals.SCALE;
        return switch (f) {
            case TOTAL_ASSETS_Y1 -> v > 0 ? null : CellProblem.error("资产总额应大于0", "total assets must be greater than 0");
            case MARKET_SHARE_PCT, PLATFORM_SCORE, PLATFORM_SCORE_PREV ->
                    v <= 100 * s ? null : CellProblem.error("应在0至100之间", "must be between 0 and 100");
            case MARKET_RANK_DOMESTIC, MARKET_RANK_GLOBAL, NATIONAL_AWARD_RANK, PROVINCIAL_AWARD_RANK, MAKER_CHINA_RANK ->
                    v >= s ? null : CellProblem.error("排名应不小于1", "rank must be at least 1");
            case DIGITAL_LEVEL -> v <= 4 * s ? null : CellProblem.error("数字化水平等级应在0至4之间", "digital level must be between 0 and 4");
            case LOCAL_POINTS -> v <= 15 * s ? null : CellProblem.error("特色化指标得分应在0至15之间", "local points must be between 0 and 15");
            case EMPLOYEES_Y1, RD_STAFF_Y1, TECH_STAFF_Y1 ->
                    v <= 10_000_000L * s ? null : CellProblem.error("人数过大", "head count too large");
            default -> null;
        };
    }

    public static Boolean parseBoolean(String s) {
        switch (s) {
            case "true", "1", "是" -> {
                return Boolean.TRUE;
            }
            case "false", "0", "否" -> {
                return Boolean.FALSE;
            }
            default -> {
            }
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "是", "y", "yes", "t" -> Boolean.TRUE;
            case "false", "0", "否", "n", "no", "f" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static <E extends Enum<E>> E parseEnum(E[] constants, String s) {
        for (E e : constants) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (E e : constants) {
            if (e.name().equals(u)) {
                return e;
            }
        }
        for (E e : constants) {
            String zh = e instanceof MainProductField m ? m.zh() : e instanceof RdInstitutionLevel r ? r.zh() : null;
            if (s.trim().equals(zh)) {
                return e;
            }
        }
        return null;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Formats a present field in the input format (round-trips through {@link #parseInto}); "" when blank. */
    public static String format(Profile p, Field f) {
        if (!p.has(f)) {
            return "";
        }
        long v = p.get(f);
        return switch (f.type()) {
            case TEXT, CREDIT_CODE, INDUSTRY, REGION, TITLES -> p.text(f);
            case DATE -> LocalDate.ofEpochDay(v).toString();
            case APPLICATION_TYPE -> ApplicationType.values()[(int) v].name();
            case DECIMAL, SIGNED_DECIMAL, INTEGER -> Decimals.format(v);
            case BOOLEAN, DECLARATION -> v != 0 ? "true" : "false";
            case MAIN_PRODUCT_FIELD -> MainProductField.values()[(int) v].name();
            case RD_INSTITUTION -> RdInstitutionLevel.values()[(int) v].name();
        };
    }
}

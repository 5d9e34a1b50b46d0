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
                if (s.length() > 200) {
                    return CellProblem.error("文本过长(超过200字符)", "text longer than 200 characters");
                }
                p.setText(f, s);
                return null;
            }
            case CREDIT_CODE -> {
                String code = s.toUpperCase(Locale.ROOT);
                CreditCode.Problem problem = CreditCode.check(code);
                if (problem != null) {
                    return CellProblem.error("统一社会信用代码" + problem.zh(), "credit code " + problem.en());
                }
                p.setText(f, code);
                return null;
            }
            case INDUSTRY -> {
                IndustryCatalog.Resolution r = IndustryCatalog.standard().resolve(s);
                if (!r.accepted()) {
                    return CellProblem.error("行业代码" + r.problemZh(), "industry code " + r.problemEn());
                }
                p.setText(f, r.normalised());
                return r.status() == IndustryCatalog.Status.KNOWN ? null : new CellProblem(r.problemZh(), r.problemEn(), true);
            }
            case REGION -> {
                if (s.length() != 6 || !allDigits(s)) {
                    return CellProblem.error("行政区划代码应为6位数字", "region code must be 6 digits");
                }
                p.setText(f, s);
                return null;
            }
            case TITLES -> {
                StringBuilder norm = new StringBuilder();
                for (String part : s.split("[;；]")) {
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
            case DATE -> {
                try {
                    p.setDate(f, LocalDate.parse(s));
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
                MainProductField m = parseEnum(MainProductField.class, s);
                if (m == null) {
                    return CellProblem.error("应为 CHAIN_KEY、SIX_BASICS 或 OTHER", "must be CHAIN_KEY, SIX_BASICS or OTHER");
                }
                p.set(f, m.ordinal());
                return null;
            }
            case RD_INSTITUTION -> {
                RdInstitutionLevel m = parseEnum(RdInstitutionLevel.class, s);
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

    private static boolean containsTitle(String list, Tier t) {
        for (String s : list.split(";")) {
            if (s.equals(t.name())) {
                return true;
            }
        }
        return false;
    }

    private static CellProblem checkRange(Field f, long v) {
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
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "是", "y", "yes", "t" -> Boolean.TRUE;
            case "false", "0", "否", "n", "no", "f" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(u)) {
                return e;
            }
        }
        for (E e : type.getEnumConstants()) {
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

package cn.srdi.app.calendar;

/**
 * Kind of an official calendar exception ({@code holidays-cn.csv}, table {@code calendar_day}).
 * Every date without an exception follows the weekday rule: Monday–Friday working, Saturday and
 * Sunday off.
 */
public enum DayKind {
    /** 法定节假日: a day off inside an official holiday period (weekend days of the period included). */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday that is an official make-up working day. */
    WORKDAY;

    /** Parses {@code HOLIDAY}/{@code WORKDAY} (case-insensitive), with a bilingual error naming the place. */
    public static DayKind parse(String text, String where) {
        if (text != null) {
            String t = text.trim().toUpperCase(java.util.Locale.ROOT);
            for (DayKind k : values()) {
                if (k.name().equals(t)) {
                    return k;
                }
            }
        }
        throw new CalendarException(where + "：类型“" + text + "”无效，应为 HOLIDAY（节假日）或 WORKDAY（调休上班）",
                where + ": kind '" + text + "' is invalid, expected HOLIDAY or WORKDAY");
    }
}

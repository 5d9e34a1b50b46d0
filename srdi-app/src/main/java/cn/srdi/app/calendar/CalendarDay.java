package cn.srdi.app.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One official calendar exception: a {@link DayKind#HOLIDAY} or a {@link DayKind#WORKDAY}
 * (which must fall on a Saturday or Sunday), with the name of its holiday period.
 */
public record CalendarDay(LocalDate date, DayKind kind, String nameZh, String nameEn) {

    public CalendarDay {
        if (date == null || kind == null) {
            throw new CalendarException("日历条目缺少日期或类型", "a calendar entry needs a date and a kind");
        }
        WorkCalendar.checkSupported(date, "日期 " + date, "date " + date);
        if (kind == DayKind.WORKDAY && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw new CalendarException("日期 " + date + "：调休上班日（WORKDAY）必须是周六或周日，" + date + " 是工作日",
                    "date " + date + ": a make-up working day (WORKDAY) must be a Saturday or Sunday; " + date
                            + " is a " + date.getDayOfWeek().toString().toLowerCase(java.util.Locale.ROOT));
        }
        nameZh = nameZh == null ? "" : nameZh.trim();
        nameEn = nameEn == null ? "" : nameEn.trim();
        if (nameZh.length() > 100 || nameEn.length() > 100) {
            throw new CalendarException("日期 " + date + "：名称超过 100 个字符", "date " + date + ": name longer than 100 characters");
        }
    }
}

package cn.srdi.app.calendar.internal;

import cn.srdi.app.calendar.CalendarDay;
import cn.srdi.app.calendar.DayKind;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code calendar_day} and {@code calendar_year} (V55). */
@Repository
public class CalendarStore {

    private final JdbcClient jdbc;

    public CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> days() {
        return jdbc.sql("select cal_date, kind, name_zh, name_en from calendar_day order by cal_date")
                .query((rs, n) -> new CalendarDay(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<CalendarDay> day(LocalDate date) {
        return jdbc.sql("select cal_date, kind, name_zh, name_en from calendar_day where cal_date = ?")
                .param(Date.valueOf(date))
                .query((rs, n) -> new CalendarDay(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Covered years and their notices. */
    public Map<Integer, String> years() {
        Map<Integer, String> out = new TreeMap<>();
        jdbc.sql("select cal_year, notice from calendar_year order by cal_year")
                .query((rs, n) -> out.put(rs.getInt(1), rs.getString(2))).list();
        return out;
    }

    public void upsertDay(CalendarDay d, String actor, LocalDateTime at) {
        int n = jdbc.sql("update calendar_day set kind = ?, name_zh = ?, name_en = ?, updated_by = ?, updated_at = ? where cal_date = ?")
                .params(d.kind().name(), d.nameZh(), d.nameEn(), actor, Timestamp.valueOf(at), Date.valueOf(d.date()))
                .update();
        if (n == 0) {
            jdbc.sql("insert into calendar_day (cal_date, kind, name_zh, name_en, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(Date.valueOf(d.date()), d.kind().name(), d.nameZh(), d.nameEn(), actor, Timestamp.valueOf(at))
                    .update();
        }
    }

    public int deleteDay(LocalDate date) {
        return jdbc.sql("delete from calendar_day where cal_date = ?").param(Date.valueOf(date)).update();
    }

    public int deleteYearDays(int year) {
        return jdbc.sql("delete from calendar_day where cal_date >= ? and cal_date <= ?")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31))).update();
    }

    public void upsertYear(int year, String notice, String actor, LocalDateTime at) {
        int n = jdbc.sql("update calendar_year set notice = ?, updated_by = ?, updated_at = ? where cal_year = ?")
                .params(notice, actor, Timestamp.valueOf(at), year).update();
        if (n == 0) {
            jdbc.sql("insert into calendar_year (cal_year, notice, updated_by, updated_at) values (?, ?, ?, ?)")
                    .params(year, notice, actor, Timestamp.valueOf(at)).update();
        }
    }

    public int deleteYear(int year) {
        return jdbc.sql("delete from calendar_year where cal_year = ?").param(year).update();
    }
}

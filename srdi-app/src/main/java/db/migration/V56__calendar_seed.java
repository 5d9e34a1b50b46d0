package db.migration;

import cn.srdi.app.calendar.CalendarCsv;
import cn.srdi.app.calendar.CalendarDay;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seeds the official calendar from the resource {@code calendar/holidays-cn.csv} (State Council
 * notices for 2025 and 2026): every row into {@code calendar_day}, every year of the file into
 * {@code calendar_year}. Later years are added by an administrator (page /calendar or
 * {@code /api/v1/calendar}), not by editing this migration.
 */
public class V56__calendar_seed extends BaseJavaMigration {

    static final String RESOURCE = "calendar/holidays-cn.csv";
    static final Map<Integer, String> NOTICES = Map.of(
            2025, "国办发明电〔2024〕12号（2024-11-12）",
            2026, "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）");

    @Override
    public void migrate(Context context) throws Exception {
        CalendarCsv.Parsed parsed;
        try (InputStream in = V56__calendar_seed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            parsed = CalendarCsv.parse(in, RESOURCE);
        }
        Connection c = context.getConnection();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneId.of("Asia/Shanghai")));
        try (PreparedStatement day = c.prepareStatement("insert into calendar_day (cal_date, kind, name_zh, name_en, "
                + "updated_by, updated_at) values (?, ?, ?, ?, 'system', ?)")) {
            for (CalendarDay d : parsed.days()) {
                day.setDate(1, Date.valueOf(d.date()));
                day.setString(2, d.kind().name());
                day.setString(3, d.nameZh());
                day.setString(4, d.nameEn());
                day.setTimestamp(5, now);
                day.addBatch();
            }
            day.executeBatch();
        }
        Map<Integer, String> years = new TreeMap<>();
        for (Integer y : parsed.years()) {
            years.put(y, NOTICES.getOrDefault(y, RESOURCE));
        }
        try (PreparedStatement year = c.prepareStatement("insert into calendar_year (cal_year, notice, updated_by, updated_at) "
                + "values (?, ?, 'system', ?)")) {
            for (Map.Entry<Integer, String> y : years.entrySet()) {
                year.setInt(1, y.getKey());
                year.setString(2, y.getValue());
                year.setTimestamp(3, now);
                year.addBatch();
            }
            year.executeBatch();
        }
    }
}

package cn.srdi.app.titles;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A major-change report of a firm; {@code late} when filed more than 3 months after the change. */
public record ChangeReport(long id, String creditCode, String firmName, ChangeType type, LocalDate changedOn,
                           String details, String filedBy, LocalDateTime filedAt, LocalDate filedOn, boolean late,
                           String status, String ackBy, LocalDateTime ackAt, String ackNote) {

    public static final String FILED = "FILED";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    public boolean acknowledged() {
        return ACKNOWLEDGED.equals(status);
    }
}

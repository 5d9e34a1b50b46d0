package cn.srdi.app.registry.imports;

import java.time.LocalDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One import of a file: its figures at preview (rows total, valid, rejected, new firms, new and
 * updated firm-years) and, once committed, what was written. Status: {@code PREVIEW} (staged,
 * waiting for a decision), {@code COMMITTED}, {@code DISCARDED}, {@code FAILED} (commit failed,
 * nothing written), {@code REJECTED} (the file as a whole could not be read).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportBatch(long id, String fileName, String format, String uploadedBy, LocalDateTime uploadedAt,
                          String status, int rowsTotal, int rowsValid, int rowsRejected, int rowsWarned,
                          int firmsNew, int yearsNew, int yearsUpdate, String fiscalYears, int rowsInserted,
                          int rowsUpdated, int changesRecorded, LocalDateTime committedAt, String error,
                          String noticeZh, String noticeEn, Long fileBytes, Long millisStaged, Long millisCommitted) {

    public boolean preview() {
        return "PREVIEW".equals(status);
    }

    public boolean committed() {
        return "COMMITTED".equals(status);
    }
}

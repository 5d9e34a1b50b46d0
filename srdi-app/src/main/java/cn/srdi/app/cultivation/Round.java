package cn.srdi.app.cultivation;

import cn.srdi.engine.model.Tier;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** An application round (申报批次) of one rung, with its window, rule set, quota and review flow. */
public record Round(long id, Tier tier, String name, LocalDate opensOn, LocalDate closesOn, String rules, Integer quota,
                    List<ReviewStage> stages, boolean blind, int expertsPerCase, int noticeDays, String status,
                    String createdBy, LocalDateTime createdAt) {

    public static final String PLANNED = "PLANNED";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    /** True when firms may apply on that date. */
    public boolean accepting(LocalDate date) {
        return OPEN.equals(status) && !date.isBefore(opensOn) && !date.isAfter(closesOn);
    }

    public String stagesText() {
        return String.join(",", stages.stream().map(Enum::name).toList());
    }
}

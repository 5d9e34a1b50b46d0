package cn.srdi.app.cultivation;

import java.time.LocalDateTime;

/** A firm in (or proposed for) the cultivation pool of a rung, with its cultivation plan. */
public record PoolEntry(long id, String creditCode, String firmName, String parkId, String tier, String status,
                        String source, String reason, Integer gapCount, Long runId, LocalDateTime proposedAt,
                        String decidedBy, LocalDateTime decidedAt, String decisionNote, String owner, String goals,
                        String notes) {

    public static final String PROPOSED = "PROPOSED";
    public static final String REQUESTED = "REQUESTED";
    public static final String ACTIVE = "ACTIVE";
    public static final String DISMISSED = "DISMISSED";
}

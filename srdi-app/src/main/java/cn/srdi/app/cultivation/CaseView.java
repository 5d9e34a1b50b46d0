package cn.srdi.app.cultivation;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An application case as its readers see it. {@code creditCode} and {@code firmName} are null
 * for an expert of a blind round (盲审).
 */
public record CaseView(long id, long roundId, String roundName, String tier, String creditCode, String firmName,
                       String parkId, CaseState state, Long gradeRunId, String selfStatus, Integer selfScore,
                       String declarationBy, LocalDateTime declarationAt, LocalDateTime submittedAt,
                       ReviewStage returnedFrom, String returnReason, LocalDate returnDeadline, LocalDate noticeFrom,
                       LocalDate noticeUntil, String decisionNote, LocalDate recognisedOn, LocalDateTime updatedAt) {

    /** The same case without what identifies the firm (blind review). */
    public CaseView blind() {
        return new CaseView(id, roundId, roundName, tier, null, null, null, state, null, selfStatus, selfScore, null,
                null, submittedAt, returnedFrom, returnReason, returnDeadline, noticeFrom, noticeUntil, null, recognisedOn,
                updatedAt);
    }

    /** The same case without the firm's credit code (public lists shown to a scope that may not read the firm). */
    public CaseView withoutCode() {
        return new CaseView(id, roundId, roundName, tier, null, firmName, parkId, state, null, selfStatus, selfScore, null,
                null, submittedAt, returnedFrom, null, null, noticeFrom, noticeUntil, null, recognisedOn, updatedAt);
    }
}

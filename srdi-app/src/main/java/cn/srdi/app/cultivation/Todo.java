package cn.srdi.app.cultivation;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The pending actions of a user in the cultivation lifecycle (the to-do list until the
 * notification module carries them): officials' queues per stage, a park's district reviews, a
 * firm's drafts and returned cases, an expert's open reviews.
 */
public final class Todo {

    /** One kind of pending action with how many there are and where to act. */
    public record Item(String kind, String zh, String en, long count, String link) {
    }

    private Todo() {
    }

    static List<Item> of(Scope scope, CultivationService cases, PoolService pool) {
        List<Item> out = new ArrayList<>();
        switch (scope.role()) {
            case ADMIN, OFFICIAL -> {
                add(out, "DISTRICT_REVIEW", "待区县初审", "district reviews to do", cases, scope, CaseState.DISTRICT_REVIEW);
                add(out, "MUNICIPAL_REVIEW", "待市级复审", "municipal reviews to do", cases, scope, CaseState.MUNICIPAL_REVIEW);
                add(out, "DECISION", "待决定", "decisions to take", cases, scope, CaseState.DECISION);
                add(out, "APPROVED", "待发布公示", "approved cases to publish", cases, scope, CaseState.APPROVED);
                add(out, "OBJECTED", "待处理异议", "objections to resolve", cases, scope, CaseState.OBJECTED);
                long unassigned = cases.cases(scope, null, List.of(CaseState.EXPERT_REVIEW), null).stream()
                        .filter(c -> cases.store().reviews(c.id()).stream().noneMatch(v -> v.stage() == ReviewStage.EXPERT
                                && v.submittedAt() == null)).count();
                if (unassigned > 0) {
                    out.add(new Item("ASSIGN", "待分配专家", "cases without experts", unassigned, "/cultivation/cases?state=EXPERT_REVIEW"));
                }
                long ended = cases.cases(scope, null, List.of(CaseState.NOTICE), null).stream()
                        .filter(c -> c.noticeUntil() != null && cases.today().isAfter(c.noticeUntil())).count();
                if (ended > 0) {
                    out.add(new Item("RECOGNISE", "公示期满待认定", "notices ended, to recognise", ended, "/cultivation/cases?state=NOTICE"));
                }
                long proposals = pool.list(scope, null, PoolEntry.PROPOSED).size() + pool.list(scope, null, PoolEntry.REQUESTED).size();
                if (proposals > 0) {
                    out.add(new Item("POOL", "待决定的培育库提名", "pool proposals to decide", proposals, "/cultivation/pool?status=PROPOSED"));
                }
            }
            case PARK_OPERATOR -> add(out, "DISTRICT_REVIEW", "待区县初审（本园区）", "district reviews of your parks", cases, scope,
                    CaseState.DISTRICT_REVIEW);
            case ENTERPRISE -> {
                add(out, "DRAFT", "待提交的申报", "drafts to submit", cases, scope, CaseState.DRAFT);
                add(out, "RETURNED", "待补正的申报", "returned cases to correct", cases, scope, CaseState.RETURNED);
            }
            case EXPERT -> {
                long open = cases.myReviews(scope).stream().filter(a -> a.review().submittedAt() == null).count();
                if (open > 0) {
                    out.add(new Item("REVIEW", "待评审", "reviews to submit", open, "/cultivation/reviews"));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static void add(List<Item> out, String kind, String zh, String en, CultivationService cases, Scope scope,
                            CaseState state) {
        long n = cases.cases(scope, null, List.of(state), null).size();
        if (n > 0) {
            out.add(new Item(kind, zh, en, n, scope.role() == Role.ENTERPRISE ? "/cultivation/my" : "/cultivation/cases?state=" + state));
        }
    }
}

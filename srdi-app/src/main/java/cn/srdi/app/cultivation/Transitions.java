package cn.srdi.app.cultivation;

import static cn.srdi.app.cultivation.CaseAction.APPROVE;
import static cn.srdi.app.cultivation.CaseAction.DISMISS_OBJECTION;
import static cn.srdi.app.cultivation.CaseAction.EXPIRE_CORRECTION;
import static cn.srdi.app.cultivation.CaseAction.OBJECT;
import static cn.srdi.app.cultivation.CaseAction.PASS;
import static cn.srdi.app.cultivation.CaseAction.PUBLISH;
import static cn.srdi.app.cultivation.CaseAction.RECOGNISE;
import static cn.srdi.app.cultivation.CaseAction.REJECT;
import static cn.srdi.app.cultivation.CaseAction.RESUBMIT;
import static cn.srdi.app.cultivation.CaseAction.RETURN;
import static cn.srdi.app.cultivation.CaseAction.REVIEWS_COMPLETE;
import static cn.srdi.app.cultivation.CaseAction.SUBMIT;
import static cn.srdi.app.cultivation.CaseAction.UPHOLD_OBJECTION;
import static cn.srdi.app.cultivation.CaseAction.WITHDRAW;
import static cn.srdi.app.cultivation.CaseState.APPROVED;
import static cn.srdi.app.cultivation.CaseState.DECISION;
import static cn.srdi.app.cultivation.CaseState.DISTRICT_REVIEW;
import static cn.srdi.app.cultivation.CaseState.DRAFT;
import static cn.srdi.app.cultivation.CaseState.EXPERT_REVIEW;
import static cn.srdi.app.cultivation.CaseState.MUNICIPAL_REVIEW;
import static cn.srdi.app.cultivation.CaseState.NOTICE;
import static cn.srdi.app.cultivation.CaseState.OBJECTED;
import static cn.srdi.app.cultivation.CaseState.RECOGNISED;
import static cn.srdi.app.cultivation.CaseState.REJECTED;
import static cn.srdi.app.cultivation.CaseState.RETURNED;
import static cn.srdi.app.cultivation.CaseState.WITHDRAWN;

import cn.srdi.app.web.BilingualException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The explicit transition table of application cases (ADR 0013). Every legal change is one row:
 * from a state, by an action, to one of the allowed states, by one of the allowed kinds of actor.
 * Where the next state depends on the round's review flow (which stages it has), the row lists
 * every possible next state and {@link #next} picks the one the flow says. Anything not in the
 * table is refused with a bilingual message ({@link IllegalTransition}).
 */
public final class Transitions {

    /** One legal change. */
    public record Rule(CaseState from, CaseAction action, Set<CaseState> to, Set<Actor> actors) {
    }

    private static final Set<CaseState> REVIEWS = EnumSet.of(DISTRICT_REVIEW, MUNICIPAL_REVIEW, EXPERT_REVIEW);

    /** The table. */
    public static final List<Rule> TABLE = List.of(
            rule(DRAFT, SUBMIT, EnumSet.of(DISTRICT_REVIEW, MUNICIPAL_REVIEW, EXPERT_REVIEW, DECISION), Actor.FIRM),
            rule(DRAFT, WITHDRAW, EnumSet.of(WITHDRAWN), Actor.FIRM),
            rule(DISTRICT_REVIEW, PASS, EnumSet.of(MUNICIPAL_REVIEW, EXPERT_REVIEW, DECISION), Actor.OFFICIAL, Actor.PARK),
            rule(DISTRICT_REVIEW, RETURN, EnumSet.of(RETURNED), Actor.OFFICIAL, Actor.PARK),
            rule(DISTRICT_REVIEW, REJECT, EnumSet.of(REJECTED), Actor.OFFICIAL, Actor.PARK),
            rule(DISTRICT_REVIEW, WITHDRAW, EnumSet.of(WITHDRAWN), Actor.FIRM),
            rule(MUNICIPAL_REVIEW, PASS, EnumSet.of(EXPERT_REVIEW, DECISION), Actor.OFFICIAL),
            rule(MUNICIPAL_REVIEW, RETURN, EnumSet.of(RETURNED), Actor.OFFICIAL),
            rule(MUNICIPAL_REVIEW, REJECT, EnumSet.of(REJECTED), Actor.OFFICIAL),
            rule(MUNICIPAL_REVIEW, WITHDRAW, EnumSet.of(WITHDRAWN), Actor.FIRM),
            rule(EXPERT_REVIEW, REVIEWS_COMPLETE, EnumSet.of(DECISION), Actor.SYSTEM),
            rule(EXPERT_REVIEW, RETURN, EnumSet.of(RETURNED), Actor.OFFICIAL),
            rule(EXPERT_REVIEW, WITHDRAW, EnumSet.of(WITHDRAWN), Actor.FIRM),
            rule(RETURNED, RESUBMIT, EnumSet.copyOf(REVIEWS), Actor.FIRM),
            rule(RETURNED, REJECT, EnumSet.of(REJECTED), Actor.OFFICIAL),
            rule(RETURNED, WITHDRAW, EnumSet.of(WITHDRAWN), Actor.FIRM),
            rule(RETURNED, EXPIRE_CORRECTION, EnumSet.of(WITHDRAWN), Actor.SYSTEM),
            rule(DECISION, APPROVE, EnumSet.of(APPROVED), Actor.OFFICIAL),
            rule(DECISION, REJECT, EnumSet.of(REJECTED), Actor.OFFICIAL),
            rule(DECISION, WITHDRAW, EnumSet.of(WITHDRAWN), Actor.FIRM),
            rule(APPROVED, PUBLISH, EnumSet.of(NOTICE), Actor.OFFICIAL),
            rule(NOTICE, OBJECT, EnumSet.of(OBJECTED), Actor.PUBLIC),
            rule(NOTICE, RECOGNISE, EnumSet.of(RECOGNISED), Actor.OFFICIAL),
            rule(OBJECTED, DISMISS_OBJECTION, EnumSet.of(NOTICE), Actor.OFFICIAL),
            rule(OBJECTED, UPHOLD_OBJECTION, EnumSet.of(REJECTED), Actor.OFFICIAL));

    private Transitions() {
    }

    private static Rule rule(CaseState from, CaseAction action, Set<CaseState> to, Actor... actors) {
        return new Rule(from, action, Set.copyOf(to), Set.of(actors));
    }

    /** The row for a state and an action, or null. */
    public static Rule find(CaseState from, CaseAction action) {
        for (Rule r : TABLE) {
            if (r.from() == from && r.action() == action) {
                return r;
            }
        }
        return null;
    }

    /** True when the table has the change (whoever makes it). */
    public static boolean legal(CaseState from, CaseAction action, CaseState to) {
        Rule r = find(from, action);
        return r != null && r.to().contains(to);
    }

    /** The actions allowed from a state. */
    public static List<CaseAction> actions(CaseState from) {
        List<CaseAction> out = new ArrayList<>();
        for (Rule r : TABLE) {
            if (r.from() == from) {
                out.add(r.action());
            }
        }
        return out;
    }

    /**
     * The state an action leads to under a review flow; {@code returnedFrom} is the stage that
     * returned the case (for RESUBMIT). Refuses what the table has not.
     */
    public static CaseState next(long caseId, CaseState from, CaseAction action, List<ReviewStage> flow,
                                 ReviewStage returnedFrom) {
        Rule r = find(from, action);
        if (r == null) {
            throw new IllegalTransition(caseId, from, action);
        }
        CaseState to = switch (action) {
            case SUBMIT -> flow.isEmpty() ? DECISION : flow.get(0).state();
            case PASS -> after(flow, from.stage());
            case RESUBMIT -> returnedFrom == null ? (flow.isEmpty() ? DECISION : flow.get(0).state()) : returnedFrom.state();
            default -> r.to().iterator().next();
        };
        check(caseId, from, action, to);
        return to;
    }

    /** The state after a stage in the flow: the next stage, or DECISION after the last. */
    static CaseState after(List<ReviewStage> flow, ReviewStage stage) {
        int i = flow.indexOf(stage);
        if (i < 0) {
            // a stage not in the flow (flow changed under the case): the first later stage of the flow
            for (ReviewStage s : flow) {
                if (s.ordinal() > stage.ordinal()) {
                    return s.state();
                }
            }
            return DECISION;
        }
        return i + 1 < flow.size() ? flow.get(i + 1).state() : DECISION;
    }

    /** Refuses a change that is not in the table. */
    public static void check(long caseId, CaseState from, CaseAction action, CaseState to) {
        if (!legal(from, action, to)) {
            throw new IllegalTransition(caseId, from, action);
        }
    }

    /** Refuses when none of the actor kinds may take the action from the state. */
    public static void checkActor(long caseId, CaseState from, CaseAction action, Set<Actor> actors) {
        Rule r = find(from, action);
        if (r == null) {
            throw new IllegalTransition(caseId, from, action);
        }
        for (Actor a : actors) {
            if (r.actors().contains(a)) {
                return;
            }
        }
        throw new BilingualException(HttpStatus.FORBIDDEN,
                "无权对申报 #" + caseId + " 执行「" + action.zh() + "」（" + from.zh() + "）",
                "not allowed to " + action.en() + " case #" + caseId + " (" + from.en() + ")");
    }

    /** An action the table does not allow from the case's state: HTTP 409 with both languages. */
    public static final class IllegalTransition extends BilingualException {

        private static final long serialVersionUID = 1L;

        public IllegalTransition(long caseId, CaseState from, CaseAction action) {
            super(HttpStatus.CONFLICT,
                    "申报 #" + caseId + " 当前状态为「" + from.zh() + "」，不能" + action.zh() + "；可执行："
                            + (actions(from).isEmpty() ? "无（已结束）"
                            : actions(from).stream().map(CaseAction::zh).collect(Collectors.joining("、"))),
                    "case #" + caseId + " is " + from.en() + ": cannot " + action.en() + "; allowed: "
                            + (actions(from).isEmpty() ? "none (closed)"
                            : actions(from).stream().map(CaseAction::en).collect(Collectors.joining(", "))));
        }
    }
}

package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpStatus;

/**
 * The transition table over the full matrix: every (state, action, target) triple is legal exactly
 * when the expected table below has it, and every illegal one is refused with a 409 in both
 * languages. The expected table is written out independently of {@link Transitions#TABLE}.
 */
class TransitionsTest {

    record T(CaseState from, CaseAction action, CaseState to) {
    }

    static final List<T> EXPECTED = new ArrayList<>();

    static void legal(CaseState from, CaseAction action, CaseState... to) {
        for (CaseState t : to) {
            EXPECTED.add(new T(from, action, t));
        }
    }

    static {
        legal(CaseState.DRAFT, CaseAction.SUBMIT, CaseState.DISTRICT_REVIEW, CaseState.MUNICIPAL_REVIEW, CaseState.EXPERT_REVIEW,
                CaseState.DECISION);
        legal(CaseState.DRAFT, CaseAction.WITHDRAW, CaseState.WITHDRAWN);
        legal(CaseState.DISTRICT_REVIEW, CaseAction.PASS, CaseState.MUNICIPAL_REVIEW, CaseState.EXPERT_REVIEW, CaseState.DECISION);
        legal(CaseState.DISTRICT_REVIEW, CaseAction.RETURN, CaseState.RETURNED);
        legal(CaseState.DISTRICT_REVIEW, CaseAction.REJECT, CaseState.REJECTED);
        legal(CaseState.DISTRICT_REVIEW, CaseAction.WITHDRAW, CaseState.WITHDRAWN);
        legal(CaseState.MUNICIPAL_REVIEW, CaseAction.PASS, CaseState.EXPERT_REVIEW, CaseState.DECISION);
        legal(CaseState.MUNICIPAL_REVIEW, CaseAction.RETURN, CaseState.RETURNED);
        legal(CaseState.MUNICIPAL_REVIEW, CaseAction.REJECT, CaseState.REJECTED);
        legal(CaseState.MUNICIPAL_REVIEW, CaseAction.WITHDRAW, CaseState.WITHDRAWN);
        legal(CaseState.EXPERT_REVIEW, CaseAction.REVIEWS_COMPLETE, CaseState.DECISION);
        legal(CaseState.EXPERT_REVIEW, CaseAction.RETURN, CaseState.RETURNED);
        legal(CaseState.EXPERT_REVIEW, CaseAction.WITHDRAW, CaseState.WITHDRAWN);
        legal(CaseState.RETURNED, CaseAction.RESUBMIT, CaseState.DISTRICT_REVIEW, CaseState.MUNICIPAL_REVIEW,
                CaseState.EXPERT_REVIEW);
        legal(CaseState.RETURNED, CaseAction.REJECT, CaseState.REJECTED);
        legal(CaseState.RETURNED, CaseAction.WITHDRAW, CaseState.WITHDRAWN);
        legal(CaseState.RETURNED, CaseAction.EXPIRE_CORRECTION, CaseState.WITHDRAWN);
        legal(CaseState.DECISION, CaseAction.APPROVE, CaseState.APPROVED);
        legal(CaseState.DECISION, CaseAction.REJECT, CaseState.REJECTED);
        legal(CaseState.DECISION, CaseAction.WITHDRAW, CaseState.WITHDRAWN);
        legal(CaseState.APPROVED, CaseAction.PUBLISH, CaseState.NOTICE);
        legal(CaseState.NOTICE, CaseAction.OBJECT, CaseState.OBJECTED);
        legal(CaseState.NOTICE, CaseAction.RECOGNISE, CaseState.RECOGNISED);
        legal(CaseState.OBJECTED, CaseAction.DISMISS_OBJECTION, CaseState.NOTICE);
        legal(CaseState.OBJECTED, CaseAction.UPHOLD_OBJECTION, CaseState.REJECTED);
    }

    @TestFactory
    Stream<DynamicTest> every_state_action_and_target_is_legal_exactly_when_the_table_says_so() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CaseState from : CaseState.values()) {
            for (CaseAction action : CaseAction.values()) {
                for (CaseState to : CaseState.values()) {
                    boolean expected = EXPECTED.contains(new T(from, action, to));
                    tests.add(DynamicTest.dynamicTest(from + " --" + action + "--> " + to + (expected ? " is legal" : " is refused"),
                            () -> {
                                assertThat(Transitions.legal(from, action, to)).isEqualTo(expected);
                                if (expected) {
                                    Transitions.check(7, from, action, to);
                                } else {
                                    assertThatThrownBy(() -> Transitions.check(7, from, action, to))
                                            .isInstanceOfSatisfying(Transitions.IllegalTransition.class, e -> {
                                                assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                                                assertThat(e.zh()).contains("申报 #7").contains(from.zh()).contains(action.zh());
                                                assertThat(e.en()).contains("case #7").contains(from.en()).contains(action.en());
                                            });
                                }
                            }));
                }
            }
        }
        assertThat(tests).hasSize(CaseState.values().length * CaseAction.values().length * CaseState.values().length);
        return tests.stream();
    }

    @Test
    void end_states_allow_nothing_and_say_so() {
        for (CaseState s : EnumSet.of(CaseState.RECOGNISED, CaseState.REJECTED, CaseState.WITHDRAWN)) {
            assertThat(s.terminal()).isTrue();
            assertThat(Transitions.actions(s)).isEmpty();
            assertThatThrownBy(() -> Transitions.next(3, s, CaseAction.WITHDRAW, List.of(), null))
                    .hasMessageContaining("无（已结束）").hasMessageContaining("none (closed)");
        }
    }

    @Test
    void the_flow_decides_the_next_stage() {
        List<ReviewStage> full = List.of(ReviewStage.DISTRICT, ReviewStage.MUNICIPAL, ReviewStage.EXPERT);
        assertThat(Transitions.next(1, CaseState.DRAFT, CaseAction.SUBMIT, full, null)).isEqualTo(CaseState.DISTRICT_REVIEW);
        assertThat(Transitions.next(1, CaseState.DISTRICT_REVIEW, CaseAction.PASS, full, null)).isEqualTo(CaseState.MUNICIPAL_REVIEW);
        assertThat(Transitions.next(1, CaseState.MUNICIPAL_REVIEW, CaseAction.PASS, full, null)).isEqualTo(CaseState.EXPERT_REVIEW);
        List<ReviewStage> noMunicipal = List.of(ReviewStage.DISTRICT, ReviewStage.EXPERT);
        assertThat(Transitions.next(1, CaseState.DISTRICT_REVIEW, CaseAction.PASS, noMunicipal, null)).isEqualTo(CaseState.EXPERT_REVIEW);
        List<ReviewStage> districtOnly = List.of(ReviewStage.DISTRICT);
        assertThat(Transitions.next(1, CaseState.DISTRICT_REVIEW, CaseAction.PASS, districtOnly, null)).isEqualTo(CaseState.DECISION);
        assertThat(Transitions.next(1, CaseState.DRAFT, CaseAction.SUBMIT, List.of(), null)).isEqualTo(CaseState.DECISION);
        assertThat(Transitions.next(1, CaseState.DRAFT, CaseAction.SUBMIT, List.of(ReviewStage.EXPERT), null))
                .isEqualTo(CaseState.EXPERT_REVIEW);
        // a returned case goes back to the stage that returned it
        assertThat(Transitions.next(1, CaseState.RETURNED, CaseAction.RESUBMIT, full, ReviewStage.MUNICIPAL))
                .isEqualTo(CaseState.MUNICIPAL_REVIEW);
        assertThat(Transitions.next(1, CaseState.RETURNED, CaseAction.RESUBMIT, full, null)).isEqualTo(CaseState.DISTRICT_REVIEW);
    }

    @Test
    void actors_are_checked_and_refused_bilingually() {
        Transitions.checkActor(1, CaseState.DRAFT, CaseAction.SUBMIT, Set.of(Actor.FIRM));
        Transitions.checkActor(1, CaseState.DISTRICT_REVIEW, CaseAction.PASS, Set.of(Actor.PARK));
        assertThatThrownBy(() -> Transitions.checkActor(1, CaseState.MUNICIPAL_REVIEW, CaseAction.PASS, Set.of(Actor.PARK)))
                .isInstanceOfSatisfying(cn.srdi.app.web.BilingualException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> Transitions.checkActor(1, CaseState.DRAFT, CaseAction.SUBMIT, Set.of(Actor.OFFICIAL)))
                .hasMessageContaining("无权").hasMessageContaining("not allowed");
        assertThatThrownBy(() -> Transitions.checkActor(1, CaseState.EXPERT_REVIEW, CaseAction.REVIEWS_COMPLETE,
                Set.of(Actor.OFFICIAL, Actor.PUBLIC))).hasMessageContaining("not allowed");
        // only the daily job closes a returned case whose correction deadline passed
        Transitions.checkActor(1, CaseState.RETURNED, CaseAction.EXPIRE_CORRECTION, Set.of(Actor.SYSTEM));
        for (Set<Actor> people : List.of(Set.of(Actor.FIRM, Actor.PUBLIC), Set.of(Actor.OFFICIAL, Actor.PUBLIC), Set.of(Actor.PARK))) {
            assertThatThrownBy(() -> Transitions.checkActor(1, CaseState.RETURNED, CaseAction.EXPIRE_CORRECTION, people))
                    .hasMessageContaining("逾期未补正").hasMessageContaining("correction deadline missed");
        }
        assertThat(Transitions.next(1, CaseState.RETURNED, CaseAction.EXPIRE_CORRECTION, List.of(ReviewStage.EXPERT),
                ReviewStage.EXPERT)).isEqualTo(CaseState.WITHDRAWN);
        for (Transitions.Rule r : Transitions.TABLE) {
            assertThat(r.actors()).as("%s %s has actors", r.from(), r.action()).isNotEmpty();
        }
    }
}

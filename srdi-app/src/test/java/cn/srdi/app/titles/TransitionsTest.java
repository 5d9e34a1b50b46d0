package cn.srdi.app.titles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.web.BilingualException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpStatus;

/** Every pair of state and event: the legal ones lead where the rules say, every other one is refused in both languages. */
class TransitionsTest {

    /** The expected table, written out independently of {@link Transitions}. */
    static final Map<String, TitleState> LEGAL = Map.ofEntries(
            Map.entry("IN_FORCE/FLAG_UPDATE_MISSED", TitleState.FLAGGED),
            Map.entry("FLAGGED/CLEAR_FLAG", TitleState.IN_FORCE),
            Map.entry("IN_FORCE/OPEN_REVIEW", TitleState.UNDER_REVIEW),
            Map.entry("UNDER_REVIEW/PASS_REVIEW", TitleState.IN_FORCE),
            Map.entry("UNDER_REVIEW/FAIL_REVIEW", TitleState.REVIEW_FAILED),
            Map.entry("FLAGGED/DECLINE_REVIEW", TitleState.REVIEW_FAILED),
            Map.entry("IN_FORCE/LAPSE", TitleState.LAPSED),
            Map.entry("FLAGGED/LAPSE", TitleState.LAPSED),
            Map.entry("REVIEW_FAILED/LAPSE", TitleState.LAPSED),
            Map.entry("IN_FORCE/REVOKE", TitleState.REVOKED),
            Map.entry("FLAGGED/REVOKE", TitleState.REVOKED),
            Map.entry("UNDER_REVIEW/REVOKE", TitleState.REVOKED),
            Map.entry("REVIEW_FAILED/REVOKE", TitleState.REVOKED));

    @TestFactory
    Stream<DynamicTest> everyStateAndEvent() {
        return Stream.of(TitleState.values()).flatMap(s -> Stream.of(TitleEvent.values()).map(e -> {
            String key = s + "/" + e;
            TitleState expected = LEGAL.get(key);
            return DynamicTest.dynamicTest(key + (expected == null ? " is refused" : " → " + expected), () -> {
                if (expected != null) {
                    assertThat(Transitions.next(7, s, e)).isEqualTo(expected);
                    assertThat(Transitions.allowed(s)).containsEntry(e, expected);
                } else {
                    assertThat(Transitions.target(s, e)).isEmpty();
                    assertThatThrownBy(() -> Transitions.next(7, s, e))
                            .isInstanceOfSatisfying(BilingualException.class, x -> {
                                assertThat(x.status()).isEqualTo(HttpStatus.CONFLICT);
                                assertThat(x.zh()).contains("称号 7");
                                assertThat(x.en()).contains("title 7");
                                if (s == TitleState.FLAGGED && e == TitleEvent.OPEN_REVIEW) {
                                    assertThat(x.zh()).contains("丧失复核资格");
                                    assertThat(x.en()).contains("lost re-review eligibility");
                                } else {
                                    assertThat(x.zh()).contains(s.zh()).contains(e.zh());
                                    assertThat(x.en()).contains(s.en()).contains(e.en());
                                }
                            });
                }
            });
        }));
    }

    @Test
    void theTableHasExactlyTheLegalStepsAndTerminalStatesHaveNone() {
        int n = 0;
        for (TitleState s : TitleState.values()) {
            n += Transitions.allowed(s).size();
            if (s.terminal()) {
                assertThat(Transitions.allowed(s)).isEmpty();
            }
        }
        assertThat(n).isEqualTo(LEGAL.size());
        assertThat(TitleState.LAPSED.registryStatus().name()).isEqualTo("EXPIRED");
        assertThat(TitleState.REVOKED.registryStatus().name()).isEqualTo("REVOKED");
        assertThat(TitleState.FLAGGED.registryStatus().name()).isEqualTo("ACTIVE");
    }
}

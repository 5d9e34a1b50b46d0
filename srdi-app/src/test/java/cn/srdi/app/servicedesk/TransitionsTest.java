package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.web.BilingualException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpStatus;

/** Every state × every action: the legal ones lead where the process says, every other one is refused in both languages. */
class TransitionsTest {

    /** The process, written out independently of the table under test. */
    static final Map<String, RequestStatus> LEGAL = Map.ofEntries(
            Map.entry("SUBMITTED/ACCEPT", RequestStatus.ACCEPTED),
            Map.entry("SUBMITTED/DECLINE", RequestStatus.SUBMITTED),
            Map.entry("SUBMITTED/TRANSFER", RequestStatus.SUBMITTED),
            Map.entry("ACCEPTED/REPLY", RequestStatus.REPLIED),
            Map.entry("ACCEPTED/ASK_MORE", RequestStatus.WAITING_FIRM),
            Map.entry("ACCEPTED/TRANSFER", RequestStatus.SUBMITTED),
            Map.entry("ACCEPTED/RESOLVE", RequestStatus.RESOLVED),
            Map.entry("REPLIED/REPLY", RequestStatus.REPLIED),
            Map.entry("REPLIED/ASK_MORE", RequestStatus.WAITING_FIRM),
            Map.entry("REPLIED/TRANSFER", RequestStatus.SUBMITTED),
            Map.entry("REPLIED/RESOLVE", RequestStatus.RESOLVED),
            Map.entry("WAITING_FIRM/SUPPLY", RequestStatus.REPLIED),
            Map.entry("RESOLVED/CONFIRM", RequestStatus.CLOSED),
            Map.entry("RESOLVED/REOPEN", RequestStatus.ACCEPTED),
            Map.entry("RESOLVED/AUTO_CLOSE", RequestStatus.CLOSED));

    @TestFactory
    Stream<DynamicTest> everyStateAndActionIsEitherTheProcessOrRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestAction action : RequestAction.values()) {
                RequestStatus expected = LEGAL.get(from + "/" + action);
                if (expected != null) {
                    tests.add(DynamicTest.dynamicTest(action + " from " + from + " leads to " + expected, () -> {
                        assertThat(Transitions.target(from, action)).contains(expected);
                        assertThat(Transitions.require("SQ1", from, action)).isEqualTo(expected);
                        assertThat(Transitions.allowed(from)).contains(action);
                    }));
                } else {
                    tests.add(DynamicTest.dynamicTest(action + " from " + from + " is refused with 409 in Chinese and English", () -> {
                        assertThat(Transitions.target(from, action)).isEmpty();
                        assertThat(Transitions.allowed(from)).doesNotContain(action);
                        assertThatThrownBy(() -> Transitions.require("SQ20260101-000001", from, action))
                                .isInstanceOfSatisfying(BilingualException.class, e -> {
                                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                                    assertThat(e.zh()).contains("SQ20260101-000001").contains(from.zh()).contains(action.zh());
                                    assertThat(e.en()).contains("SQ20260101-000001").contains(action.en()).contains("not allowed");
                                });
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void aClosedRequestAllowsNothingAndTheTableHasExactlyTheProcess() {
        assertThat(Transitions.allowed(RequestStatus.CLOSED)).isEmpty();
        int legal = 0;
        for (RequestStatus from : RequestStatus.values()) {
            legal += Transitions.allowed(from).size();
        }
        assertThat(legal).isEqualTo(LEGAL.size());
    }

    @Test
    void actionsParseFromUrlsAndUnknownOnesAreRefusedBilingually() {
        assertThat(RequestAction.parse("ask-more")).isEqualTo(RequestAction.ASK_MORE);
        assertThat(RequestAction.parse("Resolve")).isEqualTo(RequestAction.RESOLVE);
        assertThatThrownBy(() -> RequestAction.parse("delete")).isInstanceOfSatisfying(BilingualException.class,
                e -> assertThat(e.zh() + e.en()).contains("delete").contains("未知").contains("unknown"));
    }
}

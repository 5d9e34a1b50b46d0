package cn.srdi.app.titles;

import static cn.srdi.app.titles.TitleEvent.CLEAR_FLAG;
import static cn.srdi.app.titles.TitleEvent.DECLINE_REVIEW;
import static cn.srdi.app.titles.TitleEvent.FAIL_REVIEW;
import static cn.srdi.app.titles.TitleEvent.FLAG_UPDATE_MISSED;
import static cn.srdi.app.titles.TitleEvent.LAPSE;
import static cn.srdi.app.titles.TitleEvent.OPEN_REVIEW;
import static cn.srdi.app.titles.TitleEvent.PASS_REVIEW;
import static cn.srdi.app.titles.TitleEvent.REVOKE;
import static cn.srdi.app.titles.TitleState.FLAGGED;
import static cn.srdi.app.titles.TitleState.IN_FORCE;
import static cn.srdi.app.titles.TitleState.LAPSED;
import static cn.srdi.app.titles.TitleState.REVIEW_FAILED;
import static cn.srdi.app.titles.TitleState.REVOKED;
import static cn.srdi.app.titles.TitleState.UNDER_REVIEW;

import cn.srdi.app.web.BilingualException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The explicit transition table of titles after recognition. Anything not listed is refused with
 * a bilingual 409 naming the title's state and the step.
 *
 * <pre>
 * IN_FORCE      --FLAG_UPDATE_MISSED--> FLAGGED
 * FLAGGED       --CLEAR_FLAG----------> IN_FORCE        (official, with a reason)
 * IN_FORCE      --OPEN_REVIEW---------> UNDER_REVIEW
 * UNDER_REVIEW  --PASS_REVIEW---------> IN_FORCE        (expiry + 3 years)
 * UNDER_REVIEW  --FAIL_REVIEW---------> REVIEW_FAILED
 * FLAGGED       --DECLINE_REVIEW------> REVIEW_FAILED   (no re-review eligibility)
 * IN_FORCE, FLAGGED, REVIEW_FAILED --LAPSE--> LAPSED    (at expiry)
 * IN_FORCE, FLAGGED, UNDER_REVIEW, REVIEW_FAILED --REVOKE--> REVOKED
 * </pre>
 */
public final class Transitions {

    private static final Map<TitleState, Map<TitleEvent, TitleState>> TABLE = new EnumMap<>(TitleState.class);

    static {
        put(IN_FORCE, FLAG_UPDATE_MISSED, FLAGGED);
        put(FLAGGED, CLEAR_FLAG, IN_FORCE);
        put(IN_FORCE, OPEN_REVIEW, UNDER_REVIEW);
        put(UNDER_REVIEW, PASS_REVIEW, IN_FORCE);
        put(UNDER_REVIEW, FAIL_REVIEW, REVIEW_FAILED);
        put(FLAGGED, DECLINE_REVIEW, REVIEW_FAILED);
        for (TitleState s : new TitleState[] {IN_FORCE, FLAGGED, REVIEW_FAILED}) {
            put(s, LAPSE, LAPSED);
        }
        for (TitleState s : new TitleState[] {IN_FORCE, FLAGGED, UNDER_REVIEW, REVIEW_FAILED}) {
            put(s, REVOKE, REVOKED);
        }
    }

    private Transitions() {
    }

    private static void put(TitleState from, TitleEvent e, TitleState to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(TitleEvent.class)).put(e, to);
    }

    /** The state the event leads to from {@code from}, if the table allows it. */
    public static Optional<TitleState> target(TitleState from, TitleEvent e) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(e));
    }

    /** The events allowed in a state. */
    public static Map<TitleEvent, TitleState> allowed(TitleState from) {
        return Collections.unmodifiableMap(TABLE.getOrDefault(from, Map.of()));
    }

    /** The state after the event, or a 409 with a message in Chinese and English. */
    public static TitleState next(long titleId, TitleState from, TitleEvent e) {
        return target(from, e).orElseThrow(() -> refused(titleId, from, e));
    }

    static BilingualException refused(long titleId, TitleState from, TitleEvent e) {
        if (from == FLAGGED && e == OPEN_REVIEW) {
            return new BilingualException(HttpStatus.CONFLICT,
                    "称号 " + titleId + " 的企业未按期更新年度数据，已丧失复核资格，不能启动复核（可记录“不予复核”）",
                    "title " + titleId + ": the firm missed its yearly data update and has lost re-review eligibility; "
                            + "a re-review cannot be opened (record \"decline re-review\" instead)");
        }
        return new BilingualException(HttpStatus.CONFLICT,
                "称号 " + titleId + " 当前状态为“" + from.zh() + "”，不能" + e.zh(),
                "title " + titleId + " is " + from.en() + ": cannot " + e.en());
    }
}

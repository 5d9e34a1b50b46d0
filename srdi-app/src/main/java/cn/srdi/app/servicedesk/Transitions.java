package cn.srdi.app.servicedesk;

import cn.srdi.app.web.BilingualException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The transition table of a request: for each state, the actions allowed and the state they lead
 * to. Every change of a request goes through {@link #require}; anything not in the table is refused
 * with a bilingual 409.
 */
public final class Transitions {

    private static final Map<RequestStatus, Map<RequestAction, RequestStatus>> TABLE = new EnumMap<>(RequestStatus.class);

    static {
        put(RequestStatus.SUBMITTED, RequestAction.ACCEPT, RequestStatus.ACCEPTED);
        put(RequestStatus.SUBMITTED, RequestAction.DECLINE, RequestStatus.SUBMITTED);
        put(RequestStatus.SUBMITTED, RequestAction.TRANSFER, RequestStatus.SUBMITTED);
        put(RequestStatus.ACCEPTED, RequestAction.REPLY, RequestStatus.REPLIED);
        put(RequestStatus.ACCEPTED, RequestAction.ASK_MORE, RequestStatus.WAITING_FIRM);
        put(RequestStatus.ACCEPTED, RequestAction.TRANSFER, RequestStatus.SUBMITTED);
        put(RequestStatus.ACCEPTED, RequestAction.RESOLVE, RequestStatus.RESOLVED);
        put(RequestStatus.REPLIED, RequestAction.REPLY, RequestStatus.REPLIED);
        put(RequestStatus.REPLIED, RequestAction.ASK_MORE, RequestStatus.WAITING_FIRM);
        put(RequestStatus.REPLIED, RequestAction.TRANSFER, RequestStatus.SUBMITTED);
        put(RequestStatus.REPLIED, RequestAction.RESOLVE, RequestStatus.RESOLVED);
        put(RequestStatus.WAITING_FIRM, RequestAction.SUPPLY, RequestStatus.REPLIED);
        put(RequestStatus.RESOLVED, RequestAction.CONFIRM, RequestStatus.CLOSED);
        put(RequestStatus.RESOLVED, RequestAction.REOPEN, RequestStatus.ACCEPTED);
        put(RequestStatus.RESOLVED, RequestAction.AUTO_CLOSE, RequestStatus.CLOSED);
    }

    private Transitions() {
    }

    private static void put(RequestStatus from, RequestAction action, RequestStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(RequestAction.class)).put(action, to);
    }

    /** The state the action leads to from {@code from}, if the table allows it. */
    public static Optional<RequestStatus> target(RequestStatus from, RequestAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** The actions allowed in a state. */
    public static Set<RequestAction> allowed(RequestStatus from) {
        Map<RequestAction, RequestStatus> m = TABLE.get(from);
        return m == null ? Collections.unmodifiableSet(EnumSet.noneOf(RequestAction.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(m.keySet()));
    }

    /** The target state, or a bilingual 409 naming the request, its state and the action. */
    public static RequestStatus require(String refNo, RequestStatus from, RequestAction action) {
        return target(from, action).orElseThrow(() -> new BilingualException(HttpStatus.CONFLICT,
                "诉求 " + refNo + " 当前状态为「" + from.zh() + "」，不能执行「" + action.zh() + "」",
                "request " + refNo + " is " + from.en().toLowerCase(java.util.Locale.ROOT) + ": the action '"
                        + action.en() + "' is not allowed in this state"));
    }
}

package cn.srdi.app.notification;

import cn.srdi.app.identity.Role;
import java.util.Objects;

/**
 * Who a notification goes to. It is resolved to user accounts when the notification is made (one
 * to-do per user), so a user who joins later does not inherit old to-dos.
 *
 * @param kind       what the other fields mean
 * @param username   {@link Kind#USER}: the account
 * @param role       {@link Kind#ROLE}: every enabled account of the role
 * @param creditCode {@link Kind#FIRM}: the enterprise accounts of that firm; {@link Kind#PARK_OF_FIRM}:
 *                   the park operators of the firm's park
 * @param parkId     {@link Kind#PARK}: the park operators of that park
 */
public record Recipient(Kind kind, String username, Role role, String creditCode, String parkId) {

    /** The kinds of recipient. */
    public enum Kind { USER, ROLE, FIRM, PARK_OF_FIRM, PARK }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case USER -> Objects.requireNonNull(username, "username");
            case ROLE -> Objects.requireNonNull(role, "role");
            case FIRM, PARK_OF_FIRM -> Objects.requireNonNull(creditCode, "creditCode");
            case PARK -> Objects.requireNonNull(parkId, "parkId");
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    /** One account. */
    public static Recipient user(String username) {
        return new Recipient(Kind.USER, username, null, null, null);
    }

    /** Every enabled account of a role (e.g. every official). */
    public static Recipient role(Role role) {
        return new Recipient(Kind.ROLE, null, role, null, null);
    }

    /** The enterprise accounts of a firm. */
    public static Recipient firm(String creditCode) {
        return new Recipient(Kind.FIRM, null, null, creditCode, null);
    }

    /** The park operators of the park the firm is in (nobody when the firm is in no park). */
    public static Recipient parkOfFirm(String creditCode) {
        return new Recipient(Kind.PARK_OF_FIRM, null, null, creditCode, null);
    }

    /** The park operators of a park. */
    public static Recipient park(String parkId) {
        return new Recipient(Kind.PARK, null, null, null, parkId);
    }
}

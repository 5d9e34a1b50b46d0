package cn.srdi.app.identity;

import java.util.List;
import java.util.Set;

/**
 * What one user may see and do. Every query of firm data takes a scope and filters in SQL
 * ({@link #firmFilter(String)}), so a park operator never reads another park's firms and an
 * enterprise never reads another firm, whatever page or endpoint asks.
 */
public record Scope(String username, Role role, Set<String> parks, String creditCode, String department) {

    public Scope {
        parks = parks == null ? Set.of() : Set.copyOf(parks);
    }

    /** A scope for system work (demo loading, scheduled jobs): sees everything. */
    public static Scope system() {
        return new Scope("system", Role.ADMIN, Set.of(), null, null);
    }

    public boolean regionWide() {
        return role == Role.ADMIN || role == Role.OFFICIAL;
    }

    /** May list and open firm cards (name, industry, park, titles). */
    public boolean canReadRegistry() {
        return role != Role.EXPERT;
    }

    /** May see contact names, phones and e-mails unmasked. */
    public boolean seesContacts() {
        return role == Role.ADMIN || role == Role.OFFICIAL || role == Role.PARK_OPERATOR
                || role == Role.ENTERPRISE || role == Role.HANDLER;
    }

    /** May read yearly indicators and grades (sensitive business data). */
    public boolean canReadIndicators() {
        return role == Role.ADMIN || role == Role.OFFICIAL || role == Role.PARK_OPERATOR
                || role == Role.ENTERPRISE;
    }

    /** May import indicators (a park operator only rows of its own parks). */
    public boolean canImport() {
        return role == Role.ADMIN || role == Role.OFFICIAL || role == Role.PARK_OPERATOR;
    }

    /** May run region grades, the policy sandbox and edit action plans. */
    public boolean canManageRegion() {
        return regionWide();
    }

    /** May see region dashboards (aggregates); finance sees aggregates without names. */
    public boolean canReadDashboards() {
        return role == Role.ADMIN || role == Role.OFFICIAL || role == Role.PARK_OPERATOR
                || role == Role.FINANCE;
    }

    /** May see named candidate lists and expiring titles. */
    public boolean canReadCandidates() {
        return role == Role.ADMIN || role == Role.OFFICIAL || role == Role.PARK_OPERATOR;
    }

    /** True when this scope may read the firm with the given park. */
    public boolean allows(String firmCreditCode, String firmPark) {
        if (!canReadRegistry()) {
            return false;
        }
        return switch (role) {
            case PARK_OPERATOR -> firmPark != null && parks.contains(firmPark);
            case ENTERPRISE -> creditCode != null && creditCode.equals(firmCreditCode);
            default -> true;
        };
    }

    /**
     * A SQL predicate restricting firms to this scope, for a table alias that has
     * {@code credit_code} and {@code park_id} columns; bind {@link #firmFilterArgs()} in order.
     */
    public String firmFilter(String alias) {
        String a = alias == null || alias.isEmpty() ? "" : alias + ".";
        if (!canReadRegistry()) {
            return "1 = 0";
        }
        return switch (role) {
            case PARK_OPERATOR -> parks.isEmpty() ? "1 = 0"
                    : a + "park_id in (" + String.join(", ", java.util.Collections.nCopies(parks.size(), "?")) + ")";
            case ENTERPRISE -> creditCode == null ? "1 = 0" : a + "credit_code = ?";
            default -> "1 = 1";
        };
    }

    /** Arguments of {@link #firmFilter(String)}, in order. */
    public List<Object> firmFilterArgs() {
        return switch (role) {
            case PARK_OPERATOR -> List.copyOf(parks.stream().sorted().toList());
            case ENTERPRISE -> creditCode == null ? List.of() : List.of(creditCode);
            default -> List.of();
        };
    }
}

package cn.srdi.app.dashboard;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.Tier;

/** Who may see what of the dashboards, and parsing of shared request parameters. */
final class Access {

    private Access() {
    }

    /** Aggregates: ADMIN, OFFICIAL, PARK_OPERATOR (own parks), FINANCE. */
    static Scope dashboards() {
        Scope s = CurrentUser.scope();
        CurrentUser.require(s.canReadDashboards(), "驾驶舱 dashboard");
        return s;
    }

    /** Named lists (candidates, expiring titles): ADMIN, OFFICIAL, PARK_OPERATOR (own parks). */
    static Scope namedLists() {
        Scope s = CurrentUser.scope();
        CurrentUser.require(s.canReadCandidates(), "企业名单 firm lists");
        return s;
    }

    /** Editing action plans: ADMIN, OFFICIAL. */
    static Scope planEditor() {
        Scope s = CurrentUser.scope();
        CurrentUser.require(s.canManageRegion(), "编辑行动计划 edit action plans");
        return s;
    }

    /** A park filter outside the caller's parks is refused like an unknown park (404). */
    static DashboardFilter filter(Scope scope, String park, String industry) {
        DashboardFilter f = new DashboardFilter(park, industry);
        if (f.park() != null && scope.role() == cn.srdi.app.identity.Role.PARK_OPERATOR
                && !scope.parks().contains(f.park())) {
            throw BilingualException.notFound("没有该园区：" + f.park(), "no such park: " + f.park());
        }
        return f;
    }

    static Tier tier(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Tier.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilingualException.badRequest("未知的梯度层级：" + s, "unknown tier: " + s);
        }
    }

    static int days(Integer days, int fallback) {
        int d = days == null ? fallback : days;
        if (d < 0 || d > 3660) {
            throw BilingualException.badRequest("天数须在0至3660之间", "days must be between 0 and 3660");
        }
        return d;
    }
}

package cn.srdi.app.dashboard;

import cn.srdi.app.identity.Scope;
import cn.srdi.engine.model.Tier;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/** Computes {@link PlanProgress}: one aggregate query for titles, one for listings, per plan. */
@Service
public class PlanService {

    private final PlanStore plans;
    private final DashboardStore store;
    private final JdbcTemplate jdbc;

    public PlanService(PlanStore plans, DashboardStore store, JdbcTemplate jdbc) {
        this.plans = plans;
        this.store = store;
        this.jdbc = jdbc;
    }

    public PlanStore plans() {
        return plans;
    }

    public PlanProgress progress(Scope scope, Plan plan, LocalDate today) {
        int baseline = plan.startYear() - 1;
        int lastYear = Math.min(plan.endYear(), today.getYear());
        List<Integer> years = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (int y = baseline; y <= lastYear; y++) {
            years.add(y);
            days.add(y == today.getYear() ? today : LocalDate.of(y, 12, 31));
        }
        Map<String, long[]> actual = days.isEmpty() ? Map.of() : actuals(scope, plan.startYear(), days);
        Map<String, Long> eligible = eligibleNow(scope);
        List<PlanProgress.Metric> metrics = new ArrayList<>();
        PlanProgress.Status worst = null;
        for (String m : plan.metrics()) {
            long[] a = actual.getOrDefault(m, new long[days.size()]);
            List<PlanProgress.Point> points = new ArrayList<>();
            for (int y = plan.startYear(); y <= plan.endYear(); y++) {
                int i = y - baseline;
                Long act = i < days.size() ? a[i] : null;
                points.add(new PlanProgress.Point(y, plan.target(m, y), act, y == today.getYear()));
            }
            Long base = days.isEmpty() ? null : a[0];
            boolean current = today.getYear() >= plan.startYear() && today.getYear() <= plan.endYear();
            Long el = current && !"LISTING".equals(m) ? eligible.get(m) : null;
            PlanProgress.Metric metric = judge(m, plan, base, points, el, today);
            metrics.add(metric);
            if (worst == null || rank(metric.status()) > rank(worst)) {
                worst = metric.status();
            }
        }
        if (worst == null) {
            worst = PlanProgress.Status.NO_TARGET;
        }
        return new PlanProgress(plan, today, baseline, metrics, worst);
    }

    /** Severity used to pick the plan-level status. */
    private static int rank(PlanProgress.Status s) {
        return switch (s) {
            case NOT_STARTED, NO_TARGET -> 0;
            case ACHIEVED, ON_TRACK -> 1;
            case AT_RISK -> 2;
            case MISSED, BEHIND -> 3;
        };
    }

    static PlanProgress.Metric judge(String m, Plan plan, Long base, List<PlanProgress.Point> points, Long eligible,
                                     LocalDate today) {
        int y = today.getYear();
        if (y < plan.startYear()) {
            return new PlanProgress.Metric(m, base, points, eligible, null, null, PlanProgress.Status.NOT_STARTED);
        }
        if (y > plan.endYear()) {
            PlanProgress.Point last = points.get(points.size() - 1);
            PlanProgress.Status s = last.target() == null ? PlanProgress.Status.NO_TARGET
                    : last.actual() != null && last.actual() >= last.target() ? PlanProgress.Status.ACHIEVED
                    : PlanProgress.Status.MISSED;
            return new PlanProgress.Metric(m, base, points, eligible, last, last.target() == null ? null : last.target().doubleValue(), s);
        }
        PlanProgress.Point cur = points.get(y - plan.startYear());
        if (cur.target() == null) {
            return new PlanProgress.Metric(m, base, points, eligible, cur, null, PlanProgress.Status.NO_TARGET);
        }
        // expected by today: from last year's target (the baseline actual in the first year) to this year's
        Integer prevTarget = y > plan.startYear() ? points.get(y - plan.startYear() - 1).target() : null;
        double from = prevTarget != null ? prevTarget : base != null ? base : 0;
        double share = today.getDayOfYear() / (double) today.lengthOfYear();
        double expected = from + (cur.target() - from) * share;
        long act = cur.actual() == null ? 0 : cur.actual();
        PlanProgress.Status s = expected <= 0 || act >= expected ? PlanProgress.Status.ON_TRACK
                : act >= 0.85 * expected ? PlanProgress.Status.AT_RISK : PlanProgress.Status.BEHIND;
        return new PlanProgress.Metric(m, base, points, eligible, cur, Math.round(expected * 10) / 10.0, s);
    }

    /**
     * Actuals per metric at each of the given days (firms, in scope). Titles: in force that day
     * and not revoked; listings: listed from 1 January of the start year to that day.
     */
    Map<String, long[]> actuals(Scope scope, int startYear, List<LocalDate> days) {
        Map<String, long[]> out = new HashMap<>();
        StringBuilder sql = new StringBuilder("select x.metric");
        List<Object> args = new ArrayList<>();
        for (LocalDate d : days) {
            sql.append(", count(distinct case when x.recognised_on <= ? and (x.expires_on is null or x.expires_on >= ?) "
                    + "then x.credit_code end)");
            args.add(Date.valueOf(d));
            args.add(Date.valueOf(d));
        }
        sql.append(" from (select case when t.tier in ('INNOVATIVE', 'TECH_INNOVATIVE') then 'INNOVATIVE' else t.tier end"
                + " as metric, t.credit_code, t.recognised_on, t.expires_on from enterprise_title t"
                + " join enterprise e on e.credit_code = t.credit_code where t.status <> 'REVOKED' and ")
                .append(scope.firmFilter("e")).append(") x group by x.metric");
        args.addAll(scope.firmFilterArgs());
        jdbc.query(sql.toString(), (RowCallbackHandler) rs -> {
            long[] a = new long[days.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = rs.getLong(2 + i);
            }
            out.put(rs.getString(1), a);
        }, args.toArray());
        StringBuilder lsql = new StringBuilder("select 1");
        List<Object> largs = new ArrayList<>();
        for (LocalDate d : days) {
            lsql.append(", sum(case when l.listed_on >= ? and l.listed_on <= ? then 1 else 0 end)");
            largs.add(Date.valueOf(LocalDate.of(startYear, 1, 1)));
            largs.add(Date.valueOf(d));
        }
        lsql.append(" from enterprise_listing l join enterprise e on e.credit_code = l.credit_code where ")
                .append(scope.firmFilter("e"));
        largs.addAll(scope.firmFilterArgs());
        jdbc.query(lsql.toString(), (RowCallbackHandler) rs -> {
            long[] a = new long[days.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = rs.getLong(2 + i);
            }
            out.put("LISTING", a);
        }, largs.toArray());
        return out;
    }

    /** Eligible per metric by the current region grade, in scope (from the cached grade aggregates). */
    Map<String, Long> eligibleNow(Scope scope) {
        Map<String, Long> out = new HashMap<>();
        store.currentRun().ifPresent(run -> {
            Counts total = Counts.zero();
            for (DashboardStore.Cell c : store.gradeCells(scope, run.id())) {
                total = total.plus(c.counts());
            }
            out.put("INNOVATIVE", total.eligible(Tier.INNOVATIVE) + total.eligible(Tier.TECH_INNOVATIVE));
            out.put("SRDI", total.eligible(Tier.SRDI));
            out.put("LITTLE_GIANT", total.eligible(Tier.LITTLE_GIANT));
            out.put("CHAMPION", total.eligible(Tier.CHAMPION));
        });
        return out;
    }
}

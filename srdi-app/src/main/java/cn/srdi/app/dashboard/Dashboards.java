package cn.srdi.app.dashboard;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.Scope;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Builds the pyramid of the region for a scope and a filter from the grouped read model. */
@Service
public class Dashboards {

    private final DashboardStore store;
    private final DashboardProperties props;

    public Dashboards(DashboardStore store, DashboardProperties props) {
        this.store = store;
        this.props = props;
    }

    public static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    public DashboardProperties properties() {
        return props;
    }

    public Pyramid pyramid(Scope scope, DashboardFilter filter, Long runId) {
        RegionRun run = store.regionRun(runId).orElse(null);
        if (runId != null && run == null) {
            throw cn.srdi.app.web.BilingualException.notFound("没有编号为 " + runId + " 的已完成区域评价",
                    "no finished region grade run " + runId);
        }
        LocalDate today = today();
        List<DashboardStore.Cell> cells = store.cells(scope, run, today, props.expiringDays()).stream()
                .filter(c -> filter.matches(c.park(), c.focus(), c.industryCode())).toList();
        Counts total = Counts.zero();
        for (DashboardStore.Cell c : cells) {
            total = total.plus(c.counts());
        }
        return new Pyramid(run, today, props.expiringDays(), filter, total,
                group(cells, c -> nz(c.park())), group(cells, c -> nz(c.focus())),
                group(cells, c -> DashboardFilter.section(c.industryCode())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Counts> group(List<DashboardStore.Cell> cells, Function<DashboardStore.Cell, String> key) {
        Map<String, Counts> m = new TreeMap<>(Comparator.comparing((String s) -> s.isEmpty() || s.equals("?"))
                .thenComparing(Comparator.naturalOrder()));
        for (DashboardStore.Cell c : cells) {
            m.merge(key.apply(c), c.counts(), Counts::plus);
        }
        return new LinkedHashMap<>(m);
    }
}

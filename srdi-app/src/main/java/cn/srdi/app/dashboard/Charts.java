package cn.srdi.app.dashboard;

import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** ECharts options (as JSON for the {@code data-chart} attribute of static/js/app.js). */
@Component
public class Charts {

    static final String HELD_COLOR = "#1d4ed8";
    static final String ELIGIBLE_COLOR = "#f59e0b";
    private static final String[] RUNG_COLORS = {"#93c5fd", "#60a5fa", "#2563eb", "#1e3a8a", "#b91c1c"};

    private final JsonMapper json = JsonMapper.builder().build();
    private final Labels labels;

    public Charts(Labels labels) {
        this.labels = labels;
    }

    public String json(Object option) {
        return json.writeValueAsString(option);
    }

    /** Held vs eligible per rung as paired horizontal bars, the bottom rung at the bottom. */
    public String pyramid(Counts c) {
        List<String> names = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> eligible = new ArrayList<>();
        for (Tier t : Rung.ORDER) {
            names.add(labels.tier(t));
            held.add(c.held(t));
            eligible.add(c.eligible(t));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        o.put("legend", Map.of("top", 0));
        o.put("grid", Map.of("left", 8, "right", 40, "top", 30, "bottom", 8, "containLabel", true));
        o.put("xAxis", Map.of("type", "value"));
        o.put("yAxis", Map.of("type", "category", "data", names));
        o.put("series", List.of(
                bar(labels.msg("dash.held"), held, HELD_COLOR, null, "right"),
                bar(labels.msg("dash.eligible"), eligible, ELIGIBLE_COLOR, null, "right")));
        return json(o);
    }

    /** The titles held as a pyramid (funnel sorted ascending: the top rung is the narrowest). */
    public String funnel(Counts c) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Tier t : Rung.ORDER) {
            data.add(Map.of("name", labels.tier(t), "value", c.held(t)));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "funnel");
        series.put("sort", "ascending");
        series.put("minSize", "8%");
        series.put("gap", 2);
        series.put("left", "10%");
        series.put("width", "80%");
        series.put("label", Map.of("show", true, "position", "inside", "formatter", "{b}\n{c}"));
        series.put("data", data);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "item", "formatter", "{b}: {c}"));
        o.put("color", List.of(RUNG_COLORS));
        o.put("series", List.of(series));
        return json(o);
    }

    /** Held and eligible per rung for each group, as two stacks per group. */
    public String stacked(Map<String, Counts> groups, Function<String, String> name) {
        List<String> cats = new ArrayList<>();
        for (String k : groups.keySet()) {
            cats.add(name.apply(k));
        }
        List<Object> series = new ArrayList<>();
        String held = labels.msg("dash.held");
        String eligible = labels.msg("dash.eligible");
        for (Tier t : Rung.ORDER) {
            List<Long> h = new ArrayList<>();
            List<Long> e = new ArrayList<>();
            for (Counts c : groups.values()) {
                h.add(c.held(t));
                e.add(c.eligible(t));
            }
            String color = RUNG_COLORS[t.ordinal()];
            series.add(bar(labels.tier(t) + " · " + held, h, color, "held", null));
            Map<String, Object> eb = bar(labels.tier(t) + " · " + eligible, e, color, "eligible", null);
            eb.put("itemStyle", Map.of("color", color, "opacity", 0.55, "borderColor", ELIGIBLE_COLOR, "borderWidth", 1));
            series.add(eb);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        o.put("legend", Map.of("type", "scroll", "top", 0));
        o.put("grid", Map.of("left", 8, "right", 8, "top", 40, "bottom", 8, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", cats, "axisLabel", Map.of("interval", 0, "rotate", cats.size() > 5 ? 30 : 0)));
        o.put("yAxis", Map.of("type", "value"));
        o.put("series", series);
        return json(o);
    }

    /** Targets (bars) against actuals (line) per year of one plan metric, eligible now as a point. */
    public String progress(PlanProgress.Metric m) {
        List<String> years = new ArrayList<>();
        List<Object> targets = new ArrayList<>();
        List<Object> actuals = new ArrayList<>();
        List<Object> eligible = new ArrayList<>();
        if (m.baseline() != null) {
            years.add(labels.msg("dash.plan.baseline"));
            targets.add(null);
            actuals.add(m.baseline());
            eligible.add(null);
        }
        for (PlanProgress.Point p : m.points()) {
            years.add(String.valueOf(p.year()));
            targets.add(p.target());
            actuals.add(p.actual());
            eligible.add(p.partial() ? m.eligibleNow() : null);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("top", 0));
        o.put("grid", Map.of("left", 8, "right", 8, "top", 30, "bottom", 8, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", years));
        o.put("yAxis", Map.of("type", "value"));
        List<Object> series = new ArrayList<>();
        series.add(bar(labels.msg("dash.plan.target"), targets, "#cbd5e1", null, "top"));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", labels.msg("dash.plan.actual"));
        line.put("type", "line");
        line.put("data", actuals);
        line.put("itemStyle", Map.of("color", HELD_COLOR));
        line.put("label", Map.of("show", true, "position", "top"));
        series.add(line);
        if (m.eligibleNow() != null) {
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("name", labels.msg("dash.plan.eligible"));
            sc.put("type", "scatter");
            sc.put("symbolSize", 14);
            sc.put("data", eligible);
            sc.put("itemStyle", Map.of("color", ELIGIBLE_COLOR));
            series.add(sc);
        }
        o.put("series", series);
        return json(o);
    }

    private static Map<String, Object> bar(String name, List<?> data, String color, String stack, String labelPos) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "bar");
        if (stack != null) {
            s.put("stack", stack);
        }
        s.put("data", data);
        s.put("itemStyle", Map.of("color", color));
        if (labelPos != null) {
            s.put("label", Map.of("show", true, "position", labelPos));
        }
        return s;
    }
}

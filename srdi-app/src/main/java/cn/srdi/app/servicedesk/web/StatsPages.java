package cn.srdi.app.servicedesk.web;

import cn.srdi.app.identity.Scope;
import cn.srdi.app.servicedesk.Departments;
import cn.srdi.app.servicedesk.Statistics;
import cn.srdi.app.web.BilingualException;
import cn.srdi.app.web.Lang;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Statistics of the requests (scoped): by department, category, park or month; ECharts and XLSX. */
@Controller
class StatsPages {

    private final Statistics stats;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    StatsPages(Statistics stats, Departments departments, JdbcClient jdbc) {
        this.stats = stats;
        this.departments = departments;
        this.jdbc = jdbc;
    }

    static LocalDateTime day(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim()).atStartOfDay();
        } catch (java.time.format.DateTimeParseException e) {
            throw BilingualException.badRequest(field + "：日期“" + s + "”无效，格式为 yyyy-MM-dd",
                    field + ": date '" + s + "' is invalid, expected yyyy-MM-dd");
        }
    }

    Map<String, String> labels(Statistics.By by) {
        boolean zh = Lang.zh();
        Map<String, String> parks = new LinkedHashMap<>();
        jdbc.sql("select id, name_zh, name_en from park order by id").query((rs, n) -> new String[] {rs.getString(1),
                zh ? rs.getString(2) : rs.getString(3)}).list().forEach(p -> parks.put(p[0], p[1]));
        return stats.labels(by, zh, departments, parks);
    }

    @GetMapping("/servicedesk/stats")
    String page(@RequestParam(value = "by", required = false) String by, @RequestParam(value = "from", required = false) String from,
                @RequestParam(value = "to", required = false) String to, Model model) {
        Scope s = DeskPages.staff();
        Statistics.By b = Statistics.By.parse(by);
        List<Statistics.Row> rows = stats.by(s, b, day(from, "from"), day(to, "to") == null ? null : day(to, "to").plusDays(1));
        Map<String, String> labels = labels(b);
        model.addAttribute("by", b);
        model.addAttribute("rows", rows);
        model.addAttribute("labels", labels);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("volumeChart", volumeChart(rows, labels));
        model.addAttribute("onTimeChart", onTimeChart(rows, labels));
        return "servicedesk/stats";
    }

    private String volumeChart(List<Statistics.Row> rows, Map<String, String> labels) {
        List<String> names = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (Statistics.Row r : rows) {
            if (!"TOTAL".equals(r.key())) {
                names.add(labels.getOrDefault(r.key(), r.key()));
                open.add(r.open());
                done.add(r.resolved());
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("top", 0));
        o.put("grid", Map.of("left", 8, "right", 16, "top", 30, "bottom", 8, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("interval", 0, "rotate", names.size() > 6 ? 30 : 0)));
        o.put("yAxis", Map.of("type", "value"));
        o.put("series", List.of(
                Map.of("name", Lang.pick("已办结/关闭", "resolved/closed"), "type", "bar", "stack", "v", "data", done, "itemStyle", Map.of("color", "#1d4ed8")),
                Map.of("name", Lang.pick("办理中", "open"), "type", "bar", "stack", "v", "data", open, "itemStyle", Map.of("color", "#f59e0b"))));
        return json.writeValueAsString(o);
    }

    private String onTimeChart(List<Statistics.Row> rows, Map<String, String> labels) {
        List<String> names = new ArrayList<>();
        List<Object> a = new ArrayList<>();
        List<Object> r = new ArrayList<>();
        List<Object> v = new ArrayList<>();
        for (Statistics.Row x : rows) {
            if (!"TOTAL".equals(x.key())) {
                names.add(labels.getOrDefault(x.key(), x.key()));
                a.add(x.acceptOnTime());
                r.add(x.replyOnTime());
                v.add(x.resolveOnTime());
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("top", 0));
        o.put("grid", Map.of("left", 8, "right", 16, "top", 30, "bottom", 8, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("interval", 0, "rotate", names.size() > 6 ? 30 : 0)));
        o.put("yAxis", Map.of("type", "value", "max", 100, "axisLabel", Map.of("formatter", "{value}%")));
        o.put("series", List.of(
                Map.of("name", Lang.pick("受理按时率", "accepted on time"), "type", "bar", "data", a),
                Map.of("name", Lang.pick("答复按时率", "replied on time"), "type", "bar", "data", r),
                Map.of("name", Lang.pick("办结按时率", "resolved on time"), "type", "bar", "data", v)));
        return json.writeValueAsString(o);
    }

    @GetMapping("/servicedesk/stats.xlsx")
    void xlsx(@RequestParam(value = "from", required = false) String from, @RequestParam(value = "to", required = false) String to,
              HttpServletResponse response) throws IOException {
        Scope s = DeskPages.staff();
        LocalDateTime f = day(from, "from");
        LocalDateTime t = day(to, "to") == null ? null : day(to, "to").plusDays(1);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"servicedesk-statistics.xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "SRDI", "1.0");
            for (Statistics.By b : Statistics.By.values()) {
                Map<String, String> labels = labels(b);
                Worksheet ws = wb.newWorksheet(sheetName(b));
                String[] header = Lang.zh()
                        ? new String[] {"分组", "名称", "诉求量", "办理中", "已办结", "超期未办", "受理按时率%", "答复按时率%", "办结按时率%",
                            "办理时长中位数(小时)", "满意度", "评价数"}
                        : new String[] {"key", "name", "volume", "open", "resolved", "overdue open", "accepted on time %",
                            "replied on time %", "resolved on time %", "median hours", "satisfaction", "ratings"};
                for (int c = 0; c < header.length; c++) {
                    ws.value(0, c, header[c]);
                    ws.style(0, c).bold().set();
                }
                int row = 1;
                for (Statistics.Row r : stats.by(s, b, f, t)) {
                    Object[] cells = {r.key(), labels.getOrDefault(r.key(), r.key()), r.volume(), r.open(), r.resolved(),
                        r.overdueOpen(), r.acceptOnTime(), r.replyOnTime(), r.resolveOnTime(), r.medianHours(), r.satisfaction(),
                        r.ratings()};
                    for (int c = 0; c < cells.length; c++) {
                        if (cells[c] instanceof Number n) {
                            ws.value(row, c, n);
                        } else if (cells[c] != null) {
                            ws.value(row, c, cells[c].toString());
                        }
                    }
                    row++;
                }
            }
            wb.finish();
        }
    }

    static String sheetName(Statistics.By b) {
        return switch (b) {
            case DEPARTMENT -> Lang.pick("按部门", "by department");
            case CATEGORY -> Lang.pick("按类别", "by category");
            case PARK -> Lang.pick("按园区", "by park");
            case MONTH -> Lang.pick("按月份", "by month");
        };
    }
}

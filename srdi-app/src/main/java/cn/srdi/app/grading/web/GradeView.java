package cn.srdi.app.grading.web;

import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.StoredGrade;
import cn.srdi.engine.grading.ConditionDef;
import cn.srdi.engine.grading.Gap;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Note;
import cn.srdi.engine.grading.Role;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;

/** A grade laid out for the firm grade fragment, in one language. */
record GradeView(StoredGrade stored, boolean rulesUnchanged, String eligibleTier, String eligibleLabel, String smeClass,
                 List<TierView> tiers, String nextTier, String nextTierLabel, List<GapView> nextGaps,
                 List<String> missingTitles) {

    record CondView(String id, String kind, String status, String label, String actual, String required, String points,
                    String notes) {
    }

    record GapView(String id, String status, String actual, String required, String hint) {
    }

    record TierView(String tier, String label, String ruleSet, String status, String route, Integer score,
                    Integer innovativeScore, Integer techSmeScore, Map<String, Integer> dimensions, List<CondView> conditions,
                    List<GapView> gaps, List<String> missingTitles) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Map<String, String> DIMENSIONS_EN = Map.of("创新能力", "innovation", "成长性", "growth", "专业化",
            "specialisation", "精细化", "refinement", "特色化", "distinctiveness", "科技人员", "technology staff", "研发投入",
            "R&D input", "科技成果", "technology results");

    private static final Map<String, String> UNITS_EN = Map.of("分", " pts", "年", " years", "人", " people", "项", "",
            "个", "", "名", "", "级", "");

    static String tierLabel(String tier, boolean zh) {
        if (tier == null || tier.equals("NONE")) {
            return zh ? "无" : "none";
        }
        try {
            Tier t = Tier.valueOf(tier);
            return zh ? t.zh() : t.en();
        } catch (IllegalArgumentException e) {
            return tier;
        }
    }

    static GradeView of(GradingService.FirmGrade f, boolean zh) {
        Grade g = f.grade();
        Map<Tier, List<Tier>> missing = g.missingTitles();
        List<TierView> tiers = new ArrayList<>();
        for (TierResult r : g.tiers()) {
            List<CondView> conds = new ArrayList<>();
            for (int i = 0; i < r.conditionCount(); i++) {
                ConditionDef d = r.def(i);
                String unit = unit(d.unit(), zh);
                Object actual = r.actual(i);
                String req = d.required() == null || d.role() == Role.INDICATOR ? ""
                        : (d.op() == null ? "" : d.op().equals("<=") ? "≤ " : "≥ ") + value(d.required(), zh)
                                + (d.required() instanceof Double ? unit : "");
                StringJoiner notes = new StringJoiner("；");
                for (Note n : r.notes(i)) {
                    notes.add(zh ? n.zh() : n.en());
                }
                conds.add(new CondView(d.id(), d.role().name(), r.conditionStatus(i).name(), zh ? d.labelZh() : d.labelEn(),
                        actual == null ? "—" : value(actual, zh) + (actual instanceof Double ? unit : ""), req,
                        d.role() == Role.INDICATOR ? r.points(i) + "/" + d.max() : "", notes.toString()));
            }
            Map<String, Integer> dims = new LinkedHashMap<>();
            r.dimensions().forEach((k, v) -> dims.put(zh ? k : DIMENSIONS_EN.getOrDefault(k, k), v));
            List<GapView> gaps = r.status().name().equals("PASS") ? List.of() : gaps(r.gaps(), zh);
            tiers.add(new TierView(r.tier().name(), zh ? r.tier().zh() : r.tier().en(), r.ruleSetId(), r.status().name(),
                    r.route() == null ? null : r.route().name(), r.score(), r.innovativeScore(), r.techSmeScore(), dims, conds,
                    gaps, titles(missing.get(r.tier()), zh)));
        }
        Tier next = g.nextTier();
        List<String> nextMissing = next == null ? List.of() : titles(missing.get(next), zh);
        return new GradeView(f.stored(), f.rulesUnchanged(), g.eligibleTierName(), tierLabel(g.eligibleTierName(), zh),
                zh ? g.smeClass().zh() : g.smeClass().name(), tiers, next == null ? null : next.name(),
                next == null ? null : tierLabel(next.name(), zh), gaps(g.nextTierGaps(), zh), nextMissing);
    }

    private static List<String> titles(List<Tier> list, boolean zh) {
        if (list == null) {
            return List.of();
        }
        return list.stream().map(t -> zh ? t.zh() : t.en()).toList();
    }

    private static List<GapView> gaps(List<Gap> gaps, boolean zh) {
        List<GapView> out = new ArrayList<>();
        for (Gap gap : gaps) {
            out.add(new GapView(gap.id(), gap.status().name(), gap.actual() == null ? "—" : value(gap.actual(), zh),
                    gap.required() == null ? "—" : value(gap.required(), zh), zh ? gap.hintZh() : gap.hintEn()));
        }
        return out;
    }

    static String unit(String u, boolean zh) {
        if (u == null) {
            return "";
        }
        return zh ? u : UNITS_EN.getOrDefault(u, u);
    }

    static String value(Object v, boolean zh) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Boolean b) {
            return b ? (zh ? "是" : "yes") : (zh ? "否" : "no");
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? (zh ? "无" : "none") : String.join(", ", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    /** An ECharts option: first-rung and SRDI scores and the eligible rung over the firm's history, oldest first. */
    static String historyChart(List<StoredGrade> history, boolean zh) {
        List<StoredGrade> list = new ArrayList<>(history);
        Collections.reverse(list);
        List<String> x = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        List<Integer> srdi = new ArrayList<>();
        List<Integer> rung = new ArrayList<>();
        for (StoredGrade s : list) {
            x.add(s.assessmentDate() + " #" + s.runId());
            first.add(s.summary().firstRungScore());
            srdi.add(s.summary().scoreSrdi());
            rung.add(cn.srdi.app.grading.GradeSummary.rank(s.summary().eligibleTier()));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("top", 0));
        o.put("grid", Map.of("left", 40, "right", 40, "top", 40, "bottom", 30, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", x));
        o.put("yAxis", List.of(Map.of("type", "value", "name", zh ? "得分" : "score", "min", 0, "max", 100),
                Map.of("type", "value", "name", zh ? "梯度" : "rung", "min", 0, "max", 3, "interval", 1)));
        List<Object> series = new ArrayList<>();
        series.add(Map.of("name", zh ? "创新型/科技型得分" : "first-rung score", "type", "line", "data", first, "connectNulls", true));
        series.add(Map.of("name", zh ? "专精特新得分(2022)" : "SRDI score (2022)", "type", "line", "data", srdi, "connectNulls", true));
        series.add(Map.of("name", zh ? "可认定梯度" : "eligible rung", "type", "line", "step", "end", "yAxisIndex", 1, "data", rung));
        o.put("series", series);
        return JSON.writeValueAsString(o);
    }
}

package cn.srdi.engine.output;

import cn.srdi.engine.grading.ConditionDef;
import cn.srdi.engine.grading.Gap;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Note;
import cn.srdi.engine.grading.Role;
import cn.srdi.engine.grading.Status;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Tier;
import java.util.List;
import java.util.Map;

/** A readable report of one grade, in Chinese or English: every rung, every condition, the gaps. */
public final class ExplainReport {
    private ExplainReport() {
    }

    public static String render(Grade g, boolean zh) {
        StringBuilder sb = new StringBuilder();
        String name = g.profile().name();
        sb.append(zh ? "企业：" : "Enterprise: ").append(name).append(" (").append(g.creditCode()).append(")\n");
        sb.append(zh ? "评价日期：" : "Assessment date: ").append(g.context().assessmentDate())
                .append(zh ? "    申报类型：" : "    application type: ")
                .append(zh ? g.context().applicationType().zh() : g.context().applicationType().name()).append('\n');
        sb.append(zh ? "规则集：" : "Rule sets: ").append(String.join(", ", g.ruleSets()))
                .append(zh ? "    企业规模：" : "    size class: ").append(zh ? g.smeClass().zh() : g.smeClass().name()).append('\n');
        Tier e = g.eligibleTier();
        sb.append(zh ? "可认定的最高梯度：" : "Highest eligible rung: ")
                .append(e == null ? (zh ? "无" : "none") : (zh ? e.zh() : e.en()) + " (" + e.name() + ")").append("\n");
        Map<Tier, List<Tier>> missing = g.missingTitles();
        for (Map.Entry<Tier, List<Tier>> m : missing.entrySet()) {
            sb.append(zh ? "  认定" : "  Recognition as ").append(zh ? m.getKey().zh() : m.getKey().en())
                    .append(zh ? "还需已获称号：" : " also needs the title: ");
            for (Tier t : m.getValue()) {
                sb.append(zh ? t.zh() : t.en()).append(' ');
            }
            sb.append('\n');
        }
        for (TierResult r : g.tiers()) {
            sb.append('\n');
            tier(sb, r, zh);
            if (r.status() != Status.PASS) {
                List<Gap> gaps = r.gaps();
                if (!gaps.isEmpty()) {
                    sb.append(zh ? "  差距与改进：\n" : "  Gaps and what closes them:\n");
                    for (Gap gap : gaps) {
                        sb.append("   → ").append(gap.id()).append(": ").append(zh ? gap.hintZh() : gap.hintEn()).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void tier(StringBuilder sb, TierResult r, boolean zh) {
        sb.append("【").append(zh ? r.tier().zh() : r.tier().en()).append("】 ").append(status(r.status(), zh));
        if (r.route() != null) {
            sb.append(zh ? "  途径 " : "  route ").append(r.route().name());
        }
        if (r.score() != null) {
            sb.append(zh ? "  得分 " : "  score ").append(r.score());
        }
        Map<String, Integer> dims = r.dimensions();
        if (!dims.isEmpty()) {
            sb.append("  (");
            boolean first = true;
            for (Map.Entry<String, Integer> d : dims.entrySet()) {
                sb.append(first ? "" : ", ").append(zh ? d.getKey() : DIMENSIONS_EN.getOrDefault(d.getKey(), d.getKey())).append(' ').append(d.getValue());
                first = false;
            }
            sb.append(')');
        }
        sb.append(zh ? "  [规则集 " : "  [rule set ").append(r.ruleSetId()).append("]\n");
        for (int i = 0; i < r.conditionCount(); i++) {
            ConditionDef d = r.def(i);
            Status s = r.conditionStatus(i);
            sb.append("  ").append(mark(s, d.role())).append(' ').append(d.id()).append("  ").append(zh ? d.labelZh() : d.labelEn());
            Object actual = r.actual(i);
            if (actual != null) {
                sb.append(zh ? "  实际 " : "  actual ").append(value(actual)).append(unit(d.unit(), zh));
            }
            if (d.required() != null && d.role() != Role.INDICATOR) {
                sb.append(zh ? "  要求 " : "  required ").append(d.op() == null ? "" : d.op().equals("<=") ? "≤ " : "≥ ")
                        .append(value(d.required())).append(d.required() instanceof Double ? unit(d.unit(), zh) : "");
            }
            if (d.role() == Role.INDICATOR) {
                sb.append(zh ? "  得分 " : "  points ").append(r.points(i)).append('/').append(d.max());
            }
            for (Note n : r.notes(i)) {
                sb.append("  (").append(zh ? n.zh() : n.en()).append(')');
            }
            sb.append('\n');
        }
    }

    private static final Map<String, String> DIMENSIONS_EN = Map.of("创新能力", "innovation", "成长性", "growth", "专业化", "specialisation",
            "精细化", "refinement", "特色化", "distinctiveness", "科技人员", "technology staff", "研发投入", "R&D input", "科技成果", "technology results");

    private static final Map<String, String> UNITS_EN = Map.of("分", " pts", "年", " years", "人", " people", "项", "", "个", "", "名", "", "级", "");

    /** The unit of a value; 万元 and % stay as they are in English (万元 is the unit of the rules). */
    private static String unit(String u, boolean zh) {
        return zh ? u : UNITS_EN.getOrDefault(u, u);
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "是/yes" : "否/no";
        }
        return String.valueOf(v);
    }

    private static String mark(Status s, Role role) {
        if (role == Role.INDICATOR) {
            return "·";
        }
        return switch (s) {
            case PASS -> "✔";
            case FAIL -> "✘";
            case REVIEW -> "?";
            case NOT_MET -> "–";
        };
    }

    private static String status(Status s, boolean zh) {
        if (!zh) {
            return s.name();
        }
        return switch (s) {
            case PASS -> "通过 PASS";
            case FAIL -> "未通过 FAIL";
            case REVIEW -> "待审核 REVIEW";
            case NOT_MET -> "未满足";
        };
    }
}

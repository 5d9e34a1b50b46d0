package cn.srdi.engine.output;

import cn.srdi.engine.grading.ConditionDef;
import cn.srdi.engine.grading.Gap;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Note;
import cn.srdi.engine.grading.Role;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.Tier;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes grades as JSON Lines exactly as GRADING.md section 9: one object per graded row. The field
 * names are a contract other tools rely on; new fields may be added, none renamed.
 */
public final class GradeJson implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().rootValueSeparator((String) null).build();

    private final JsonGenerator g;
    private final Writer out;

    public GradeJson(Writer out) {
        this.out = out;
        this.g = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    /** Writes one grade as one line. */
    public void write(Grade grade) {
        g.writeStartObject();
        g.writeNumberProperty("row", grade.row());
        g.writeStringProperty("credit_code", grade.creditCode());
        g.writeStringProperty("name", grade.profile().name());
        g.writeStringProperty("assessment_date", grade.context().assessmentDate().toString());
        g.writeStringProperty("application_type", grade.context().applicationType().name());
        g.writeName("rule_sets");
        g.writeStartArray();
        for (String s : grade.ruleSets()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeStringProperty("sme_class", grade.smeClass().name());
        g.writeStringProperty("eligible_tier", grade.eligibleTierName());
        g.writeName("missing_titles");
        g.writeStartObject();
        for (Map.Entry<Tier, List<Tier>> e : grade.missingTitles().entrySet()) {
            g.writeName(e.getKey().name());
            g.writeStartArray();
            for (Tier t : e.getValue()) {
                g.writeString(t.name());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeName("tiers");
        g.writeStartObject();
        for (TierResult r : grade.tiers()) {
            g.writeName(r.tier().name());
            writeTier(r);
        }
        g.writeEndObject();
        Tier next = grade.nextTier();
        g.writeName("next_tier");
        if (next == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringProperty("tier", next.name());
            g.writeName("gaps");
            g.writeStartArray();
            for (Gap gap : grade.nextTierGaps()) {
                g.writeStartObject();
                g.writeStringProperty("id", gap.id());
                g.writeStringProperty("status", gap.status().name());
                g.writeName("actual");
                writeValue(gap.actual());
                g.writeName("required");
                writeValue(gap.required());
                g.writeStringProperty("hint_zh", gap.hintZh());
                g.writeStringProperty("hint_en", gap.hintEn());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.flush();
        try {
            out.write('\n');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeTier(TierResult r) {
        g.writeStartObject();
        g.writeStringProperty("rule_set", r.ruleSetId());
        g.writeStringProperty("status", r.status().name());
        if (r.route() != null) {
            g.writeStringProperty("route", r.route().name());
        }
        if (r.score() != null) {
            g.writeNumberProperty("score", r.score());
        }
        if (r.tier() == Tier.TECH_INNOVATIVE) {
            g.writeNumberProperty("innovative_score", r.innovativeScore());
            g.writeNumberProperty("tech_sme_score", r.techSmeScore());
        }
        Map<String, Integer> dims = r.dimensions();
        if (!dims.isEmpty()) {
            g.writeName("dimensions");
            g.writeStartObject();
            for (Map.Entry<String, Integer> d : dims.entrySet()) {
                g.writeNumberProperty(d.getKey(), d.getValue());
            }
            g.writeEndObject();
        }
        g.writeName("conditions");
        g.writeStartArray();
        for (int i = 0; i < r.conditionCount(); i++) {
            ConditionDef d = r.def(i);
            g.writeStartObject();
            g.writeStringProperty("id", d.id());
            g.writeStringProperty("kind", d.role().name());
            g.writeStringProperty("status", r.conditionStatus(i).name());
            g.writeName("actual");
            writeValue(r.actual(i));
            g.writeName("required");
            writeValue(d.required());
            if (d.op() != null) {
                g.writeStringProperty("op", d.op());
            }
            if (d.role() == Role.INDICATOR) {
                g.writeNumberProperty("points", r.points(i));
                g.writeNumberProperty("max", d.max());
                g.writeStringProperty("dimension", d.dimension());
            } else {
                g.writeNullProperty("points");
            }
            g.writeName("notes");
            g.writeStartArray();
            for (Note n : r.notes(i)) {
                g.writeString(n.name());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeValue(Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeNull();
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    @Override
    public void close() {
        g.close();
    }
}

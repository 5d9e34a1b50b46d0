package cn.srdi.engine.synth;

import static cn.srdi.engine.model.Field.*;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test helper: re-reads generated rows the way GRADING.md section 8 asks (types and ranges through
 * {@link ProfileValues#parseInto}, required cells, the consistency rules, duplicate credit codes in
 * the same file) and lists every problem.
 */
final class RowChecker {
    private final Set<String> seenCodes = new HashSet<>();

    /** The parsed profile of the last row checked. */
    Profile last;
    /** Warnings of the last row checked (accepted values with a remark). */
    final List<String> warnings = new ArrayList<>();

    /** Problems of one row; empty when the row is acceptable. */
    List<String> check(String[] cells) {
        List<String> problems = new ArrayList<>();
        warnings.clear();
        if (cells.length != Field.ALL.length) {
            problems.add("row has " + cells.length + " cells");
            return problems;
        }
        Profile p = new Profile();
        for (Field f : Field.ALL) {
            String raw = cells[f.ordinal()];
            if (raw == null || raw.isBlank()) {
                if (f.required()) {
                    problems.add(f.id() + ": required cell blank");
                }
                continue;
            }
            ProfileValues.CellProblem cp = ProfileValues.parseInto(p, f, raw);
            if (cp != null) {
                if (cp.warning()) {
                    warnings.add(f.id() + ": " + cp.en());
                } else {
                    problems.add(f.id() + "=" + raw + ": " + cp.en());
                }
            }
        }
        problems.addAll(consistency(p));
        if (p.has(CREDIT_CODE) && !seenCodes.add(p.creditCode())) {
            problems.add("credit_code " + p.creditCode() + " repeats an earlier row");
        }
        last = p;
        return problems;
    }

    /** The consistency rules of section 8 on a parsed profile. */
    static List<String> consistency(Profile p) {
        List<String> out = new ArrayList<>();
        notAbove(p, MAIN_REVENUE_Y1, REVENUE_Y1, out);
        notAbove(p, MAIN_REVENUE_Y2, REVENUE_Y2, out);
        notAbove(p, MAIN_REVENUE_Y3, REVENUE_Y3, out);
        notAbove(p, RD_STAFF_Y1, EMPLOYEES_Y1, out);
        notAbove(p, TECH_STAFF_Y1, EMPLOYEES_Y1, out);
        for (Field f : new Field[] {IP1_SELF_DEVELOPED, IP1_HIGH_VALUE, IP1_APPLIED, IP1_OWN_TOP3}) {
            if (p.has(f) && p.get(f) > p.get(IP1)) { // blank ip1 counts as 0
                out.add(f.id() + " above ip1");
            }
        }
        if (p.has(EQUITY_FINANCING_2Y) && p.get(EQUITY_FINANCING_2Y) > p.get(EQUITY_FINANCING_3Y)) {
            out.add("equity_financing_2y above equity_financing_3y");
        }
        return out;
    }

    private static void notAbove(Profile p, Field part, Field whole, List<String> out) {
        if (p.has(part) && p.has(whole) && p.get(part) > p.get(whole)) {
            out.add(part.id() + " above " + whole.id());
        }
    }
}

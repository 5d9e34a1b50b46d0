package cn.srdi.engine.output;

import cn.srdi.engine.grading.ConditionDef;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Role;
import cn.srdi.engine.grading.Route;
import cn.srdi.engine.grading.Status;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.model.SizeClass;
import cn.srdi.engine.model.Tier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes grade summaries as CSV (UTF-8, RFC 4180 quoting). {@link #write(ByteSink, Grade)} is the fast
 * path: it appends UTF-8 bytes straight into a reusable {@link ByteSink}, with enum names and condition
 * ids as precomputed bytes; its output is byte for byte that of {@link #write(StringBuilder, Grade)}
 * encoded to UTF-8.
 */
public final class GradeCsv {
    private static final Tier[] TIERS = Tier.values();
    private static final byte[][] TIER = names(Tier.values());
    /** "TIER:" per tier ordinal. */
    private static final byte[][] TIER_COLON = new byte[TIERS.length][];
    private static final byte[][] STATUS = names(Status.values());
    private static final byte[][] ROUTE = names(Route.values());
    private static final byte[][] SIZE = names(SizeClass.values());
    private static final byte[] NONE = ascii("NONE");
    private static final byte[] HEADER_BYTES;
    /** UTF-8 bytes of condition and rule-set ids, by id. */
    private static final Map<String, byte[]> IDS = new ConcurrentHashMap<>();

    static {
        for (Tier t : TIERS) {
            TIER_COLON[t.ordinal()] = ascii(t.name() + ":");
        }
        StringBuilder sb = new StringBuilder();
        header(sb);
        HEADER_BYTES = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private GradeCsv() {
    }

    public static void header(StringBuilder sb) {
        row(sb, GradeSummaryRow.HEADER.toArray(new String[0]));
    }

    /** Appends the header line as UTF-8. */
    public static void header(ByteSink out) {
        out.append(HEADER_BYTES);
    }

    public static void write(StringBuilder sb, Grade g) {
        row(sb, GradeSummaryRow.cells(g));
    }

    /**
     * Appends the summary row of {@code g} (the cells of {@link GradeSummaryRow#cells}) as UTF-8 CSV,
     * newline included.
     */
    public static void write(ByteSink out, Grade g) {
        out.appendLong(g.row());
        out.append((byte) ',');
        textCell(out, g.creditCode());
        out.append((byte) ',');
        textCell(out, g.profile().name());
        out.append((byte) ',');
        int start = out.size();
        List<String> sets = g.ruleSets();
        for (int i = 0, n = sets.size(); i < n; i++) {
            if (i > 0) {
                out.append((byte) ';');
            }
            out.append(id(sets.get(i)));
        }
        out.quoteCsvCellFrom(start);
        out.append((byte) ',');
        out.append(SIZE[g.smeClass().ordinal()]);
        out.append((byte) ',');
        Tier eligible = g.eligibleTier();
        out.append(eligible == null ? NONE : TIER[eligible.ordinal()]);
        out.append((byte) ',');
        Tier next = g.nextTier();
        if (next != null) {
            out.append(TIER[next.ordinal()]);
        }
        out.append((byte) ',');
        TierResult innovative = g.tier(Tier.INNOVATIVE);
        TierResult tech = g.tier(Tier.TECH_INNOVATIVE);
        TierResult srdi = g.tier(Tier.SRDI);
        TierResult giant = g.tier(Tier.LITTLE_GIANT);
        TierResult champion = g.tier(Tier.CHAMPION);
        statusAndScore(out, innovative);
        statusAndScore(out, tech);
        if (tech != null) {
            Route route = tech.route();
            if (route != null) {
                out.append(ROUTE[route.ordinal()]);
            }
        }
        out.append((byte) ',');
        statusAndScore(out, srdi);
        status(out, giant);
        out.append((byte) ',');
        status(out, champion);
        out.append((byte) ',');
        missingTitles(out, g);
        out.append((byte) ',');
        start = out.size();
        // the order of Grade.tiers(): the ladder (lowest rung first), then CHAMPION
        int dirty = failing(out, innovative, 0);
        dirty = failing(out, tech, dirty);
        dirty = failing(out, srdi, dirty);
        dirty = failing(out, giant, dirty);
        dirty = failing(out, champion, dirty);
        if ((dirty & DIRTY) != 0) {
            out.quoteCsvCellFrom(start);
        }
        out.append((byte) '\n');
    }

    public static void row(StringBuilder sb, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            cell(sb, cells[i]);
        }
        sb.append('\n');
    }

    public static void row(StringBuilder sb, List<String> cells) {
        row(sb, cells.toArray(new String[0]));
    }

    /** Appends one cell, quoted when it holds a comma, a quote or a line break. */
    public static void cell(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }

    /** Appends one text cell as UTF-8, quoted when needed (null appends nothing). */
    public static void textCell(ByteSink out, String s) {
        if (s == null) {
            return;
        }
        out.appendCsvCell(s);
    }

    private static void statusAndScore(ByteSink out, TierResult r) {
        if (r != null) {
            out.append(STATUS[r.status().ordinal()]);
            out.append((byte) ',');
            Integer score = r.score();
            if (score != null) {
                out.appendInt(score);
            }
        } else {
            out.append((byte) ',');
        }
        out.append((byte) ',');
    }

    private static void status(ByteSink out, TierResult r) {
        if (r != null) {
            out.append(STATUS[r.status().ordinal()]);
        }
    }

    /**
     * "TIER:TITLE;…" as {@link GradeSummaryRow#cells} writes it from {@link Grade#missingTitles()},
     * without building the map: the prerequisites of each tier rule are learnt once (see
     * {@link #prerequisites}), then only {@link Grade#holds} is asked.
     */
    private static void missingTitles(ByteSink out, Grade g) {
        for (Tier t : TIERS) {
            TierResult r = g.tier(t);
            if (r != null && prerequisites(r) == null) {
                learn(g);
                missingTitlesSlow(out, g);
                return;
            }
        }
        boolean first = true;
        for (Tier t : TIERS) {
            TierResult r = g.tier(t);
            if (r == null) {
                continue;
            }
            for (Tier m : prerequisites(r)) {
                if (!g.holds(m)) {
                    if (!first) {
                        out.append((byte) ';');
                    }
                    first = false;
                    out.append(TIER_COLON[t.ordinal()]);
                    out.append(TIER[m.ordinal()]);
                }
            }
        }
    }

    private static void missingTitlesSlow(ByteSink out, Grade g) {
        Map<Tier, List<Tier>> missing = g.missingTitles();
        boolean first = true;
        for (Map.Entry<Tier, List<Tier>> e : missing.entrySet()) {
            byte[] tier = TIER_COLON[e.getKey().ordinal()];
            for (Tier m : e.getValue()) {
                if (!first) {
                    out.append((byte) ';');
                }
                first = false;
                out.append(tier);
                out.append(TIER[m.ordinal()]);
            }
        }
    }

    /** A tier rule (told apart by its first condition, a per-rule instance) and its prerequisite titles. */
    private record Prerequisites(ConditionDef first, int conditions, Tier tier, Tier[] titles) {
    }

    private static volatile Prerequisites[] known = new Prerequisites[0];

    /**
     * The prerequisite titles of the rule that produced {@code r}, or null when not known yet and not
     * learnable from {@code r}'s grade. Learnt from a grade whose firm holds no title at all: its
     * {@link Grade#missingTitles()} entry for the tier is then exactly the prerequisites.
     */
    private static Tier[] prerequisites(TierResult r) {
        int n = r.conditionCount();
        if (n == 0) {
            return null;
        }
        ConditionDef first = r.def(0);
        Tier tier = r.tier();
        for (Prerequisites p : known) {
            if (p.first == first && p.conditions == n && p.tier == tier) {
                return p.titles;
            }
        }
        return null;
    }

    /** Learns the prerequisites of the rules of {@code g} when its firm holds no title. */
    private static void learn(Grade g) {
        for (Tier t : TIERS) {
            if (g.holds(t)) {
                return;
            }
        }
        Map<Tier, List<Tier>> missing = g.missingTitles();
        synchronized (GradeCsv.class) {
            Prerequisites[] k = known;
            for (Tier t : TIERS) {
                TierResult r = g.tier(t);
                if (r == null || r.conditionCount() == 0 || prerequisites(r) != null || k.length >= 256) {
                    continue;
                }
                List<Tier> m = missing.get(t);
                k = java.util.Arrays.copyOf(k, k.length + 1);
                k[k.length - 1] = new Prerequisites(r.def(0), r.conditionCount(), t, m == null ? new Tier[0] : m.toArray(new Tier[0]));
                known = k;
            }
        }
    }

    private static final int WRITTEN = 1;
    private static final int DIRTY = 2;

    /**
     * Appends "TIER:ID" (or "TIER:ID?" for REVIEW) per failing gate of {@code r}. {@code state} and the
     * result: bit {@link #WRITTEN} once a label is written, {@link #DIRTY} when a label of a rule seen
     * needs CSV quoting.
     */
    private static int failing(ByteSink out, TierResult r, int state) {
        if (r == null) {
            return state;
        }
        Labels l = labels(r);
        byte[][] labels = l.labels;
        int[] gates = l.gates;
        boolean first = (state & WRITTEN) == 0;
        for (int g = 0, n = gates.length; g < n; g++) {
            Status s = r.conditionStatus(gates[g]);
            if (s != Status.FAIL && s != Status.REVIEW) {
                continue;
            }
            if (!first) {
                out.append((byte) ';');
            }
            first = false;
            out.append(labels[g]);
            if (s == Status.REVIEW) {
                out.append((byte) '?');
            }
        }
        return (first ? 0 : WRITTEN) | (l.clean ? 0 : DIRTY) | (state & DIRTY);
    }

    /** The condition index of each gate of a tier rule, in order, and its "TIER:ID" bytes. */
    private record Labels(ConditionDef first, int conditions, Tier tier, int[] gates, byte[][] labels, boolean clean) {
    }

    private static final Labels NO_LABELS = new Labels(null, 0, null, new int[0], new byte[0][], true);
    private static volatile Labels[] labels = new Labels[0];

    /** The gate labels of the rule that produced {@code r} (told apart by its first condition, a per-rule instance). */
    private static Labels labels(TierResult r) {
        int n = r.conditionCount();
        if (n == 0) {
            return NO_LABELS;
        }
        ConditionDef first = r.def(0);
        Tier tier = r.tier();
        for (Labels l : labels) {
            if (l.first == first && l.conditions == n && l.tier == tier) {
                return l;
            }
        }
        int[] gates = new int[n];
        byte[][] out = new byte[n][];
        int gateCount = 0;
        boolean clean = true;
        for (int i = 0; i < n; i++) {
            ConditionDef d = r.def(i);
            if (d.role() == Role.GATE) {
                String label = tier.name() + ":" + d.id();
                gates[gateCount] = i;
                out[gateCount++] = label.getBytes(StandardCharsets.UTF_8);
                clean &= label.indexOf(',') < 0 && label.indexOf('"') < 0 && label.indexOf('\n') < 0 && label.indexOf('\r') < 0;
            }
        }
        Labels l = new Labels(first, n, tier, java.util.Arrays.copyOf(gates, gateCount), java.util.Arrays.copyOf(out, gateCount), clean);
        synchronized (GradeCsv.class) {
            Labels[] k = labels;
            if (k.length < 256) {
                k = java.util.Arrays.copyOf(k, k.length + 1);
                k[k.length - 1] = l;
                labels = k;
            }
        }
        return l;
    }

    private static byte[] id(String id) {
        byte[] b = IDS.get(id);
        if (b == null) {
            b = id.getBytes(StandardCharsets.UTF_8);
            if (IDS.size() < 100_000) {
                IDS.put(id, b);
            }
        }
        return b;
    }

    private static byte[][] names(Enum<?>[] values) {
        byte[][] out = new byte[values.length][];
        for (Enum<?> v : values) {
            out[v.ordinal()] = ascii(v.name());
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

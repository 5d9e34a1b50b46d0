package cn.srdi.engine.rules;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.SizeClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The SME size classes of 工信部联企业〔2011〕300号 (GRADING.md section 7), as data: each industry group
 * lists its GB/T 4754 codes and three conditions over E (employees), R (revenue, 万元) and A (total
 * assets, 万元), written like {@code E < 1000 or R < 40000}.
 */
public final class SizeRules {
    private static final int E = 0;
    private static final int R = 1;
    private static final int A = 2;

    /** One comparison {@code var op value}. */
    private record Term(int var, Band.Op op, long value) {
        boolean test(long e, long r, long a) {
            long v = var == E ? e : var == R ? r : a;
            return op.test(Long.compare(v, value));
        }
    }

    /** Terms joined all by {@code and} or all by {@code or}. */
    private record Expr(Term[] terms, boolean and) {
        boolean test(long e, long r, long a) {
            for (Term t : terms) {
                boolean ok = t.test(e, r, a);
                if (and && !ok) {
                    return false;
                }
                if (!and && ok) {
                    return true;
                }
            }
            return and;
        }
    }

    /** A code pattern: a section letter, a letter with a digit prefix, or a range of two-digit divisions. */
    private record Pattern(String prefix, int fromDivision, int toDivision) {
        boolean matches(String code) {
            if (prefix.equals("*")) {
                return true;
            }
            if (fromDivision >= 0) {
                if (code.length() < 3 || code.charAt(0) != prefix.charAt(0)) {
                    return false;
                }
                int div = (code.charAt(1) - '0') * 10 + (code.charAt(2) - '0');
                return div >= fromDivision && div <= toDivision;
            }
            return code.startsWith(prefix);
        }
    }

    private record Group(String name, Pattern[] patterns, Expr sme, Expr medium, Expr small) {
    }

    private final Group[] groups;
    /**
     * Group of each section letter × division ({@code (letter - 'A') * 100 + division}), or -1 when
     * a pattern longer than a division (e.g. K7010) needs the full walk for that division.
     */
    private final byte[] byDivision = new byte[26 * 100];
    /**
     * The three conditions of every group compiled for {@link #classifyCompiled}: per group 3
     * conditions × 2 terms × (mask of E, mask of R, mask of A, threshold), so a term is
     * {@code lt((e & mE) | (r & mR) | (a & mA), threshold)}; null when some condition has more than two
     * terms or a threshold at the end of the range (then the interpreted form is used).
     */
    private final long[] terms;
    /** Per group and condition: the flip of term 0, of term 1, and 1 for {@code and} (0 for {@code or}). */
    private final int[] flips;
    private static final SizeClass[] BY_BITS = new SizeClass[8];

    static {
        // bit 2: within the SME limits, bit 1: medium, bit 0: small (the order of the rule's tests)
        for (int bits = 0; bits < 8; bits++) {
            BY_BITS[bits] = (bits & 4) == 0 ? SizeClass.LARGE : (bits & 2) != 0 ? SizeClass.MEDIUM
                    : (bits & 1) != 0 ? SizeClass.SMALL : SizeClass.MICRO;
        }
    }

    private SizeRules(Group[] groups) {
        this.groups = groups;
        long[] t = new long[groups.length * 24];
        int[] f = new int[groups.length * 9];
        boolean ok = true;
        for (int g = 0; g < groups.length && ok; g++) {
            Expr[] exprs = {groups[g].sme(), groups[g].medium(), groups[g].small()};
            for (int x = 0; x < 3 && ok; x++) {
                ok = compile(exprs[x], t, g * 24 + x * 8, f, g * 9 + x * 3);
            }
        }
        this.terms = ok ? t : null;
        this.flips = ok ? f : null;
        for (int l = 0; l < 26; l++) {
            for (int d = 0; d < 100; d++) {
                String prefix = (char) ('A' + l) + (d < 10 ? "0" : "") + d;
                boolean finer = false;
                for (Group g : groups) {
                    for (Pattern pt : g.patterns()) {
                        finer |= pt.fromDivision() < 0 && pt.prefix().length() > 3 && pt.prefix().startsWith(prefix);
                    }
                }
                byDivision[l * 100 + d] = finer ? -1 : (byte) walk(prefix);
            }
        }
    }

    private int walk(String code) {
        for (int i = 0; i < groups.length; i++) {
            for (Pattern pt : groups[i].patterns()) {
                if (pt.matches(code)) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no size group for " + code);
    }

    public static SizeRules from(RuleParams p) {
        String[] names = p.get("SIZE.groups").split(",");
        List<Group> list = new ArrayList<>();
        for (String raw : names) {
            String n = raw.strip();
            String k = "SIZE." + n + ".";
            list.add(new Group(n, patterns(p, k + "codes"), expr(p, k + "sme"), expr(p, k + "medium"), expr(p, k + "small")));
        }
        if (list.isEmpty() || !list.get(list.size() - 1).patterns()[0].prefix().equals("*")) {
            throw p.fail("SIZE.groups", "最后一组应为兜底的 * (其他行业)", "the last group must be the catch-all * (all other industries)");
        }
        return new SizeRules(list.toArray(new Group[0]));
    }

    /** Size class of an enterprise with the normalised industry code (section letter first). */
    public SizeClass classify(String industryCode, long employees, long revenue, long assets) {
        String code = industryCode == null ? "" : industryCode;
        int g = -1;
        if (code.length() >= 3) {
            int l = code.charAt(0) - 'A';
            int d1 = code.charAt(1) - '0';
            int d2 = code.charAt(2) - '0';
            if (l >= 0 && l < 26 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) {
                g = byDivision[l * 100 + d1 * 10 + d2];
            }
        }
        return classify(g >= 0 ? g : walk(code), employees, revenue, assets);
    }

    /**
     * Compiles a condition of at most two terms into {@code t} from {@code at} (two terms of four
     * longs) and {@code f} from {@code fAt} (flip of each term folded with the join, then the join).
     * A term {@code v < x} is {@code lt(v, x)}, {@code v >= x} its negation, {@code v <= x} is
     * {@code lt(v, x + 1)}, {@code v > x} its negation. The missing second term is constant: true
     * under {@code and} ({@code lt(0, 1)}), false under {@code or} ({@code lt(0, 0)}). The join
     * {@code t0 and t1} is computed as {@code not(not t0 or not t1)}, so both joins are an or.
     */
    private static boolean compile(Expr e, long[] t, int at, int[] f, int fAt) {
        if (e.terms().length > 2) {
            return false;
        }
        int join = e.and() ? 1 : 0;
        for (int i = 0; i < 2; i++) {
            int k = at + i * 4;
            if (i >= e.terms().length) {
                t[k + 3] = join; // masks stay 0: the value is 0
                f[fAt + i] = join;
                continue;
            }
            Term term = e.terms()[i];
            t[k + term.var()] = -1L;
            boolean inclusive = term.op() == Band.Op.LE || term.op() == Band.Op.GT;
            if (inclusive && term.value() == Long.MAX_VALUE) {
                return false;
            }
            t[k + 3] = inclusive ? term.value() + 1 : term.value();
            int flip = term.op() == Band.Op.GE || term.op() == Band.Op.GT ? 1 : 0;
            f[fAt + i] = flip ^ join;
        }
        f[fAt + 2] = join;
        return true;
    }

    /** 1 when {@code x < y} (signed, exact over the whole range), else 0; no branch. */
    private static int lt(long x, long y) {
        long d = x - y;
        return (int) ((d ^ ((x ^ y) & (d ^ x))) >>> 63);
    }

    /** One compiled condition (see {@link #compile}), 1 when it holds. */
    private static int holds(long[] t, int k, int[] f, int fk, long e, long r, long a) {
        int t0 = lt((e & t[k]) | (r & t[k + 1]) | (a & t[k + 2]), t[k + 3]) ^ f[fk];
        int t1 = lt((e & t[k + 4]) | (r & t[k + 5]) | (a & t[k + 6]), t[k + 7]) ^ f[fk + 1];
        return (t0 | t1) ^ f[fk + 2];
    }

    /**
     * The size class of group {@code g} with every condition evaluated (no early exit, no branch on
     * the group's operators or variables: the group varies from row to row), then a table look-up.
     */
    private SizeClass classifyCompiled(int g, long employees, long revenue, long assets) {
        long[] t = terms;
        int[] f = flips;
        int k = g * 24;
        int fk = g * 9;
        int sme = holds(t, k, f, fk, employees, revenue, assets);
        int medium = holds(t, k + 8, f, fk + 3, employees, revenue, assets);
        int small = holds(t, k + 16, f, fk + 6, employees, revenue, assets);
        return BY_BITS[sme << 2 | medium << 1 | small];
    }

    private SizeClass classify(int g, long employees, long revenue, long assets) {
        return terms != null ? classifyCompiled(g, employees, revenue, assets) : classify(groups[g], employees, revenue, assets);
    }

    /** The interpreted form: each condition's terms in order, with early exits (the reference). */
    private static SizeClass classify(Group group, long employees, long revenue, long assets) {
        if (!group.sme().test(employees, revenue, assets)) {
            return SizeClass.LARGE;
        }
        if (group.medium().test(employees, revenue, assets)) {
            return SizeClass.MEDIUM;
        }
        return group.small().test(employees, revenue, assets) ? SizeClass.SMALL : SizeClass.MICRO;
    }

    /** The reference form of {@link #classify}: the group by walking every pattern, for tests. */
    SizeClass classifyExact(String industryCode, long employees, long revenue, long assets) {
        return classify(groups[walk(industryCode == null ? "" : industryCode)], employees, revenue, assets);
    }

    /**
     * As {@link #classify(String, long, long, long)}, with the code's {@code Profile.industryKey()}
     * ({@code (letter - 'A') * 100 + division}, or -1 when the code does not start like C30).
     */
    public SizeClass classify(int industryKey, String industryCode, long employees, long revenue, long assets) {
        int g = industryKey >= 0 ? byDivision[industryKey] : -1;
        return classify(g >= 0 ? g : walk(industryCode == null ? "" : industryCode), employees, revenue, assets);
    }

    /** True when the group of a code with this key depends on more than its letter and division (e.g. K7010). */
    public boolean needsCode(int industryKey) {
        return industryKey < 0 || byDivision[industryKey] < 0;
    }

    /** Name of the industry group a code falls in. */
    public String groupOf(String industryCode) {
        for (Group g : groups) {
            for (Pattern pt : g.patterns()) {
                if (pt.matches(industryCode)) {
                    return g.name();
                }
            }
        }
        return null;
    }

    private static Pattern[] patterns(RuleParams p, String key) {
        List<Pattern> list = new ArrayList<>();
        for (String raw : p.get(key).split(",")) {
            String s = raw.strip();
            if (s.equals("*")) {
                list.add(new Pattern("*", -1, -1));
                continue;
            }
            int dash = s.indexOf('-');
            if (dash > 0) {
                String from = s.substring(0, dash);
                String to = s.substring(dash + 1);
                if (from.length() != 3 || to.length() != 3 || from.charAt(0) != to.charAt(0)
                        || !Character.isDigit(from.charAt(1)) || !Character.isDigit(to.charAt(2))) {
                    throw p.fail(key, "范围 \"" + s + "\" 应形如 A01-A05", "range \"" + s + "\" must look like A01-A05");
                }
                list.add(new Pattern(from.substring(0, 1), Integer.parseInt(from.substring(1)), Integer.parseInt(to.substring(1))));
            } else {
                if (s.isEmpty() || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
                    throw p.fail(key, "代码 \"" + s + "\" 应以门类字母开头", "code \"" + s + "\" must start with a section letter");
                }
                list.add(new Pattern(s, -1, -1));
            }
        }
        return list.toArray(new Pattern[0]);
    }

    private static Expr expr(RuleParams p, String key) {
        String s = p.get(key);
        boolean and = s.contains(" and ");
        if (and && s.contains(" or ")) {
            throw p.fail(key, "不能混用 and 与 or", "must not mix and with or");
        }
        String[] parts = s.split(and ? " and " : " or ");
        Term[] terms = new Term[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] t = parts[i].strip().split("\\s+");
            if (t.length != 3) {
                throw p.fail(key, "\"" + parts[i].strip() + "\" 应形如 E < 1000", "\"" + parts[i].strip() + "\" must look like E < 1000");
            }
            int var = switch (t[0]) {
                case "E" -> E;
                case "R" -> R;
                case "A" -> A;
                default -> throw p.fail(key, "变量应为 E、R 或 A，而不是 " + t[0], "variable must be E, R or A, not " + t[0]);
            };
            Band.Op op = switch (t[1]) {
                case "<" -> Band.Op.LT;
                case "<=" -> Band.Op.LE;
                case ">" -> Band.Op.GT;
                case ">=" -> Band.Op.GE;
                default -> throw p.fail(key, "比较符应为 <、<=、>、>=", "operator must be <, <=, > or >=");
            };
            long v;
            try {
                v = Decimals.parse(t[2]);
            } catch (NumberFormatException e) {
                throw p.fail(key, "\"" + t[2] + "\" 不是数字", "\"" + t[2] + "\" is not a number");
            }
            terms[i] = new Term(var, op, v);
        }
        return new Expr(terms, and);
    }
}

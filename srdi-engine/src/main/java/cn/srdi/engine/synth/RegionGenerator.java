package cn.srdi.engine.synth;

import static cn.srdi.engine.model.Field.*;

import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.MainProductField;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.RdInstitutionLevel;
import cn.srdi.engine.reference.CreditCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Generates a synthetic but plausible population of enterprises of a district like 两江新区: four
 * SRDI parks (礼嘉, 照母山, 大地, 天海星) and four focus industries (new-energy and intelligent
 * connected vehicles, high-end equipment, the digital economy, biomedicine).
 *
 * <p>Fully deterministic: the same seed and parameters give the same sequence of rows on every JVM
 * (one {@link java.util.SplittableRandom}, IEEE arithmetic only, no clock, no hash order). Not
 * thread-safe; to write one large file with several threads use {@link #shard(int, long)}, which keeps
 * credit codes unique across shards.
 *
 * <p>Each row is, independently:
 * <ul>
 *   <li>with probability {@code invalidShare} (only in {@link #nextRow()}) a row with one or more
 *       realistic {@link Mistake}s that a reader must reject;</li>
 *   <li>else, with overall probability {@code edgeShare}, a valid row with one value placed exactly on
 *       a threshold of GRADING.md ({@link Edge});</li>
 *   <li>else a plain valid row.</li>
 * </ul>
 * Valid rows satisfy every rule of GRADING.md section 8 (types, ranges, main ≤ revenue, staff ≤
 * employees, IP subsets ≤ ip1, equity 2y ≤ 3y, total assets &gt; 0, ranks ≥ 1, at most 4 decimals),
 * use industry codes known to the reference table, and carry credit codes that are valid and unique
 * within the generator (a counter is encoded, through a seeded permutation, in the organisation-code
 * part).
 */
public final class RegionGenerator {
    private static final long S = Decimals.SCALE;
    private static final LocalDate CN_2026_FROM = LocalDate.of(2026, 4, 1);

    // ---- credit codes -------------------------------------------------------------------------
    private static final String ALPHABET = CreditCode.alphabet();
    private static final long M6 = 31L * 31 * 31 * 31 * 31 * 31; // 887,503,681 new-style codes per block
    private static final long M8 = 100_000_000L; // old-style 8-digit organisation codes
    private static final String BLOCK_LETTERS = "ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    // ---- names --------------------------------------------------------------------------------
    private static final char[] BRAND = ("瑞博华恒睿驰智联达创鑫宏源信德安泰航凯力远翔芯云锐迪微卓汇捷纳晟昊宸铭致誉越腾飞海峰川嘉和"
            + "盛丰耀光明启元天金宇星辰弘毅诚康正邦泓润澜巴蜀合益通轩隆兴茂佳骏璟朗").toCharArray();
    private static final int BRAND_PAIRS = BRAND.length * (BRAND.length - 1);

    // ---- region -------------------------------------------------------------------------------
    /** 渝北区, 江北区, 北碚区 (the districts 两江新区 spans), and the municipality itself. */
    private static final String[] DISTRICTS = {"500112", "500105", "500109", "500000"};
    private static final double[] DISTRICT_CUM = {0.55, 0.75, 0.90, 1.0};
    /** Park affinity per focus industry: 礼嘉, 照母山, 大地, 天海星 (invented, see README of the report). */
    private static final double[][] PARK_WEIGHTS = {
        {0.15, 0.20, 0.45, 0.20}, // vehicles
        {0.15, 0.15, 0.40, 0.30}, // equipment
        {0.40, 0.35, 0.10, 0.15}, // digital
        {0.15, 0.30, 0.15, 0.40}, // biomedicine
    };
    private static final double IN_PARK = 0.62;
    private static final Park[] PARKS = Park.values();
    /** Share of sector leaders (see {@link #firm()}). */
    private static final double LEADER_SHARE = 0.05;

    // ---- mistakes -----------------------------------------------------------------------------
    private static final Mistake[] MISTAKES = Mistake.values();
    private static final int MISTAKE_TOTAL_WEIGHT;
    /** Never values a lenient reader could take for blank or zero (so no "-", "/", "无"). */
    private static final String[] NOT_NUMBERS = {"N/A", "#DIV/0!", "不详", "#REF!", "#VALUE!", "待补充", "见附表"};
    private static final String[] NOT_BOOLEANS = {"待定", "见附件", "不详", "暂无", "申报中", "?"};
    private static final String[] BAD_INDUSTRY = {"9900", "C9920", "0013", "C36701", "3670-1", "98"};
    private static final Field[] NUMERIC_FIELDS;
    private static final Field[] FLAG_FIELDS;
    private static final Field[] NON_NEGATIVE_MONEY = {REVENUE_Y1, MAIN_REVENUE_Y1, RD_EXPENSE_Y1, TOTAL_LIABILITIES_Y1,
        TOTAL_COST_Y1, REVENUE_Y2, RD_EXPENSE_Y2, MAIN_REVENUE_Y2};
    private static final Field[] REQUIRED_FIELDS = {NAME, INDUSTRY_CODE, REVENUE_Y1, MAIN_REVENUE_Y1, RD_EXPENSE_Y1,
        TOTAL_ASSETS_Y1, TOTAL_LIABILITIES_Y1, EMPLOYEES_Y1, CREDIT_CODE};
    private static final Field[] RANKS = {NATIONAL_AWARD_RANK, PROVINCIAL_AWARD_RANK, MAKER_CHINA_RANK,
        MARKET_RANK_DOMESTIC, MARKET_RANK_GLOBAL};
    private static final Field[] IP_SUBSETS = {IP1_SELF_DEVELOPED, IP1_HIGH_VALUE, IP1_APPLIED, IP1_OWN_TOP3};

    // ---- edges --------------------------------------------------------------------------------
    private static final Edge[] EDGES = Edge.values();
    private static final double[] EDGE_WEIGHTS = new double[EDGES.length];
    private static final double EDGE_TOTAL_WEIGHT;

    // ---- probit cuts (probability of the flag over the population) ------------------------------
    private static final double CUT_HIGH_TECH = Rand.cut(0.40);
    private static final double CUT_INNOVATION_HONOR = Rand.cut(0.05);
    private static final double CUT_QUALITY_AWARD = Rand.cut(0.05);
    private static final double CUT_QUALITY_CERT = Rand.cut(0.66);
    private static final double CUT_STANDARD_DRAFTING = Rand.cut(0.20);
    private static final double CUT_STANDARD_LED = Rand.cut(0.05);
    private static final double CUT_OWN_BRAND = Rand.cut(0.55);
    private static final double CUT_STRATEGIC = Rand.cut(0.60);
    private static final double CUT_KEY_FIELD = Rand.cut(0.50);
    private static final double CUT_CHAIN_KEY = Rand.cut(0.45);
    private static final double CUT_NATIONAL_AWARD = Rand.cut(0.010);
    private static final double CUT_PROVINCIAL_AWARD = Rand.cut(0.045);
    private static final double CUT_MAKER = Rand.cut(0.025);
    private static final double CUT_TITLE_INNOVATIVE = Rand.cut(0.34);
    private static final double CUT_TITLE_SRDI = Rand.cut(0.12);
    private static final double CUT_TITLE_LG = Rand.cut(0.022);
    /** Cumulative cuts of rd_institution_level NONE 44%, BELOW_MUNICIPAL 13%, MUNICIPAL 28%, PROVINCIAL 12%, NATIONAL 3%. */
    private static final double[] INSTITUTION_CUTS = {Rand.inverseNormal(0.44), Rand.inverseNormal(0.57),
        Rand.inverseNormal(0.85), Rand.inverseNormal(0.97)};
    /** Cumulative cuts of digital_level 0: 8%, 1: 30%, 2: 35%, 3: 21%, 4: 6%. */
    private static final double[] DIGITAL_CUTS = {Rand.inverseNormal(0.08), Rand.inverseNormal(0.38),
        Rand.inverseNormal(0.73), Rand.inverseNormal(0.94)};

    static {
        int w = 0;
        for (Mistake m : MISTAKES) {
            w += m.weight();
        }
        MISTAKE_TOTAL_WEIGHT = w;
        List<Field> numeric = new ArrayList<>();
        List<Field> flags = new ArrayList<>();
        for (Field f : Field.ALL) {
            switch (f.type()) {
                case DECIMAL, SIGNED_DECIMAL, INTEGER -> numeric.add(f);
                case BOOLEAN, DECLARATION -> flags.add(f);
                default -> {
                }
            }
        }
        NUMERIC_FIELDS = numeric.toArray(new Field[0]);
        FLAG_FIELDS = flags.toArray(new Field[0]);
        double[] weights = {
            /* RD_RATIO */ 4, /* RD_AMOUNT */ 1.2, /* RD_MEAN */ 0.4, /* DEBT_RATIO */ 2.5, /* MAIN_SHARE */ 2.5,
            /* NICHE_YEARS */ 1.5, /* PRODUCT_YEARS */ 0.4, /* REVENUE */ 2, /* MAIN_GROWTH */ 1.2,
            /* MEAN_GROWTH */ 1, /* COMPOUND_GROWTH */ 0.7, /* RD_STAFF_SHARE */ 0.8, /* TECH_STAFF_SHARE */ 0.4,
            /* MARKET_SHARE */ 0.6, /* PLATFORM_SCORE */ 0.6, /* EQUITY_2Y */ 0.5, /* EQUITY_3Y */ 0.4,
            /* NET_MARGIN */ 0.8, /* SME_CEILING */ 0.3, /* TECH_SME_SIZE */ 0.2};
        if (weights.length != EDGES.length) {
            throw new IllegalStateException("edge weights out of date");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            EDGE_WEIGHTS[i] = weights[i];
            total += weights[i];
        }
        EDGE_TOTAL_WEIGHT = total;
    }

    private final long seed;
    private final LocalDate assessmentDate;
    private final long epochDay;
    private final String dateText;
    private final boolean cn2026;
    private final double invalidShare;
    private final double edgeShare;
    /** Probability that a row which is not made invalid is made an edge row. */
    private final double edgeGivenValid;
    private final Rand rnd;
    private final long newMul;
    private final long newAdd;
    private final long oldMul;
    private final long oldAdd;
    private final int brandMul;
    private final int brandAdd;
    private final String impossibleDate;

    /** Credit codes of recent valid rows of {@link #nextRow()}, for duplicate-code mistakes. */
    private final String[] recentCodes = new String[64];
    private long validRows;
    private long firms;
    private final int shard;

    private Park lastPark;
    private FocusIndustry lastIndustry;
    private boolean lastLeader;
    private EdgeCase lastEdge;
    private List<Mistake> lastMistakes = List.of();

    /**
     * @param seed            any value; equal seeds and parameters give equal rows
     * @param assessmentDate  written in every row's assessment_date; also decides whether titles of the
     *                        2026 rules (TECH_INNOVATIVE) can appear
     * @param invalidShare    share of rows of {@link #nextRow()} made deliberately invalid, 0..1
     * @param edgeShare       share of rows placed exactly on a threshold, 0..1; invalidShare + edgeShare ≤ 1
     */
    public RegionGenerator(long seed, LocalDate assessmentDate, double invalidShare, double edgeShare) {
        this(seed, assessmentDate, invalidShare, edgeShare, 0, 0);
    }

    private RegionGenerator(long seed, LocalDate assessmentDate, double invalidShare, double edgeShare, int shard,
            long firstIndex) {
        Objects.requireNonNull(assessmentDate, "assessmentDate");
        if (shard < 0 || firstIndex < 0) {
            throw new IllegalArgumentException("shard and firstIndex must not be negative");
        }
        if (!(invalidShare >= 0 && invalidShare <= 1) || !(edgeShare >= 0 && edgeShare <= 1)) {
            throw new IllegalArgumentException("invalidShare and edgeShare must be between 0 and 1");
        }
        if (invalidShare + edgeShare > 1 + 1e-12) {
            throw new IllegalArgumentException("invalidShare + edgeShare must not exceed 1");
        }
        this.seed = seed;
        this.assessmentDate = assessmentDate;
        this.epochDay = assessmentDate.toEpochDay();
        this.dateText = assessmentDate.toString();
        this.cn2026 = !assessmentDate.isBefore(CN_2026_FROM);
        this.invalidShare = invalidShare;
        this.edgeShare = edgeShare;
        this.edgeGivenValid = invalidShare >= 1 ? 0 : Math.min(1, edgeShare / (1 - invalidShare));
        this.shard = shard;
        this.firms = firstIndex;
        this.rnd = new Rand(shard == 0 ? seed : mix(seed ^ mix(0x9E3779B97F4A7C15L * shard)));
        // Seeded affine permutations: x -> (mul * x + add) mod M is a bijection when gcd(mul, M) = 1.
        Rand setup = new Rand(seed ^ 0x5DEECE66DL);
        long m = 1 + (long) (setup.u() * (M6 - 1));
        while (m % 31 == 0) {
            m++;
        }
        this.newMul = m;
        this.newAdd = (long) (setup.u() * M6);
        long o = 1 + (long) (setup.u() * (M8 - 1));
        while (o % 2 == 0 || o % 5 == 0) {
            o++;
        }
        this.oldMul = o;
        this.oldAdd = (long) (setup.u() * M8);
        int b = 1 + setup.below(BRAND_PAIRS - 1);
        while (gcd(b, BRAND_PAIRS) != 1) {
            b++;
        }
        this.brandMul = b;
        this.brandAdd = setup.below(BRAND_PAIRS);
        int year = assessmentDate.getYear();
        this.impossibleDate = java.time.Year.isLeap(year) ? year + "-04-31" : year + "-02-29";
    }

    /**
     * A generator for one shard of a large file written in parallel: same seed, parameters and
     * credit-code permutation as this one, its own random stream ({@code shard} ≥ 1; shard 0 is this
     * generator's stream), and its enterprise counter starting at {@code firstIndex}. Shards whose
     * index ranges [firstIndex, firstIndex + rows) do not overlap never share a credit code, so the
     * concatenation of shard k = 0..K−1 with firstIndex = k × rowsPerShard is one valid file (row
     * numbers in {@link Profile#row()} continue as well). The result depends only on the arguments,
     * not on the state of this generator.
     */
    public RegionGenerator shard(int shard, long firstIndex) {
        return new RegionGenerator(seed, assessmentDate, invalidShare, edgeShare, shard, firstIndex);
    }

    /** A generator of valid rows only (no mistakes, no edge rows). */
    public static RegionGenerator of(long seed, LocalDate assessmentDate) {
        return new RegionGenerator(seed, assessmentDate, 0, 0);
    }

    public long seed() {
        return seed;
    }

    public LocalDate assessmentDate() {
        return assessmentDate;
    }

    public double invalidShare() {
        return invalidShare;
    }

    public double edgeShare() {
        return edgeShare;
    }

    /** The English ids of {@link Field#ALL}, in order. */
    public String[] header() {
        return RowCells.header();
    }

    /** The English ids of {@link Field#ALL}, in order. */
    public static String[] headerIds() {
        return RowCells.header();
    }

    /** Index of the next enterprise: the number generated so far (valid or not), plus the first index of a shard. */
    public long generated() {
        return firms;
    }

    /** The park of the last enterprise generated, or null when it is outside the four parks. */
    public Park lastPark() {
        return lastPark;
    }

    /** The focus industry of the last enterprise generated. */
    public FocusIndustry lastIndustry() {
        return lastIndustry;
    }

    /**
     * Whether the last enterprise was drawn from the small class of sector leaders (about 5%), which
     * are strong on every dimension at once and make up most little-giant candidates.
     */
    public boolean lastLeader() {
        return lastLeader;
    }

    /** The threshold the last row was placed on, or null for an ordinary or invalid row. */
    public EdgeCase lastEdge() {
        return lastEdge;
    }

    /** The mistakes put into the last row of {@link #nextRow()}; empty for a valid row. */
    public List<Mistake> lastMistakes() {
        return lastMistakes;
    }

    /**
     * A valid profile (an edge row with probability {@code edgeShare}; {@code invalidShare} does not
     * apply). Each call returns a new object.
     */
    public Profile nextProfile() {
        lastMistakes = List.of();
        Profile p = firm();
        lastEdge = null;
        if (edgeShare > 0 && rnd.u() < edgeShare) {
            lastEdge = applyEdge(p);
        }
        return p;
    }

    /**
     * The next row, cells in {@link Field#ALL} order, blank cells "". A valid row is exactly the
     * {@link cn.srdi.engine.model.ProfileValues#format canonical text} of a profile like those of
     * {@link #nextProfile()}; with probability {@code invalidShare} the row carries mistakes instead
     * ({@link #lastMistakes()}).
     */
    public String[] nextRow() {
        boolean invalid = invalidShare > 0 && rnd.u() < invalidShare;
        Profile p = firm();
        lastEdge = null;
        if (invalid) {
            String[] cells = RowCells.toRow(p, epochDay, dateText);
            lastMistakes = corrupt(p, cells);
            return cells;
        }
        lastMistakes = List.of();
        if (edgeGivenValid > 0 && rnd.u() < edgeGivenValid) {
            lastEdge = applyEdge(p);
        }
        recentCodes[(int) (validRows++ % recentCodes.length)] = p.creditCode();
        return RowCells.toRow(p, epochDay, dateText);
    }

    /** Cells of any profile in {@link Field#ALL} order, as {@link #nextRow()} writes them. */
    public static String[] toRow(Profile p) {
        return RowCells.toRow(p);
    }

    // =============================================================================================
    // One enterprise
    // =============================================================================================

    private Profile firm() {
        long idx = firms++;
        Rand r = rnd;
        FocusIndustry fi = IndustryMix.industry(r.u());
        IndustryMix.Entry ind = IndustryMix.code(fi, r.u());
        Park park = null;
        if (r.u() < IN_PARK) {
            double[] w = PARK_WEIGHTS[fi.ordinal()];
            double u = r.u();
            int k = 0;
            double acc = w[0];
            while (u >= acc && k < w.length - 1) {
                acc += w[++k];
            }
            park = PARKS[k];
        }
        lastPark = park;
        lastIndustry = fi;

        // A small class of sector leaders (细分领域"隐形冠军" material) is strong on every dimension at
        // once; everyone else has a latent strength s ~ N(0,1) that drives R&D, IP, titles and market
        // position through one-factor models.
        boolean leader = r.u() < LEADER_SHARE;
        lastLeader = leader;
        double s = leader ? 1.5 + 0.6 * Math.abs(r.gauss()) : r.gauss();
        Profile p = new Profile();
        p.row(idx + 2);

        // ---- identity -----------------------------------------------------------------------
        String district = pick(DISTRICTS, DISTRICT_CUM, r.u());
        String codeRegion = r.u() < 0.40 ? "500000" : district;
        p.setText(CREDIT_CODE, creditCode(idx, codeRegion, r.u() < 0.25));
        p.setText(NAME, name(idx, ind, park));
        p.setText(INDUSTRY_CODE, ind.code());
        if (r.u() >= 0.08) {
            p.setText(REGION_CODE, district);
        }
        p.set(ASSESSMENT_DATE, epochDay);

        // ---- size and history -------------------------------------------------------------------
        double age = leader ? 5 + r.logNormal(10, 0.5) : 0.5 + r.logNormal(8, 0.7);
        boolean hasY2 = age >= 2;
        boolean hasY3 = age >= 3 && r.u() >= 0.03;
        double rev1 = leader ? clamp(r.logNormal(11_000, 0.7), 3000, 900_000)
                : clamp(fi.revenueMedian() * Rand.exp(1.15 * (0.45 * s + 0.893 * r.gauss())), 15, 900_000);
        double g1 = leader ? clamp(0.13 + 0.07 * r.gauss(), -0.05, 1.0) : clamp(0.10 + 0.05 * s + 0.17 * r.gauss(), -0.6, 2.5);
        double g2 = leader ? clamp(0.13 + 0.07 * r.gauss(), -0.05, 1.0) : clamp(0.10 + 0.05 * s + 0.17 * r.gauss(), -0.6, 2.5);
        double rev2 = rev1 / (1 + g1);
        double rev3 = rev2 / (1 + g2);
        long revenue1 = money(rev1);
        long revenue2 = money(rev2);
        long revenue3 = money(rev3);
        p.set(REVENUE_Y1, revenue1);
        if (hasY2) {
            p.set(REVENUE_Y2, revenue2);
        }
        if (hasY3) {
            p.set(REVENUE_Y3, revenue3);
        }

        // main-business share: mostly 70-100%, a tenth of firms with no other income at all
        double share;
        double u = r.u();
        if (leader) {
            double v = r.u();
            share = u < 0.15 ? 1.0 : 1.0 - 0.22 * v * v;
        } else if (u < 0.10) {
            share = 1.0;
        } else if (u < 0.84) {
            double v = r.u();
            share = 1.0 - 0.30 * v * v;
        } else {
            share = 0.35 + 0.35 * r.u();
        }
        p.set(MAIN_REVENUE_Y1, mainOf(revenue1, share));
        if (hasY2) {
            p.set(MAIN_REVENUE_Y2, mainOf(revenue2, share >= 1.0 && r.u() < 0.8 ? 1.0 : clamp(share + 0.03 * r.gauss(), 0.2, 1.0)));
        }
        if (hasY3) {
            p.set(MAIN_REVENUE_Y3, mainOf(revenue3, share >= 1.0 && r.u() < 0.8 ? 1.0 : clamp(share + 0.03 * r.gauss(), 0.2, 1.0)));
        }

        // R&D: ratio log-normal around the industry median, higher for strong firms
        double rdRatio = leader ? clamp(r.logNormal(0.075, 0.25), 0.035, 0.25)
                : clamp(fi.rdRatioMedian() * Rand.exp(0.62 * (0.7 * s + 0.714 * r.gauss())), 0.001, 0.6);
        p.set(RD_EXPENSE_Y1, money(rev1 * rdRatio));
        if (hasY2 && filled(0.04)) {
            p.set(RD_EXPENSE_Y2, money(rev2 * rdRatio * Rand.exp((leader ? 0.06 : 0.12) * r.gauss())));
        }

        // profit, cost, balance sheet
        double margin = clamp(0.05 + 0.02 * s + 0.07 * r.gauss(), -0.6, 0.45);
        if (filled(0.03)) {
            p.set(NET_PROFIT_Y1, money(rev1 * margin));
        }
        if (filled(0.15)) {
            p.set(TOTAL_COST_Y1, money(rev1 * clamp(0.985 - margin + 0.02 * r.gauss(), 0.4, 1.8)));
        }
        double turnover = 0.9 * Rand.exp(0.45 * r.gauss());
        long assets = Math.max(money(rev1 / turnover), 10 * S);
        double debt = leader ? clamp(0.45 + 0.10 * r.gauss(), 0.10, 0.72) : clamp(0.48 - 0.03 * s + 0.15 * r.gauss(), 0.03, 0.97);
        p.set(TOTAL_ASSETS_Y1, assets);
        p.set(TOTAL_LIABILITIES_Y1, money(Decimals.toDouble(assets) * debt));

        // equity financing by qualified investors
        if (r.u() < 0.10 + 0.05 * Math.max(s, 0)) {
            long three = money(r.logNormal(1500, 1.1));
            long two = r.u() < 0.65 ? three : money(Decimals.toDouble(three) * r.u());
            p.set(EQUITY_FINANCING_3Y, three);
            p.set(EQUITY_FINANCING_2Y, two);
        } else if (r.u() < 0.45) {
            p.set(EQUITY_FINANCING_3Y, 0);
            p.set(EQUITY_FINANCING_2Y, 0);
        }

        // staff
        long employees = Math.max(3, Math.min(30_000, Math.round(rev1 / r.logNormal(fi.revenuePerEmployee(), 0.45))));
        p.setInt(EMPLOYEES_Y1, employees);
        double rdShare = clamp(0.12 * (fi == FocusIndustry.DIGITAL ? 2.5 : 1.0)
                * Math.sqrt(rdRatio / fi.rdRatioMedian()) * Rand.exp(0.35 * r.gauss()), 0, 0.9);
        long rdStaff = Math.min(employees, Math.round(employees * rdShare));
        if (filled(0.05)) {
            p.setInt(RD_STAFF_Y1, rdStaff);
        }
        if (filled(0.20)) {
            p.setInt(TECH_STAFF_Y1, Math.min(employees, rdStaff + Math.round(employees * 0.15 * r.u())));
        }

        // niche and product years
        double niche = age * r.between(0.45, 1.0);
        if (filled(0.03)) {
            p.set(NICHE_YEARS, r.u() < 0.75 ? Math.round(niche) * S : Math.round(niche * 10) * (S / 10));
        }
        if (filled(0.20)) {
            p.setInt(PRODUCT_YEARS, Math.max(0, Math.round(niche * r.between(0.6, 1.1))));
        }
        if (filled(0.10)) {
            p.setBool(NEW_PRODUCT, r.u() < 0.30);
        }
        if (filled(0.05)) {
            p.setBool(STRATEGIC_EMERGING, r.probit(CUT_STRATEGIC, s, 0.2));
        }

        // declarations (blank = undeclared)
        boolean chainKey = leader ? r.u() < 0.92 : r.probit(CUT_CHAIN_KEY, s, 0.45);
        if (filled(0.40)) {
            p.setBool(CHAIN_KEY_LINK, chainKey);
        }
        if (filled(0.35)) {
            p.setBool(KEY_FIELD, leader ? r.u() < 0.92 : r.probit(CUT_KEY_FIELD, s, 0.35));
        }
        if (filled(0.06)) {
            double v = r.u();
            MainProductField mpf = chainKey ? (v < 0.50 ? MainProductField.CHAIN_KEY : v < 0.80 ? MainProductField.SIX_BASICS : MainProductField.OTHER)
                    : (v < 0.10 ? MainProductField.CHAIN_KEY : v < 0.40 ? MainProductField.SIX_BASICS : MainProductField.OTHER);
            p.set(MAIN_PRODUCT_FIELD, mpf.ordinal());
        }

        // market position
        double marketShare = leader ? clamp(r.logNormal(20, 0.45), 3, 85)
                : clamp(2.0 * Rand.exp(1.2 * (0.7 * s + 0.714 * r.gauss())), 0.01, 85);
        if (filled(0.25)) {
            p.set(MARKET_SHARE_PCT, money(marketShare));
        }
        long domestic = Math.max(1, Math.min(999, Math.round(20 / marketShare * Rand.exp(0.5 * r.gauss()))));
        if (r.u() < 0.60) {
            p.setInt(MARKET_RANK_DOMESTIC, domestic);
            if (r.u() < 0.15) {
                p.setInt(MARKET_RANK_GLOBAL, Math.max(domestic, Math.round(domestic * (2 + r.logNormal(6, 1.0)))));
            }
        }
        if (filled(0.45)) {
            p.setBool(MARKET_POSITION_HIGH, marketShare + 3 * r.gauss() >= 5 || domestic <= 10);
        }
        if (filled(0.05)) {
            p.setBool(OWN_BRAND, r.probit(CUT_OWN_BRAND, s, 0.55));
        }

        // intellectual property: Ⅰ类 grows with the R&D amount, Ⅱ类 with the industry
        double rdAmount = rev1 * rdRatio;
        double lambda1 = 1.0 * Rand.pow(Math.max(rdAmount, 1) / 50.0, 0.55) * Rand.exp(0.6 * s);
        if (fi == FocusIndustry.DIGITAL && ind.code().charAt(0) == 'I' && !ind.code().equals("I6520")) {
            lambda1 *= 0.5; // software firms hold copyrights (Ⅱ类) rather than invention patents
        }
        if (filled(0.06)) {
            long ip1 = (long) Math.floor(Math.min(5000, lambda1 * Rand.exp(0.9 * r.gauss() - 0.4)) + r.u());
            p.setInt(IP1, ip1);
            long self = part(ip1, 0.85, 0.10);
            if (filled(0.10)) {
                p.setInt(IP1_SELF_DEVELOPED, self);
            }
            if (filled(0.10)) {
                p.setInt(IP1_HIGH_VALUE, part(ip1, 0.30 + 0.08 * s, 0.15));
            }
            if (filled(0.10)) {
                p.setInt(IP1_APPLIED, part(ip1, 0.60, 0.20));
            }
            if (filled(0.15)) {
                p.setInt(IP1_OWN_TOP3, part(self, 0.80, 0.10));
            }
            double lambda2 = (3 + 2 * lambda1) * fi.ip2Factor();
            p.setInt(IP2, (long) Math.floor(Math.min(20_000, lambda2 * Rand.exp(0.7 * r.gauss() - 0.25)) + r.u()));
        }

        // management and quality
        if (filled(0.05)) {
            p.setInt(DIGITAL_LEVEL, ordinalCut(DIGITAL_CUTS, 0.5 * s + 0.866 * r.gauss()));
        }
        flag(p, QUALITY_AWARD, 0.08, CUT_QUALITY_AWARD, s, 0.5);
        flag(p, QUALITY_CERT, 0.08, CUT_QUALITY_CERT, s, 0.55);
        flag(p, STANDARD_DRAFTING, 0.10, CUT_STANDARD_DRAFTING, s, 0.5);
        flag(p, STANDARD_LED, 0.10, CUT_STANDARD_LED, s, 0.5);
        if (filled(0.10)) {
            p.setInt(INFO_SYSTEM_PROCESSES, Math.round(clamp(2.5 + 1.0 * s + 1.5 * r.gauss(), 0, 12)));
        }
        flag(p, HIGH_TECH, 0.04, CUT_HIGH_TECH, s, 0.6);
        flag(p, INNOVATION_HONOR, 0.10, CUT_INNOVATION_HONOR, s, 0.5);
        if (filled(0.05)) {
            p.set(RD_INSTITUTION_LEVEL, ordinalCut(INSTITUTION_CUTS, 0.7 * s + 0.714 * r.gauss()));
        }

        // awards
        if (r.probit(CUT_NATIONAL_AWARD, s, 0.6)) {
            p.setInt(NATIONAL_AWARD_RANK, 1 + r.below(3) + (r.u() < 0.5 ? r.below(8) : 0));
        }
        if (r.probit(CUT_PROVINCIAL_AWARD, s, 0.6)) {
            p.setInt(PROVINCIAL_AWARD_RANK, 1 + r.below(5) + (r.u() < 0.5 ? r.below(10) : 0));
        }
        if (r.probit(CUT_MAKER, s, 0.4)) {
            p.setInt(MAKER_CHINA_RANK, Math.min(3000, Math.round(r.logNormal(300, 1.2))) + 1);
        }
        if (filled(0.25)) {
            p.setInt(LOCAL_POINTS, Math.round(clamp(5 + 3 * s + 3 * r.gauss(), 0, 15)));
        }

        // titles held, application type, platform score
        double titleLatent = 0.75 * s + 0.66 * r.gauss();
        boolean innovative = titleLatent > CUT_TITLE_INNOVATIVE;
        boolean srdi = titleLatent > CUT_TITLE_SRDI && rev1 >= 500;
        boolean lg = titleLatent > CUT_TITLE_LG && rev1 >= 3000;
        String titles = null;
        if (lg) {
            titles = r.u() < 0.25 ? "LITTLE_GIANT" : "INNOVATIVE;SRDI;LITTLE_GIANT";
        } else if (srdi) {
            titles = r.u() < 0.20 ? "SRDI" : "INNOVATIVE;SRDI";
        } else if (innovative) {
            titles = cn2026 && r.u() < 0.30 ? "INNOVATIVE;TECH_INNOVATIVE" : "INNOVATIVE";
        }
        if (titles != null) {
            p.setText(TITLES, titles);
        }
        boolean review = titles != null && r.u() < (lg || srdi ? 0.40 : 0.22);
        if (review || r.u() >= 0.10) {
            p.set(APPLICATION_TYPE, (review ? ApplicationType.REVIEW : ApplicationType.NEW).ordinal());
        }
        if (r.u() < (titles != null ? 0.70 : 0.30)) {
            p.set(PLATFORM_SCORE, platformScore(s));
        }
        if (r.u() < (review ? 0.80 : 0.20)) {
            p.set(PLATFORM_SCORE_PREV, platformScore(s));
        }
        if (rev1 >= 20_000 || r.u() < 0.12) {
            if (r.u() < 0.6) {
                p.setBool(CHAMPION_QUALITATIVE, s > 1.8 && r.u() < 0.5);
            }
        }

        // exclusions: rare, often left blank
        boolean exclusionsBlank = r.u() < 0.20;
        exclusion(p, ABNORMAL_OPERATION, 0.015, exclusionsBlank);
        exclusion(p, SERIOUSLY_UNTRUSTWORTHY, 0.005, exclusionsBlank);
        exclusion(p, PROHIBITED_INDUSTRY, 0.005, exclusionsBlank);
        exclusion(p, MAJOR_INCIDENT_3Y, 0.01, exclusionsBlank);
        exclusion(p, TAX_VIOLATION_3Y, 0.01, exclusionsBlank);
        return p;
    }

    /** True when an optional cell is filled in: blank with probability {@code blank} (a fifth of it for leaders). */
    private boolean filled(double blank) {
        return rnd.u() >= (lastLeader ? blank * 0.2 : blank);
    }

    private long platformScore(double s) {
        double v = clamp(56 + 9 * s + 12 * rnd.gauss(), 0, 100);
        return Math.round(v * 10) * (S / 10);
    }

    private void flag(Profile p, Field f, double blank, double cut, double s, double rho) {
        if (filled(blank)) {
            p.setBool(f, rnd.probit(cut, s, rho));
        }
    }

    private void exclusion(Profile p, Field f, double prob, boolean blankGroup) {
        boolean v = rnd.u() < prob;
        if (v || !blankGroup) {
            p.setBool(f, v);
        }
    }

    /** A count of part of {@code total}: total × (mean ± sd), clamped to 0..total. */
    private long part(long total, double mean, double sd) {
        if (total == 0) {
            rnd.u();
            return 0;
        }
        return Math.max(0, Math.min(total, Math.round(total * clamp(mean + sd * rnd.gauss(), 0, 1))));
    }

    private static long ordinalCut(double[] cuts, double z) {
        int k = 0;
        while (k < cuts.length && z >= cuts[k]) {
            k++;
        }
        return k;
    }

    /** main revenue = revenue × share, rounded to 0.01 万元 and never above revenue. */
    private static long mainOf(long revenue, double share) {
        if (share >= 1.0) {
            return revenue;
        }
        return Math.min(revenue, money(Decimals.toDouble(revenue) * share));
    }

    /** An amount in 万元 rounded to two decimals (100 yuan), scaled; never negative. */
    private static long money(double wan) {
        return Math.max(0, Math.round(wan * 100)) * (S / 100);
    }

    /** Like {@link #money} but may be negative. */
    private static long signedMoney(double wan) {
        return Math.round(wan * 100) * (S / 100);
    }

    private static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : Math.min(x, hi);
    }

    private static String pick(String[] values, double[] cum, double u) {
        for (int i = 0; i < values.length - 1; i++) {
            if (u < cum[i]) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Murmur3 finalizer, to spread seeds of shards over the whole 64-bit space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    // =============================================================================================
    // Credit codes and names
    // =============================================================================================

    /**
     * 9 (registered by the market regulator) 1 (enterprise) + region + a 9-character organisation
     * code that encodes {@code idx} bijectively (so codes never repeat) + the GB 32100 check
     * character. New-style codes ("MA" + 6 characters) dominate; a quarter keep an old 8-digit
     * organisation code, as firms founded before 2015 do.
     */
    String creditCode(long idx, String region, boolean oldStyle) {
        char[] c = new char[17];
        c[0] = '9';
        c[1] = '1';
        for (int i = 0; i < 6; i++) {
            c[2 + i] = region.charAt(i);
        }
        if (oldStyle && idx < M8) {
            long v = Math.floorMod(oldMul * idx + oldAdd, M8);
            for (int i = 7; i >= 0; i--) {
                c[8 + i] = (char) ('0' + v % 10);
                v /= 10;
            }
        } else {
            long block = idx / M6;
            if (block >= BLOCK_LETTERS.length()) {
                throw new IllegalStateException("too many enterprises for unique credit codes");
            }
            long v = Math.floorMod(newMul * (idx % M6) + newAdd, M6);
            c[8] = 'M';
            c[9] = BLOCK_LETTERS.charAt((int) block);
            for (int i = 5; i >= 0; i--) {
                c[10 + i] = ALPHABET.charAt((int) (v % 31));
                v /= 31;
            }
        }
        c[16] = organisationCheck(c);
        return CreditCode.withCheckCharacter(new String(c));
    }

    /** GB 11714 check character of the organisation code in c[8..15] (0-9 or X). */
    private static char organisationCheck(char[] c) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = c[8 + i];
            int v = ch <= '9' ? ch - '0' : 10 + (ch - 'A');
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * "重庆" + [两江 | park] + a two-character brand + an industry word + a company form. The brand is
     * a permutation of the row counter for the first {@code BRAND_PAIRS} (several thousand) firms, so
     * a demo district of a few thousand firms has no two brands alike.
     */
    private String name(long idx, IndustryMix.Entry ind, Park park) {
        int pair = idx < BRAND_PAIRS ? (int) ((brandMul * idx + brandAdd) % BRAND_PAIRS) : rnd.below(BRAND_PAIRS);
        int first = pair / (BRAND.length - 1);
        int second = pair % (BRAND.length - 1);
        if (second >= first) {
            second++;
        }
        StringBuilder sb = new StringBuilder(24).append("重庆");
        double u = rnd.u();
        if (u < 0.12) {
            sb.append("两江");
        } else if (u < 0.18 && park != null) {
            sb.append(park.zh());
        }
        sb.append(BRAND[first]).append(BRAND[second]);
        String[] tails = ind.tails();
        String tail = tails[rnd.below(tails.length)];
        sb.append(tail);
        if (tail.endsWith("科技")) {
            sb.append(rnd.u() < 0.8 ? "有限公司" : "股份有限公司");
        } else {
            sb.append(IndustryMix.suffix(rnd.below(IndustryMix.suffixCount())));
        }
        return sb.toString();
    }

    // =============================================================================================
    // Edge rows
    // =============================================================================================

    private EdgeCase applyEdge(Profile p) {
        double u = rnd.u() * EDGE_TOTAL_WEIGHT;
        int k = 0;
        while (k < EDGES.length - 1 && u >= EDGE_WEIGHTS[k]) {
            u -= EDGE_WEIGHTS[k++];
        }
        EdgeCase e = placeOn(p, EDGES[k]);
        return e != null ? e : placeOn(p, Edge.DEBT_RATIO);
    }

    /** Places the profile exactly on a threshold of {@code edge}; null when the edge does not apply. */
    private EdgeCase placeOn(Profile p, Edge edge) {
        Rand r = rnd;
        switch (edge) {
            case RD_RATIO -> {
                long pct = pickLong(new long[] {3, 3, 3, 3, 1, 2, 5, 6, 10});
                long rev = p.get(REVENUE_Y1);
                if (pct == 3 && rev * 3 < 100 * 100 * S) { // 3% of revenue below 100 万元: grow the firm
                    scaleFirm(p, money(r.between(3334, 9000)));
                    rev = p.get(REVENUE_Y1);
                }
                p.set(RD_EXPENSE_Y1, rev * pct / 100);
                if (pct == 3 || pct == 6) {
                    long rev2 = p.get(REVENUE_Y2);
                    if (p.has(REVENUE_Y2) && rev2 * pct >= 100 * 100 * S && r.u() < 0.5) {
                        p.set(RD_EXPENSE_Y2, rev2 * pct / 100);
                    }
                }
                return new EdgeCase(edge, pct * S);
            }
            case RD_AMOUNT -> {
                long amount = pickLong(new long[] {100, 100, 100, 200, 300, 400, 500});
                p.set(RD_EXPENSE_Y1, amount * S);
                return new EdgeCase(edge, amount * S);
            }
            case RD_MEAN -> {
                if (!p.has(REVENUE_Y2) || p.get(REVENUE_Y1) < 8000 * S) {
                    return null;
                }
                long rd1 = money(r.between(900, 1150));
                p.set(RD_EXPENSE_Y1, rd1);
                p.set(RD_EXPENSE_Y2, 2000 * S - rd1);
                return new EdgeCase(edge, 1000 * S);
            }
            case DEBT_RATIO -> {
                long pct = pickLong(new long[] {70, 70, 70, 50, 55, 60, 75, 80});
                p.set(TOTAL_LIABILITIES_Y1, p.get(TOTAL_ASSETS_Y1) * pct / 100);
                return new EdgeCase(edge, pct * S);
            }
            case MAIN_SHARE -> {
                long pct = pickLong(new long[] {80, 80, 70, 70, 60, 90, 50, 55});
                p.set(MAIN_REVENUE_Y1, p.get(REVENUE_Y1) * pct / 100);
                return new EdgeCase(edge, pct * S);
            }
            case NICHE_YEARS -> {
                long years = r.u() < 0.5 ? 2 : 3;
                p.setInt(NICHE_YEARS, years);
                return new EdgeCase(edge, years * S);
            }
            case PRODUCT_YEARS -> {
                long years = r.u() < 0.5 ? 5 : 10;
                p.setInt(PRODUCT_YEARS, years);
                if (years == 5) {
                    p.setBool(NEW_PRODUCT, true);
                }
                return new EdgeCase(edge, years * S);
            }
            case REVENUE -> {
                long target = pickLong(new long[] {1000, 1000, 5000, 5000, 10000, 1500});
                scaleFirm(p, target * S);
                return new EdgeCase(edge, target * S);
            }
            case MAIN_GROWTH -> {
                if (!p.has(MAIN_REVENUE_Y2)) {
                    return null;
                }
                long pct = pickLong(new long[] {15, 10, 5, 0});
                long main2 = Math.min(p.get(REVENUE_Y2), money(Decimals.toDouble(p.get(MAIN_REVENUE_Y1)) * 100 / (100 + pct)));
                if (main2 == 0) {
                    return null;
                }
                p.set(MAIN_REVENUE_Y2, main2);
                long main1 = main2 * (100 + pct) / 100;
                p.set(MAIN_REVENUE_Y1, main1);
                p.set(REVENUE_Y1, Math.max(p.get(REVENUE_Y1), main1));
                return new EdgeCase(edge, pct * S);
            }
            case MEAN_GROWTH -> {
                if (!p.has(MAIN_REVENUE_Y3) || !p.has(MAIN_REVENUE_Y2)) {
                    return null;
                }
                long pct = r.u() < 0.6 ? 5 : 10;
                long f = 100 + pct; // main2 = main3 × f/100, main1 = main3 × f²/10000
                long main3 = Math.max(1, Math.round(Decimals.toDouble(p.get(MAIN_REVENUE_Y1)) * 10_000 / (f * f))) * S;
                long main2 = main3 * f / 100;
                long main1 = main3 * f * f / 10_000;
                p.set(MAIN_REVENUE_Y3, main3);
                p.set(MAIN_REVENUE_Y2, main2);
                p.set(MAIN_REVENUE_Y1, main1);
                p.set(REVENUE_Y3, Math.max(p.get(REVENUE_Y3), main3));
                p.set(REVENUE_Y2, Math.max(p.get(REVENUE_Y2), main2));
                p.set(REVENUE_Y1, Math.max(p.get(REVENUE_Y1), main1));
                return new EdgeCase(edge, pct * S);
            }
            case COMPOUND_GROWTH -> {
                if (!p.has(REVENUE_Y3)) {
                    return null;
                }
                long rev3 = Math.max(1, Math.round(Decimals.toDouble(p.get(REVENUE_Y1)) / 1.1025)) * S;
                long rev1 = rev3 * 11_025 / 10_000;
                p.set(REVENUE_Y3, rev3);
                p.set(MAIN_REVENUE_Y3, Math.min(p.get(MAIN_REVENUE_Y3), rev3));
                p.set(REVENUE_Y1, rev1);
                p.set(MAIN_REVENUE_Y1, Math.min(p.get(MAIN_REVENUE_Y1), rev1));
                return new EdgeCase(edge, 5 * S);
            }
            case RD_STAFF_SHARE, TECH_STAFF_SHARE -> {
                long pct = edge == Edge.RD_STAFF_SHARE ? pickLong(new long[] {20, 20, 10, 5, 50}) : pickLong(new long[] {30, 30, 20, 10});
                long unit = 100 / gcd((int) pct, 100); // employees must be a multiple of this
                long e = p.get(EMPLOYEES_Y1) / S;
                e = (e + unit - 1) / unit * unit;
                p.setInt(EMPLOYEES_Y1, e);
                p.setInt(edge == Edge.RD_STAFF_SHARE ? RD_STAFF_Y1 : TECH_STAFF_Y1, e * pct / 100);
                return new EdgeCase(edge, pct * S);
            }
            case MARKET_SHARE -> {
                p.setInt(MARKET_SHARE_PCT, 10);
                return new EdgeCase(edge, 10 * S);
            }
            case PLATFORM_SCORE -> {
                long score = r.u() < 0.5 ? 50 : 60;
                p.setInt(PLATFORM_SCORE, score);
                return new EdgeCase(edge, score * S);
            }
            case EQUITY_2Y -> {
                long amount = pickLong(new long[] {2000, 2000, 6000, 8000});
                p.setInt(EQUITY_FINANCING_2Y, amount);
                p.set(EQUITY_FINANCING_3Y, Math.max(p.get(EQUITY_FINANCING_3Y), amount * S));
                return new EdgeCase(edge, amount * S);
            }
            case EQUITY_3Y -> {
                p.setInt(EQUITY_FINANCING_3Y, 500);
                p.set(EQUITY_FINANCING_2Y, Math.min(p.has(EQUITY_FINANCING_2Y) ? p.get(EQUITY_FINANCING_2Y) : 0, 500 * S));
                return new EdgeCase(edge, 500 * S);
            }
            case NET_MARGIN -> {
                long pct = pickLong(new long[] {10, 10, 8, 6, 4, 2, 2});
                p.set(NET_PROFIT_Y1, p.get(REVENUE_Y1) * pct / 100);
                return new EdgeCase(edge, pct * S);
            }
            case SME_CEILING -> {
                String code = p.text(INDUSTRY_CODE);
                long e;
                long rev;
                if (code.charAt(0) == 'C') {
                    e = 1000;
                    rev = 40_000;
                } else if (code.startsWith("I65")) {
                    e = 300;
                    rev = 10_000;
                } else if (code.startsWith("I64")) {
                    e = 2000;
                    rev = 100_000;
                } else {
                    return null; // "all other industries": employees only, see TECH_SME_SIZE style edges
                }
                scaleFirm(p, rev * S);
                setEmployees(p, e);
                return new EdgeCase(edge, rev * S);
            }
            case TECH_SME_SIZE -> {
                scaleFirm(p, 20_000 * S);
                setEmployees(p, 500);
                long assets = 20_000 * S;
                double ratio = (double) p.get(TOTAL_LIABILITIES_Y1) / p.get(TOTAL_ASSETS_Y1);
                p.set(TOTAL_ASSETS_Y1, assets);
                p.set(TOTAL_LIABILITIES_Y1, Math.min(assets, money(20_000 * ratio)));
                return new EdgeCase(edge, 20_000 * S);
            }
            default -> throw new IllegalStateException("unhandled edge " + edge);
        }
    }

    private long pickLong(long[] values) {
        return values[rnd.below(values.length)];
    }

    /** Sets employees and scales R&D and technical staff with them. */
    private static void setEmployees(Profile p, long employees) {
        long old = Math.max(1, p.get(EMPLOYEES_Y1) / S);
        p.setInt(EMPLOYEES_Y1, employees);
        for (Field f : new Field[] {RD_STAFF_Y1, TECH_STAFF_Y1}) {
            if (p.has(f)) {
                p.setInt(f, Math.min(employees, p.get(f) / S * employees / old));
            }
        }
    }

    /**
     * The same firm at another size: every amount scaled so that revenue_y1 becomes exactly {@code
     * revenue1} (ratios and growth kept up to rounding), head counts scaled with it.
     */
    private static void scaleFirm(Profile p, long revenue1) {
        long old = p.get(REVENUE_Y1);
        double f = old > 0 ? (double) revenue1 / old : 1;
        for (Field x : new Field[] {REVENUE_Y2, REVENUE_Y3, MAIN_REVENUE_Y1, MAIN_REVENUE_Y2, MAIN_REVENUE_Y3,
            RD_EXPENSE_Y1, RD_EXPENSE_Y2, TOTAL_COST_Y1, TOTAL_LIABILITIES_Y1}) {
            if (p.has(x)) {
                p.set(x, money(Decimals.toDouble(p.get(x)) * f));
            }
        }
        if (p.has(NET_PROFIT_Y1)) {
            p.set(NET_PROFIT_Y1, signedMoney(Decimals.toDouble(p.get(NET_PROFIT_Y1)) * f));
        }
        long assets = Math.max(10 * S, money(Decimals.toDouble(p.get(TOTAL_ASSETS_Y1)) * f));
        p.set(TOTAL_ASSETS_Y1, assets);
        p.set(TOTAL_LIABILITIES_Y1, Math.min(assets, p.get(TOTAL_LIABILITIES_Y1)));
        p.set(REVENUE_Y1, revenue1);
        p.set(MAIN_REVENUE_Y1, Math.min(revenue1, p.get(MAIN_REVENUE_Y1)));
        if (p.has(MAIN_REVENUE_Y2)) {
            p.set(MAIN_REVENUE_Y2, Math.min(p.get(REVENUE_Y2), p.get(MAIN_REVENUE_Y2)));
        }
        if (p.has(MAIN_REVENUE_Y3)) {
            p.set(MAIN_REVENUE_Y3, Math.min(p.get(REVENUE_Y3), p.get(MAIN_REVENUE_Y3)));
        }
        setEmployees(p, Math.max(3, Math.min(30_000, Math.round(p.get(EMPLOYEES_Y1) / S * f))));
    }

    // =============================================================================================
    // Invalid rows
    // =============================================================================================

    private List<Mistake> corrupt(Profile p, String[] cells) {
        Mistake first = pickMistake(p);
        apply(first, p, cells);
        if (rnd.u() < 0.18) {
            Mistake second = pickMistake(p);
            if (second != first) {
                apply(second, p, cells);
                List<Mistake> both = new ArrayList<>(2);
                both.add(first);
                both.add(second);
                return Collections.unmodifiableList(both);
            }
        }
        return List.of(first);
    }

    private Mistake pickMistake(Profile p) {
        while (true) {
            int w = rnd.below(MISTAKE_TOTAL_WEIGHT);
            for (Mistake m : MISTAKES) {
                w -= m.weight();
                if (w < 0) {
                    if (m == Mistake.DUPLICATE_CREDIT_CODE && validRows == 0) {
                        break; // nothing to duplicate yet: draw again
                    }
                    return m;
                }
            }
        }
    }

    private void apply(Mistake m, Profile p, String[] cells) {
        Rand r = rnd;
        switch (m) {
            case BAD_CHECK_CHARACTER -> {
                String code = p.creditCode();
                int v = ALPHABET.indexOf(code.charAt(17));
                char wrong = ALPHABET.charAt((v + 1 + r.below(30)) % 31);
                cells[CREDIT_CODE.ordinal()] = code.substring(0, 17) + wrong;
            }
            case CREDIT_CODE_TYPO -> {
                String code = p.creditCode();
                // every generated region code starts "500": its first zero (position 4) typed as letter O
                cells[CREDIT_CODE.ordinal()] = r.u() < 0.5 ? code.substring(0, 17) : code.substring(0, 3) + "O" + code.substring(4);
            }
            case DUPLICATE_CREDIT_CODE -> {
                int n = (int) Math.min(validRows, recentCodes.length);
                cells[CREDIT_CODE.ordinal()] = recentCodes[r.below(n)];
            }
            case MAIN_REVENUE_ABOVE_REVENUE -> {
                Field[][] years = {{REVENUE_Y1, MAIN_REVENUE_Y1}, {REVENUE_Y2, MAIN_REVENUE_Y2}, {REVENUE_Y3, MAIN_REVENUE_Y3}};
                int y = r.below(3);
                if (!p.has(years[y][0])) {
                    y = 0;
                }
                long rev = p.get(years[y][0]);
                long main = p.get(years[y][1]);
                if (main < rev && r.u() < 0.5) { // the two columns swapped
                    cells[years[y][0].ordinal()] = RowCells.decimal(main);
                    cells[years[y][1].ordinal()] = RowCells.decimal(rev);
                } else {
                    long above = rev + Math.max(S / 100, money(Decimals.toDouble(rev) * r.between(0.01, 0.3)));
                    cells[years[y][0].ordinal()] = RowCells.decimal(rev);
                    cells[years[y][1].ordinal()] = RowCells.decimal(above);
                }
            }
            case NEGATIVE_NUMBER -> {
                Field f = NON_NEGATIVE_MONEY[r.below(NON_NEGATIVE_MONEY.length)];
                long v = p.has(f) ? p.get(f) : 0;
                cells[f.ordinal()] = "-" + RowCells.decimal(v > 0 ? v : money(r.between(1, 500)) + S / 100);
            }
            case NOT_A_NUMBER -> {
                Field f = NUMERIC_FIELDS[r.below(NUMERIC_FIELDS.length)];
                cells[f.ordinal()] = NOT_NUMBERS[r.below(NOT_NUMBERS.length)];
            }
            case TOO_MANY_DECIMALS -> {
                Field f = NON_NEGATIVE_MONEY[r.below(NON_NEGATIVE_MONEY.length)];
                long v = p.has(f) ? p.get(f) : money(r.between(1, 500));
                cells[f.ordinal()] = RowCells.fixed4(v) + (r.u() < 0.5 ? "000001" : "999999");
            }
            case INTEGER_WITH_DECIMALS -> {
                Field f = r.u() < 0.6 ? EMPLOYEES_Y1 : RD_STAFF_Y1;
                long v = p.has(f) ? p.get(f) / S : 10;
                cells[f.ordinal()] = v + (r.u() < 0.5 ? ".5" : ".3");
            }
            case UNKNOWN_INDUSTRY -> cells[INDUSTRY_CODE.ordinal()] = BAD_INDUSTRY[r.below(BAD_INDUSTRY.length)];
            case WRONG_SECTION_LETTER -> {
                String code = p.text(INDUSTRY_CODE);
                char wrong = code.charAt(0) == 'C' ? (r.u() < 0.5 ? 'I' : 'D') : 'C';
                cells[INDUSTRY_CODE.ordinal()] = wrong + code.substring(1);
            }
            case DIGITAL_LEVEL_OUT_OF_RANGE -> cells[DIGITAL_LEVEL.ordinal()] = r.u() < 0.6 ? "7" : (r.u() < 0.5 ? "5" : "10");
            case STAFF_ABOVE_EMPLOYEES -> {
                long e = p.get(EMPLOYEES_Y1) / S;
                Field f = r.u() < 0.7 ? RD_STAFF_Y1 : TECH_STAFF_Y1;
                long staff = p.has(f) ? p.get(f) / S : 0;
                if (staff < e && staff > 0 && r.u() < 0.4) { // the two columns swapped
                    cells[EMPLOYEES_Y1.ordinal()] = Long.toString(staff);
                    cells[f.ordinal()] = Long.toString(e);
                } else {
                    cells[EMPLOYEES_Y1.ordinal()] = Long.toString(e);
                    cells[f.ordinal()] = Long.toString(e + 1 + r.below((int) Math.min(e, 50)));
                }
            }
            case TEXT_IN_BOOLEAN -> {
                Field f = FLAG_FIELDS[r.below(FLAG_FIELDS.length)];
                cells[f.ordinal()] = NOT_BOOLEANS[r.below(NOT_BOOLEANS.length)];
            }
            case IP_SUBSET_ABOVE_TOTAL -> {
                long ip1 = p.has(IP1) ? p.get(IP1) / S : 0;
                Field f = IP_SUBSETS[r.below(IP_SUBSETS.length)];
                cells[IP1.ordinal()] = Long.toString(ip1);
                cells[f.ordinal()] = Long.toString(ip1 + 1 + r.below(5));
            }
            case EQUITY_2Y_ABOVE_3Y -> {
                long three = p.has(EQUITY_FINANCING_3Y) && p.get(EQUITY_FINANCING_3Y) > 0
                        ? p.get(EQUITY_FINANCING_3Y) : money(r.logNormal(1500, 1.0));
                long two = three + Math.max(S, money(Decimals.toDouble(three) * r.between(0.05, 1.0)));
                cells[EQUITY_FINANCING_3Y.ordinal()] = RowCells.decimal(three);
                cells[EQUITY_FINANCING_2Y.ordinal()] = RowCells.decimal(two);
            }
            case MISSING_REQUIRED -> cells[REQUIRED_FIELDS[r.below(REQUIRED_FIELDS.length)].ordinal()] = "";
            case ZERO_ASSETS -> cells[TOTAL_ASSETS_Y1.ordinal()] = "0";
            case RANK_ZERO -> cells[RANKS[r.below(RANKS.length)].ordinal()] = "0";
            case PERCENT_OUT_OF_RANGE -> {
                if (r.u() < 0.5) {
                    cells[MARKET_SHARE_PCT.ordinal()] = Integer.toString(101 + r.below(200));
                } else {
                    cells[(r.u() < 0.5 ? PLATFORM_SCORE : PLATFORM_SCORE_PREV).ordinal()] = (101 + r.below(20)) + ".5";
                }
            }
            case IMPOSSIBLE_DATE -> cells[ASSESSMENT_DATE.ordinal()] = impossibleDate;
            case BAD_REGION_CODE -> {
                String region = p.has(REGION_CODE) ? p.text(REGION_CODE) : "500112";
                cells[REGION_CODE.ordinal()] = r.u() < 0.5 ? region.substring(0, 5) : region + "0";
            }
            case UNKNOWN_ENUM_VALUE -> {
                if (r.u() < 0.5) {
                    cells[RD_INSTITUTION_LEVEL.ordinal()] = r.u() < 0.5 ? "区级" : "COUNTY";
                } else {
                    cells[MAIN_PRODUCT_FIELD.ordinal()] = r.u() < 0.5 ? "关键领域" : "KEY";
                }
            }
            default -> throw new IllegalStateException("unhandled mistake " + m);
        }
    }

    @Override
    public String toString() {
        return "RegionGenerator{seed=" + seed + ", date=" + assessmentDate + ", invalidShare=" + invalidShare
                + ", edgeShare=" + edgeShare + ", shard=" + shard + ", next=" + firms + "}";
    }
}

package cn.srdi.engine.synth;

import static cn.srdi.engine.model.Field.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import cn.srdi.engine.reference.CreditCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RegionGeneratorTest {
    private static final LocalDate DATE = LocalDate.of(2026, 3, 1);
    private static final long S = Decimals.SCALE;

    @Test
    void sameSeedGivesIdenticalRows() {
        RegionGenerator a = new RegionGenerator(42, DATE, 0.1, 0.1);
        RegionGenerator b = new RegionGenerator(42, DATE, 0.1, 0.1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(a.nextRow()).containsExactly(b.nextRow());
            assertThat(a.lastMistakes()).isEqualTo(b.lastMistakes());
            assertThat(a.lastEdge()).isEqualTo(b.lastEdge());
        }
        RegionGenerator c = new RegionGenerator(7, DATE, 0, 0.2);
        RegionGenerator d = new RegionGenerator(7, DATE, 0, 0.2);
        for (int i = 0; i < 2_000; i++) {
            assertThat(c.nextProfile()).isEqualTo(d.nextProfile());
        }
    }

    @Test
    void differentSeedsDiffer() {
        RegionGenerator a = RegionGenerator.of(1, DATE);
        RegionGenerator b = RegionGenerator.of(2, DATE);
        int same = 0;
        Set<String> codesA = new HashSet<>();
        List<String> codesB = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String[] x = a.nextRow();
            String[] y = b.nextRow();
            if (x[REVENUE_Y1.ordinal()].equals(y[REVENUE_Y1.ordinal()])) {
                same++;
            }
            codesA.add(x[0]);
            codesB.add(y[0]);
        }
        assertThat(same).isLessThan(10);
        codesB.retainAll(codesA);
        assertThat(codesB).hasSizeLessThan(5);
    }

    @Test
    void headerIsTheEnglishIdsInFieldOrder() {
        String[] header = RegionGenerator.of(1, DATE).header();
        assertThat(header).hasSize(Field.ALL.length);
        for (Field f : Field.ALL) {
            assertThat(header[f.ordinal()]).isEqualTo(f.id());
        }
    }

    @Test
    void validRowsParseBackCleanlyAndAreConsistent() {
        RegionGenerator g = new RegionGenerator(20260301, DATE, 0, 0.15);
        RowChecker checker = new RowChecker();
        for (int i = 0; i < 50_000; i++) {
            String[] row = g.nextRow();
            assertThat(g.lastMistakes()).isEmpty();
            List<String> problems = checker.check(row);
            if (!problems.isEmpty() || !checker.warnings.isEmpty()) {
                fail("row %d %s %s: %s", i, problems, checker.warnings, String.join(",", row));
            }
            Profile p = checker.last;
            assertThat(p.get(TOTAL_ASSETS_Y1)).isPositive();
            assertThat(p.get(ASSESSMENT_DATE)).isEqualTo(DATE.toEpochDay());
            assertThat(CreditCode.isValid(row[CREDIT_CODE.ordinal()])).isTrue();
            assertThat(row[CREDIT_CODE.ordinal()]).startsWith("91500");
        }
    }

    @Test
    void profilesFormatCanonicallyAndRoundTrip() {
        RegionGenerator g = new RegionGenerator(99, LocalDate.of(2026, 6, 30), 0, 0.3);
        for (int i = 0; i < 20_000; i++) {
            Profile p = g.nextProfile();
            String[] cells = RegionGenerator.toRow(p);
            Profile back = new Profile();
            for (Field f : Field.ALL) {
                assertThat(cells[f.ordinal()]).as(f.id()).isEqualTo(ProfileValues.format(p, f));
                if (!cells[f.ordinal()].isEmpty()) {
                    assertThat(ProfileValues.parseInto(back, f, cells[f.ordinal()])).as(f.id() + "=" + cells[f.ordinal()]).isNull();
                }
            }
            assertThat(back).isEqualTo(p);
            assertThat(RowChecker.consistency(p)).isEmpty();
        }
    }

    @Test
    void fastDecimalFormatMatchesDecimalsFormat() {
        long[] samples = {0, 1, -1, 5, 10, 100, 9999, 10_000, 12_345, -12_345, 99_990_000, 100_000_000, 123_456_789,
            -5_000, 1_000_000_000_000L, 7 * S, 9999 * S, 10_000 * S, -3 * S, Long.MAX_VALUE, Long.MIN_VALUE + 1};
        for (long v : samples) {
            assertThat(RowCells.decimal(v)).as("%d", v).isEqualTo(Decimals.format(v));
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long v = r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) / (i % 2 == 0 ? 1 : 100);
            assertThat(RowCells.decimal(v)).isEqualTo(Decimals.format(v));
        }
        assertThat(RowCells.fixed4(34_561_200)).isEqualTo("3456.1200");
        assertThat(RowCells.fixed4(-5)).isEqualTo("-0.0005");
    }

    @Test
    void creditCodesAreValidAndUniqueOverManyRows() {
        RegionGenerator g = new RegionGenerator(5, DATE, 0, 0.1);
        Set<String> codes = new HashSet<>();
        int oldStyle = 0;
        for (int i = 0; i < 100_000; i++) {
            Profile p = g.nextProfile();
            String code = p.creditCode();
            assertThat(CreditCode.check(code)).as(code).isNull();
            assertThat(code.charAt(0)).isEqualTo('9');
            assertThat(code.charAt(1)).isEqualTo('1');
            assertThat(code.substring(2, 8)).isIn("500000", "500112", "500105", "500109");
            assertThat(codes.add(code)).as("duplicate %s", code).isTrue();
            if (Character.isDigit(code.charAt(8))) {
                oldStyle++;
            }
        }
        assertThat(oldStyle).isBetween(20_000, 30_000);
    }

    @Test
    void creditCodesStayUniqueAcrossPermutationBlocksAndStyles() {
        RegionGenerator g = RegionGenerator.of(11, DATE);
        long m6 = 31L * 31 * 31 * 31 * 31 * 31;
        Set<String> codes = new HashSet<>();
        for (long idx = m6 - 2_000; idx < m6 + 2_000; idx++) {
            String code = g.creditCode(idx, "500112", false);
            assertThat(CreditCode.isValid(code)).isTrue();
            assertThat(codes.add(code)).as("idx %d", idx).isTrue();
        }
        for (long idx = 0; idx < 4_000; idx++) {
            assertThat(codes.add(g.creditCode(idx, "500112", idx % 2 == 0))).as("idx %d", idx).isTrue();
        }
    }

    @Test
    void shardsAreDeterministicAndNeverShareACreditCode() {
        RegionGenerator base = new RegionGenerator(123, DATE, 0.05, 0.05);
        Set<String> codes = new HashSet<>();
        RowChecker checker = new RowChecker();
        int perShard = 20_000;
        for (int k = 0; k < 4; k++) {
            RegionGenerator shard = base.shard(k, (long) k * perShard);
            RegionGenerator again = new RegionGenerator(123, DATE, 0.05, 0.05).shard(k, (long) k * perShard);
            for (int i = 0; i < perShard; i++) {
                String[] row = shard.nextRow();
                assertThat(row).containsExactly(again.nextRow());
                boolean invalid = !shard.lastMistakes().isEmpty();
                List<String> problems = checker.check(row);
                if (invalid == problems.isEmpty()) {
                    fail("shard %d row %d %s %s: %s", k, i, shard.lastMistakes(), problems, String.join(",", row));
                }
                if (!invalid) {
                    assertThat(codes.add(row[CREDIT_CODE.ordinal()])).isTrue();
                }
            }
        }
        RegionGenerator zero = base.shard(0, 0);
        RegionGenerator fresh = new RegionGenerator(123, DATE, 0.05, 0.05);
        for (int i = 0; i < 100; i++) {
            assertThat(zero.nextRow()).containsExactly(fresh.nextRow());
        }
        String[] first1 = base.shard(1, 0).nextRow();
        String[] first2 = base.shard(2, 0).nextRow();
        assertThat(first1[REVENUE_Y1.ordinal()]).isNotEqualTo(first2[REVENUE_Y1.ordinal()]);
    }

    @Test
    void namesAreChineseAndDistinctInADemoSizedDistrict() {
        RegionGenerator g = RegionGenerator.of(2022, DATE);
        Set<String> names = new HashSet<>();
        Map<Park, Integer> parks = new EnumMap<>(Park.class);
        int outside = 0;
        for (int i = 0; i < 5_000; i++) {
            Profile p = g.nextProfile();
            assertThat(p.name()).startsWith("重庆").endsWith("公司");
            names.add(p.name());
            if (g.lastPark() == null) {
                outside++;
            } else {
                parks.merge(g.lastPark(), 1, Integer::sum);
            }
            assertThat(g.lastIndustry()).isNotNull();
        }
        assertThat(names).hasSize(5_000);
        assertThat(parks).containsOnlyKeys(Park.values());
        assertThat(outside).isBetween(1_500, 2_300);
    }

    @Test
    void aboutTheRequestedShareOfRowsIsInvalidAndExactlyThoseAreRejected() {
        RegionGenerator g = new RegionGenerator(314, DATE, 0.10, 0.05);
        RowChecker checker = new RowChecker();
        int n = 50_000;
        int rejected = 0;
        Map<Mistake, Integer> seen = new EnumMap<>(Mistake.class);
        for (int i = 0; i < n; i++) {
            String[] row = g.nextRow();
            List<String> problems = checker.check(row);
            List<Mistake> mistakes = g.lastMistakes();
            if (mistakes.isEmpty()) {
                if (!problems.isEmpty()) {
                    fail("valid row %d %s: %s", i, problems, String.join(",", row));
                }
            } else {
                if (problems.isEmpty()) {
                    fail("row %d with %s accepted: %s", i, mistakes, String.join(",", row));
                }
                assertThat(g.lastEdge()).isNull();
                rejected++;
                for (Mistake m : mistakes) {
                    seen.merge(m, 1, Integer::sum);
                }
            }
        }
        assertThat(rejected / (double) n).isBetween(0.07, 0.13);
        assertThat(seen).containsOnlyKeys(Mistake.values());
    }

    @Test
    void everyMistakeAloneMakesTheRowInvalid() {
        // a high invalid share gives many rows of every kind; each must be caught
        RegionGenerator g = new RegionGenerator(8, DATE, 0.9, 0);
        RowChecker checker = new RowChecker();
        Map<Mistake, Integer> caught = new EnumMap<>(Mistake.class);
        for (int i = 0; i < 30_000; i++) {
            String[] row = g.nextRow();
            List<String> problems = checker.check(row);
            if (g.lastMistakes().size() == 1) {
                if (problems.isEmpty()) {
                    fail("%s accepted: %s", g.lastMistakes(), String.join(",", row));
                }
                caught.merge(g.lastMistakes().get(0), 1, Integer::sum);
            }
        }
        assertThat(caught).containsOnlyKeys(Mistake.values());
    }

    @Test
    void edgeRowsSitExactlyOnTheirThresholds() {
        RegionGenerator g = new RegionGenerator(77, DATE, 0.05, 0.5);
        RowChecker checker = new RowChecker();
        Map<Edge, Integer> seen = new EnumMap<>(Edge.class);
        int edges = 0;
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            String[] row = g.nextRow();
            List<String> problems = checker.check(row);
            EdgeCase e = g.lastEdge();
            if (e == null) {
                continue;
            }
            edges++;
            if (!problems.isEmpty()) {
                fail("%s %s: %s", e, problems, String.join(",", row));
            }
            assertOnEdge(checker.last, e);
            seen.merge(e.edge(), 1, Integer::sum);
        }
        assertThat(edges / (double) n).isBetween(0.46, 0.54);
        assertThat(seen).containsOnlyKeys(Edge.values());
    }

    /** Exact (integer) checks that a parsed profile sits on the edge it was placed on. */
    static void assertOnEdge(Profile p, EdgeCase e) {
        long t = e.threshold();
        java.util.function.Supplier<String> what = () -> e + " " + p;
        switch (e.edge()) {
            case RD_RATIO -> {
                assertThat(Decimals.comparePercent(p.get(RD_EXPENSE_Y1), p.get(REVENUE_Y1), t)).as(what).isZero();
                if (t == 3 * S) {
                    assertThat(p.get(RD_EXPENSE_Y1)).as(what).isGreaterThanOrEqualTo(100 * S);
                }
            }
            case RD_AMOUNT -> assertThat(p.get(RD_EXPENSE_Y1)).as(what).isEqualTo(t);
            case RD_MEAN -> assertThat(p.get(RD_EXPENSE_Y1) + p.get(RD_EXPENSE_Y2)).as(what).isEqualTo(2 * t);
            case DEBT_RATIO -> assertThat(Decimals.comparePercent(p.get(TOTAL_LIABILITIES_Y1), p.get(TOTAL_ASSETS_Y1), t)).as(what).isZero();
            case MAIN_SHARE -> assertThat(Decimals.comparePercent(p.get(MAIN_REVENUE_Y1), p.get(REVENUE_Y1), t)).as(what).isZero();
            case NICHE_YEARS -> assertThat(p.get(NICHE_YEARS)).as(what).isEqualTo(t);
            case PRODUCT_YEARS -> assertThat(p.get(PRODUCT_YEARS)).as(what).isEqualTo(t);
            case REVENUE -> assertThat(p.get(REVENUE_Y1)).as(what).isEqualTo(t);
            case MAIN_GROWTH -> assertThat(Decimals.compareGrowth(p.get(MAIN_REVENUE_Y1), p.get(MAIN_REVENUE_Y2), t)).as(what).isZero();
            case MEAN_GROWTH -> {
                assertThat(Decimals.compareMeanGrowth(p.get(MAIN_REVENUE_Y1), p.get(MAIN_REVENUE_Y2), p.get(MAIN_REVENUE_Y3), t)).as(what).isZero();
                assertThat(Decimals.compareGrowth(p.get(MAIN_REVENUE_Y1), p.get(MAIN_REVENUE_Y2), t)).as(what).isZero();
            }
            case COMPOUND_GROWTH -> {
                assertThat(Decimals.compareCompoundGrowth(p.get(REVENUE_Y1), p.get(REVENUE_Y3), t)).as(what).isZero();
                assertThat(p.get(REVENUE_Y1) * 10_000).as(what).isEqualTo(p.get(REVENUE_Y3) * 11_025);
            }
            case RD_STAFF_SHARE -> assertThat(Decimals.comparePercent(p.get(RD_STAFF_Y1), p.get(EMPLOYEES_Y1), t)).as(what).isZero();
            case TECH_STAFF_SHARE -> assertThat(Decimals.comparePercent(p.get(TECH_STAFF_Y1), p.get(EMPLOYEES_Y1), t)).as(what).isZero();
            case MARKET_SHARE -> assertThat(p.get(MARKET_SHARE_PCT)).as(what).isEqualTo(t);
            case PLATFORM_SCORE -> assertThat(p.get(PLATFORM_SCORE)).as(what).isEqualTo(t);
            case EQUITY_2Y -> assertThat(p.get(EQUITY_FINANCING_2Y)).as(what).isEqualTo(t);
            case EQUITY_3Y -> assertThat(p.get(EQUITY_FINANCING_3Y)).as(what).isEqualTo(t);
            case NET_MARGIN -> assertThat(Decimals.comparePercent(p.get(NET_PROFIT_Y1), p.get(REVENUE_Y1), t)).as(what).isZero();
            case SME_CEILING -> {
                assertThat(p.get(REVENUE_Y1)).as(what).isEqualTo(t);
                assertThat(MiniGrader.large(p)).as(what).isTrue();
            }
            case TECH_SME_SIZE -> {
                assertThat(p.get(REVENUE_Y1)).as(what).isEqualTo(t);
                assertThat(p.get(TOTAL_ASSETS_Y1)).as(what).isEqualTo(t);
                assertThat(p.get(EMPLOYEES_Y1)).as(what).isEqualTo(500 * S);
            }
            default -> throw new AssertionError(e);
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new RegionGenerator(1, DATE, -0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionGenerator(1, DATE, 0.6, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionGenerator(1, DATE, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionGenerator(1, null, 0, 0)).isInstanceOf(NullPointerException.class);
    }

    @Property(tries = 40)
    void anySeedGivesValidRows(@ForAll long seed) {
        RegionGenerator g = new RegionGenerator(seed, DATE, 0, 0.3);
        RowChecker checker = new RowChecker();
        for (int i = 0; i < 300; i++) {
            String[] row = g.nextRow();
            List<String> problems = checker.check(row);
            if (!problems.isEmpty()) {
                fail("%s: %s", problems, String.join(",", row));
            }
            if (g.lastEdge() != null) {
                assertOnEdge(checker.last, g.lastEdge());
            }
        }
    }
}

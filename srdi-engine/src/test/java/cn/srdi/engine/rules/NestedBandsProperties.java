package cn.srdi.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.model.Decimals;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The branch-free scoring of nested band lists (count of bands missed) gives the same points as the
 * first-match walk, for every scoring form, on random lists and on values at and next to every cut.
 */
class NestedBandsProperties {
    private static final String[] BUILT_IN = {
        ">=5:20, >=3:15, >=2:10, >=1:5, else:0", ">=15:20, >=10:15, >=5:10, >=0:5, else:0", "<=55:10, <=75:5, else:0",
        ">=30:20, >=25:16, >=20:12, >=15:8, >=10:4, else:0", ">=4:24, >=3:18, >=2:12, >=1:6, else:0",
        ">=10:10, >=8:8, >=6:6, >=4:4, >=0:2, else:0", ">=3:5, >=2:3, else:0", "<50:5, <=60:3, <=70:1, else:0",
        ">=500:10, >=400:8, >=300:6, >=200:4, >=100:2, else:0", ">=20:5, >=10:3, >=5:1, else:0"};

    /**
     * Bands from their text, built directly: rule files only accept strictly nested lists (see
     * {@link RuleParams#bands}), the constructor also takes ties and lists in any order.
     */
    static Bands bands(String text) {
        List<Band> list = new ArrayList<>();
        int otherwise = 0;
        for (String part : text.split(",")) {
            String p = part.strip();
            String cond = p.substring(0, p.lastIndexOf(':'));
            int pts = Integer.parseInt(p.substring(p.lastIndexOf(':') + 1));
            if (cond.equals("else")) {
                otherwise = pts;
                continue;
            }
            int k = cond.startsWith(">=") || cond.startsWith("<=") ? 2 : 1;
            Band.Op op = switch (cond.substring(0, k)) {
                case ">=" -> Band.Op.GE;
                case "<=" -> Band.Op.LE;
                case ">" -> Band.Op.GT;
                default -> Band.Op.LT;
            };
            list.add(new Band(op, Decimals.parse(cond.substring(k)), pts));
        }
        return new Bands(list, otherwise);
    }

    @Test
    void rule_file_bands_are_all_nested() {
        for (String t : BUILT_IN) {
            Bands parsed = RuleParams.parse("t", new StringReader("b = " + t + "\n")).bands("b");
            assertThat(parsed.nesting()).as(t).isNotZero();
            assertThat(bands(t).toString()).isEqualTo(parsed.toString());
        }
    }

    /**
     * A random list of 1–9 bands, nested up or down (cuts sorted, ties allowed) or in any order; lists
     * longer than {@link Bands#WIDE} are counted by the loop, shorter ones in straight-line code.
     */
    @Provide
    Arbitrary<String> lists() {
        Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(-20, 120).list().ofMinSize(1).ofMaxSize(Bands.WIDE + 3);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 2);
        Arbitrary<Long> opsSeed = Arbitraries.longs();
        Arbitrary<String> builtIn = Arbitraries.of(BUILT_IN);
        Arbitrary<String> random = Combinators.combine(cuts, shape, opsSeed).as((c, s, seed) -> {
            List<Integer> sorted = new ArrayList<>(c);
            if (s == 0) {
                sorted.sort((a, b) -> b - a);
            } else if (s == 1) {
                sorted.sort(Integer::compare);
            }
            StringBuilder sb = new StringBuilder();
            long bits = seed;
            for (int i = 0; i < sorted.size(); i++) {
                boolean strict = (bits & 1) != 0;
                bits >>>= 1;
                String op = s == 0 ? (strict ? ">" : ">=") : s == 1 ? (strict ? "<" : "<=") : (strict ? ">" : "<=");
                sb.append(op).append(sorted.get(i)).append(':').append(10 * (sorted.size() - i)).append(", ");
            }
            return sb.append("else:1").toString();
        });
        return Arbitraries.oneOf(builtIn, random);
    }

    @Property(tries = 3000)
    void percentages_score_as_the_walk(@ForAll("lists") String list,
                                       @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000_000L) long num,
                                       @ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long den) {
        Bands b = bands(list);
        assertThat(b.scorePercent(num, den)).as(list).isEqualTo(b.scorePercentLoop(num, den)).isEqualTo(b.scorePercentExact(num, den));
        assertThat(b.scoreGrowth(num, den)).as(list).isEqualTo(b.scoreGrowthLoop(num, den));
    }

    @Property(tries = 2000)
    void values_on_and_next_to_every_cut_score_as_the_walk(@ForAll("lists") String list,
                                                           @ForAll @LongRange(min = 1, max = 10_000_000_000L) long den,
                                                           @ForAll @LongRange(min = -2, max = 2) long nudge,
                                                           @ForAll @IntRange(min = -20, max = 120) int pct) {
        Bands b = bands(list);
        long cut = pct * Decimals.SCALE;
        // the smallest numerator reaching the cut, and its neighbours
        long num = Math.floorDiv(cut * den + Decimals.PCT_FACTOR - 1, Decimals.PCT_FACTOR) + nudge;
        assertThat(b.scorePercent(num, den)).as(list).isEqualTo(b.scorePercentExact(num, den));
        assertThat(b.scoreGrowth(num + den, den)).as(list).isEqualTo(b.scoreGrowthLoop(num + den, den));
        // exact multiples: den · pct / 100 with den a multiple of 100
        long d100 = den * 100;
        long exact = den * pct;
        assertThat(b.scorePercent(exact + nudge, d100)).as(list).isEqualTo(b.scorePercentExact(exact + nudge, d100));
        long v = cut + nudge;
        assertThat(b.score(v)).as(list).isEqualTo(b.scoreLoop(v));
    }

    @Property(tries = 2000)
    void plain_values_and_mean_growth_score_as_the_walk(@ForAll("lists") String list,
                                                        @ForAll @LongRange(min = -2_000_000L, max = 2_000_000L) long value,
                                                        @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long a,
                                                        @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long b,
                                                        @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long c) {
        Bands bands = bands(list);
        assertThat(bands.score(value)).as(list).isEqualTo(bands.scoreLoop(value));
        assertThat(bands.score(value * 1000)).as(list).isEqualTo(bands.scoreLoop(value * 1000));
        // the largest values the integer count takes (the padding cuts must neither overflow nor miss)
        long edge = (1L << 61) - 1 - Math.abs(value);
        assertThat(bands.score(edge)).as(list).isEqualTo(bands.scoreLoop(edge));
        assertThat(bands.score(-edge)).as(list).isEqualTo(bands.scoreLoop(-edge));
        assertThat(bands.scoreMeanGrowth(a, b, c)).as(list).isEqualTo(bands.scoreMeanGrowthLoop(a, b, c));
        assertThat(bands.scoreMeanGrowth(b, b, b)).as(list).isEqualTo(bands.scoreMeanGrowthLoop(b, b, b));
    }

    @Test
    void nesting_is_recognised_only_where_the_missed_bands_form_a_prefix() {
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.GE, Band.Op.GE}, new long[] {5, 3})).isEqualTo(1);
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.GT, Band.Op.GE}, new long[] {5, 5})).isEqualTo(1);
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.GE, Band.Op.GT}, new long[] {5, 5})).isEqualTo(0);
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.GE, Band.Op.GE}, new long[] {3, 5})).isEqualTo(0);
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.LT, Band.Op.LE, Band.Op.LE}, new long[] {50, 60, 70})).isEqualTo(-1);
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.LE, Band.Op.LT}, new long[] {60, 60})).isEqualTo(0);
        assertThat(Bands.nesting(new Band.Op[] {Band.Op.GE, Band.Op.LE}, new long[] {5, 3})).isEqualTo(0);
        // the lists that are not nested are still scored by the walk
        Bands odd = bands(">=3:5, >=5:10, else:0");
        assertThat(odd.score(6 * Decimals.SCALE)).isEqualTo(5);
        assertThat(odd.scorePercent(6, 100)).isEqualTo(5);
        assertThat(odd.scorePercent(1, 100)).isEqualTo(0);
    }
}

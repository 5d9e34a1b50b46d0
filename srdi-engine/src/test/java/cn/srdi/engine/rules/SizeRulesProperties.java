package cn.srdi.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.model.Profile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The size classification by table (and by industry key) agrees with the walk over every pattern. */
class SizeRulesProperties {
    private static final SizeRules SIZE = RuleCatalog.builtIn().get("sme-size-2011").sizeRules();

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'T').ofLength(1)
                        .flatMap(l -> Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(4).map(d -> l + d)),
                Arbitraries.of("", "*", "X", "C3", "K7010", "K7020", "F51", "F52", "I63", "I64", "L72", "E47", "A01", "B06", "G53"));
    }

    @Property(tries = 5000)
    void the_table_classification_agrees_with_the_walk(
            @ForAll("codes") String code,
            @ForAll @LongRange(min = -10, max = 3_000_000_000L) long employees,
            @ForAll @LongRange(min = -10, max = 3_000_000_000L) long revenue,
            @ForAll @LongRange(min = -10, max = 3_000_000_000L) long assets) {
        assertThat(SIZE.classify(code, employees, revenue, assets)).isEqualTo(SIZE.classifyExact(code, employees, revenue, assets));
        assertThat(SIZE.classify(Profile.industryKeyOf(code), code, employees, revenue, assets))
                .isEqualTo(SIZE.classifyExact(code, employees, revenue, assets));
        long e = employees % 2_000 * 10_000;
        long r = revenue % 500_000 * 10_000;
        long a = assets % 500_000 * 10_000;
        assertThat(SIZE.classify(code, e, r, a)).isEqualTo(SIZE.classifyExact(code, e, r, a));
    }

    /** The compiled (branch-free) conditions agree with the interpreted ones over the whole range of values. */
    @Property(tries = 3000)
    void any_values_agree(@ForAll("codes") String code, @ForAll long employees, @ForAll long revenue, @ForAll long assets) {
        assertThat(SIZE.classify(code, employees, revenue, assets)).isEqualTo(SIZE.classifyExact(code, employees, revenue, assets));
        assertThat(SIZE.classify(Profile.industryKeyOf(code), code, employees, revenue, assets))
                .isEqualTo(SIZE.classifyExact(code, employees, revenue, assets));
    }

    @Property(tries = 2000)
    void values_on_every_threshold_agree(@ForAll("codes") String code, @ForAll @LongRange(min = -1, max = 1) long nudge) {
        long[] cuts = {20, 50, 100, 200, 300, 400, 1000, 2000, 3000, 5000, 8000, 10_000, 20_000, 30_000, 40_000, 50_000, 80_000, 100_000, 120_000, 200_000, 400_000};
        for (long c : cuts) {
            long v = c * 10_000 + nudge;
            assertThat(SIZE.classify(code, v, v, v)).isEqualTo(SIZE.classifyExact(code, v, v, v));
            assertThat(SIZE.classify(Profile.industryKeyOf(code), code, v, v, v)).isEqualTo(SIZE.classifyExact(code, v, v, v));
            assertThat(SIZE.classify(code, v, 0, v)).isEqualTo(SIZE.classifyExact(code, v, 0, v));
            assertThat(SIZE.classify(code, 0, v, 0)).isEqualTo(SIZE.classifyExact(code, 0, v, 0));
        }
    }
}

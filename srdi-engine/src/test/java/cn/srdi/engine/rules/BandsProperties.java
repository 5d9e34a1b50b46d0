package cn.srdi.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.model.Decimals;
import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The fast floating-point path of banded percentages always agrees with the exact comparison. */
class BandsProperties {
    private static final Bands BANDS = RuleParams.parse("t", new StringReader("b = >=10:10, >=8:8, >=6:6, >=4:4, >=3:2, else:0\n")).bands("b");
    private static final Bands LOWER = RuleParams.parse("t", new StringReader("b = <50:5, <=60:3, <=70:1, else:0\n")).bands("b");

    @Property(tries = 5000)
    void the_fast_path_agrees_with_the_exact_one(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000_000L) long num,
                                                  @ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long den) {
        assertThat(BANDS.scorePercent(num, den)).isEqualTo(BANDS.scorePercentExact(num, den));
        assertThat(LOWER.scorePercent(num, den)).isEqualTo(LOWER.scorePercentExact(num, den));
    }

    @Property(tries = 2000)
    void values_on_and_next_to_every_cut_are_decided_exactly(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long den,
                                                             @ForAll @LongRange(min = -2, max = 2) long nudge) {
        for (long pct : new long[] {3, 4, 6, 8, 10, 50, 60, 70}) {
            long num = Decimals.increaseForPercent(0, den, pct * Decimals.SCALE) + nudge;
            assertThat(BANDS.scorePercent(num, den)).isEqualTo(BANDS.scorePercentExact(num, den));
            assertThat(LOWER.scorePercent(num, den)).isEqualTo(LOWER.scorePercentExact(num, den));
        }
    }
}

package cn.srdi.engine.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandTest {

    @Test
    void expAndLogAreAccurate() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = -40 + 80 * r.nextDouble();
            double e = Rand.exp(x);
            assertThat(Math.abs(e / StrictMath.exp(x) - 1)).as("exp(%s)", x).isLessThan(1e-13);
            double y = StrictMath.exp(-30 + 60 * r.nextDouble());
            assertThat(Rand.log(y)).as("log(%s)", y).isCloseTo(StrictMath.log(y), within(1e-13 * Math.max(1, Math.abs(StrictMath.log(y)))));
        }
        assertThat(Rand.exp(0)).isEqualTo(1.0);
        assertThat(Rand.log(1)).isEqualTo(0.0);
        assertThat(Rand.pow(4, 0.5)).isCloseTo(2.0, within(1e-14));
    }

    @Test
    void gaussHasStandardMomentsAndQuantiles() {
        Rand r = new Rand(9);
        int n = 400_000;
        double sum = 0;
        double sq = 0;
        int below196 = 0;
        int above1 = 0;
        for (int i = 0; i < n; i++) {
            double z = r.gauss();
            sum += z;
            sq += z * z;
            below196 += z < -1.96 ? 1 : 0;
            above1 += z > 1 ? 1 : 0;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(sq / n).isCloseTo(1, within(0.01));
        assertThat(below196 / (double) n).isCloseTo(0.025, within(0.002));
        assertThat(above1 / (double) n).isCloseTo(0.1587, within(0.003));
        assertThat(Rand.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-4));
        assertThat(Rand.inverseNormal(0.01)).isCloseTo(-2.326348, within(1e-4));
    }
}

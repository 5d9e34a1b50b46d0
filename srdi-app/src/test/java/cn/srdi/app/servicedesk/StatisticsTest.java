package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Statistics.median(List.of())).isNull();
        assertThat(Statistics.median(List.of(5.0))).isEqualTo(5.0);
        assertThat(Statistics.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
        assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(3.5);
    }
}

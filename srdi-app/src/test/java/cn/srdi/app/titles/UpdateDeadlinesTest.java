package cn.srdi.app.titles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.grading.GradingRules;
import cn.srdi.app.web.BilingualException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadline follows the rule set in force: April 30 under cn-2022, May 31 under cn-2026 (in force from 2026-04-01). */
class UpdateDeadlinesTest {

    final UpdateDeadlines d = new UpdateDeadlines(new GradingRules(), new TitlesProperties(null, null, null, null, null));

    @Test
    void aprilThirtyUntil2025AndMayThirtyOneFrom2026() {
        assertThat(d.of(2024)).isEqualTo(new UpdateDeadline(2024, LocalDate.of(2024, 4, 30), 2023, "cn-2022"));
        assertThat(d.of(2025)).isEqualTo(new UpdateDeadline(2025, LocalDate.of(2025, 4, 30), 2024, "cn-2022"));
        assertThat(d.of(2026)).isEqualTo(new UpdateDeadline(2026, LocalDate.of(2026, 5, 31), 2025, "cn-2026"));
        assertThat(d.of(2027).deadline()).isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void nextAndLastPassedAroundTheDeadline() {
        assertThat(d.next(LocalDate.of(2026, 5, 31)).deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(d.next(LocalDate.of(2026, 6, 1)).deadline()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(d.lastPassed(LocalDate.of(2026, 5, 31)).deadline()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(d.lastPassed(LocalDate.of(2026, 6, 1)).deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
    }

    @Test
    void aYearOutOfRangeIsRefused() {
        assertThatThrownBy(() -> d.of(1800)).isInstanceOf(BilingualException.class).hasMessageContaining("年份")
                .hasMessageContaining("year out of range");
    }
}

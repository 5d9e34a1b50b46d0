package cn.srdi.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicateTrackerTest {

    @Test
    void agrees_with_a_hash_map_on_many_codes_with_repeats_across_table_growth() {
        Random r = new Random(42);
        String[] pool = new String[60_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = RandomProfiles.creditCode(r);
        }
        DuplicateTracker tracker = new DuplicateTracker();
        Map<String, Long> expected = new HashMap<>();
        for (long row = 2; row < 200_000; row++) {
            String code = pool[r.nextInt(pool.length)];
            Long first = expected.putIfAbsent(code, row);
            assertThat(tracker.firstSeen(code, row)).isEqualTo(first == null ? -1 : first);
        }
        assertThat(tracker.size()).isEqualTo(expected.size());
    }

    @Test
    void codes_differing_only_in_one_character_are_distinct() {
        DuplicateTracker tracker = new DuplicateTracker();
        String base = "91350100M000100Y4";
        String alphabet = cn.srdi.engine.reference.CreditCode.alphabet();
        long baseRow = -1;
        long row = 2;
        for (int pos = 0; pos < 17; pos++) {
            for (int k = 0; k < alphabet.length(); k++) {
                String first17 = base.substring(0, pos) + alphabet.charAt(k) + base.substring(pos + 1);
                long first = tracker.firstSeen(cn.srdi.engine.reference.CreditCode.withCheckCharacter(first17), row);
                if (first17.equals(base) && baseRow > 0) {
                    assertThat(first).as("the unchanged code was seen before").isEqualTo(baseRow);
                } else {
                    assertThat(first).as(first17).isEqualTo(-1);
                    if (first17.equals(base)) {
                        baseRow = row;
                    }
                }
                row++;
            }
        }
        assertThat(tracker.size()).isEqualTo(17 * (alphabet.length() - 1) + 1);
    }

    @Test
    void rejected_rows_pass_through_untouched_and_do_not_register() {
        DuplicateTracker tracker = new DuplicateTracker();
        ReadResult rejected = new ReadResult.Rejected(2, List.of(Problem.error(2, "name", "", "x", "x")));

        assertThat(tracker.check(rejected)).isSameAs(rejected);
        assertThat(tracker.size()).isZero();
    }

    @Test
    void a_duplicate_keeps_the_warnings_of_the_row_before_the_duplicate_error() {
        DuplicateTracker tracker = new DuplicateTracker();
        Profile first = new Profile().row(2).setText(Field.CREDIT_CODE, TestFiles.CODE);
        Profile second = new Profile().row(9).setText(Field.CREDIT_CODE, TestFiles.CODE);
        Problem warning = new Problem(9, "industry_code", "3509", "w", "w", true);

        ReadResult a = tracker.check(new ReadResult.Accepted(first, List.of()));
        ReadResult b = tracker.check(new ReadResult.Accepted(second, List.of(warning)));

        assertThat(a).isInstanceOf(ReadResult.Accepted.class);
        assertThat(b).isInstanceOfSatisfying(ReadResult.Rejected.class, x -> {
            assertThat(x.row()).isEqualTo(9);
            assertThat(x.problems()).hasSize(2).first().isEqualTo(warning);
            assertThat(x.problems().get(1).en()).isEqualTo("credit code already appears in row 2");
        });
    }
}

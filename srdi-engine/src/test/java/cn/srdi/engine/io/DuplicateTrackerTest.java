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
    void row_numbers_keep_all_32_bits_and_the_extreme_codes_are_told_apart() {
        DuplicateTracker tracker = new DuplicateTracker();
        String alphabet = cn.srdi.engine.reference.CreditCode.alphabet();
        String highest = String.valueOf(alphabet.charAt(alphabet.length() - 1)).repeat(17);
        String lowest = String.valueOf(alphabet.charAt(0)).repeat(17);
        long[] rows = {0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL, 524_288L, 524_287L, 2L};
        String[] codes = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String first17 = i == 0 ? highest : i == 1 ? lowest : highest.substring(0, 16) + alphabet.charAt(i);
            codes[i] = cn.srdi.engine.reference.CreditCode.withCheckCharacter(first17);
            assertThat(tracker.firstSeen(codes[i], rows[i])).isEqualTo(-1);
        }
        for (int i = 0; i < rows.length; i++) {
            assertThat(tracker.firstSeen(codes[i], 7)).as(codes[i]).isEqualTo(rows[i]);
        }
        assertThat(tracker.size()).isEqualTo(rows.length);
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

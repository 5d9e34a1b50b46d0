package cn.srdi.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreditCodeTest {
    private static final String ALPHABET = CreditCode.alphabet();

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91440300708461136T", "91110108551385082Q",
        "9144030071526726XG"})
    void published_codes_are_valid(String code) {
        assertThat(CreditCode.check(code)).isNull();
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @Test
    void the_check_character_of_a_published_code_is_recomputed() {
        assertThat(CreditCode.withCheckCharacter("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.withCheckCharacter("91110000600037341")).isEqualTo("91110000600037341L");
    }

    @Test
    void a_check_value_of_zero_gives_the_character_0() {
        // find a prefix whose weighted sum is a multiple of 31 and check the mapping 31 -> 0
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String code = CreditCode.withCheckCharacter(randomPrefix(r));
            if (code.charAt(17) == '0') {
                assertThat(CreditCode.isValid(code)).isTrue();
                return;
            }
        }
        throw new AssertionError("no code with check character 0 in 10,000 tries");
    }

    @Test
    void problems_are_named() {
        assertThat(CreditCode.check("91350100M000100Y4")).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.check("91350100M000100Y433")).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.check(null)).isEqualTo(CreditCode.Problem.LENGTH);
        assertThat(CreditCode.check("91350100M000100I43")).isEqualTo(CreditCode.Problem.CHARACTER);
        assertThat(CreditCode.check("91350100m000100Y43")).as("lower case is the caller's job to fold")
                .isEqualTo(CreditCode.Problem.CHARACTER);
        assertThat(CreditCode.check("913501A0M000100Y43")).isEqualTo(CreditCode.Problem.REGION);
        assertThat(CreditCode.check("91350100M000100Y44")).isEqualTo(CreditCode.Problem.CHECK);
    }

    @Test
    void with_check_character_refuses_bad_input() {
        assertThatThrownBy(() -> CreditCode.withCheckCharacter("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCode.withCheckCharacter("9135010OM000100Y4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.longs().map(seed -> randomPrefix(new Random(seed)));
    }

    @Property
    @Label("withCheckCharacter gives a valid code that keeps the 17 characters")
    void with_check_character_round_trip(@ForAll("prefixes") String first17) {
        String code = CreditCode.withCheckCharacter(first17);

        assertThat(code).hasSize(18).startsWith(first17);
        assertThat(CreditCode.check(code)).isNull();
    }

    @Property
    @Label("every single-character corruption of a valid code is detected")
    void every_single_character_corruption_is_detected(@ForAll("prefixes") String first17) {
        String code = CreditCode.withCheckCharacter(first17);
        for (int pos = 0; pos < 18; pos++) {
            for (int k = 0; k < ALPHABET.length(); k++) {
                char c = ALPHABET.charAt(k);
                if (c == code.charAt(pos)) {
                    continue;
                }
                String corrupted = code.substring(0, pos) + c + code.substring(pos + 1);
                assertThat(CreditCode.isValid(corrupted)).as(corrupted).isFalse();
            }
        }
    }

    private static String randomPrefix(Random r) {
        StringBuilder sb = new StringBuilder(17);
        sb.append(ALPHABET.charAt(r.nextInt(31))).append(ALPHABET.charAt(r.nextInt(31)));
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        for (int i = 0; i < 9; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(31)));
        }
        return sb.toString();
    }
}

package cn.srdi.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IndustryCatalogTest {
    private final IndustryCatalog catalog = IndustryCatalog.standard();

    @Test
    void a_code_with_or_without_its_section_letter_resolves_to_the_letter_form() {
        for (String input : new String[] {"C3563", "3563", "c3563", " 3563 "}) {
            IndustryCatalog.Resolution r = catalog.resolve(input);
            assertThat(r.status()).as(input).isEqualTo(IndustryCatalog.Status.KNOWN);
            assertThat(r.normalised()).as(input).isEqualTo("C3563");
            assertThat(r.section()).isEqualTo("C");
            assertThat(r.name()).isEqualTo("电子元器件与机电组件设备制造");
        }
    }

    @Test
    void the_repaired_code_3670_is_known() {
        IndustryCatalog.Resolution r = catalog.resolve("3670");

        assertThat(r.status()).isEqualTo(IndustryCatalog.Status.KNOWN);
        assertThat(r.normalised()).isEqualTo("C3670");
        assertThat(r.name()).isEqualTo("汽车零部件及配件制造");
    }

    @Test
    void all_97_divisions_are_present() {
        assertThat(catalog.divisionCount()).isEqualTo(97);
        assertThat(catalog.sectionOf("01")).isEqualTo("A");
        assertThat(catalog.sectionOf("84")).as("大类 84 was added in the repair").isNotNull();
        assertThat(catalog.sectionOf("97")).isNotNull();
        assertThat(catalog.sectionOf("99")).isNull();
    }

    @Test
    void division_and_group_codes_are_accepted() {
        assertThat(catalog.resolve("13").normalised()).isEqualTo("C13");
        assertThat(catalog.resolve("C135").status()).isEqualTo(IndustryCatalog.Status.KNOWN);
    }

    @Test
    void a_wrong_section_letter_is_invalid() {
        IndustryCatalog.Resolution r = catalog.resolve("X35");

        assertThat(r.accepted()).isFalse();
        assertThat(r.problemZh()).contains("C");
        assertThat(r.problemEn()).contains("section letter should be C, not X");
    }

    @Test
    void a_missing_division_is_invalid() {
        IndustryCatalog.Resolution r = catalog.resolve("9999");

        assertThat(r.status()).isEqualTo(IndustryCatalog.Status.INVALID);
        assertThat(r.problemZh()).contains("大类 99 不存在");
    }

    @Test
    void malformed_codes_are_invalid() {
        for (String input : new String[] {"", "3", "35631", "C35a3", "CC35", "35.6"}) {
            assertThat(catalog.resolve(input).accepted()).as(input).isFalse();
        }
    }

    @Test
    void a_missing_code_under_an_existing_division_is_accepted_with_a_warning() {
        IndustryCatalog.Resolution r = catalog.resolve("3509");

        assertThat(r.accepted()).isTrue();
        assertThat(r.status()).isEqualTo(IndustryCatalog.Status.UNKNOWN_UNDER_KNOWN_DIVISION);
        assertThat(r.normalised()).isEqualTo("C3509");
        assertThat(r.problemEn()).contains("not in the reference table");
    }
}

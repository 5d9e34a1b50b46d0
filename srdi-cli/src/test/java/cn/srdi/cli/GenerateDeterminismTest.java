package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srdi generate}: the same seed gives the same file. */
class GenerateDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void the_same_seed_gives_byte_identical_files() {
        Path a = Cli.generate(dir.resolve("a.csv"), 1000, 42, "2026-03-01", "--invalid-share", "0.05", "--edge-share", "0.05");
        Path b = Cli.generate(dir.resolve("b.csv"), 1000, 42, "2026-03-01", "--invalid-share", "0.05", "--edge-share", "0.05");
        assertThat(Cli.bytes(a)).isEqualTo(Cli.bytes(b));
        assertThat(Cli.read(a).lines().count()).isEqualTo(1001);
    }

    @Test
    void a_different_seed_gives_a_different_file() {
        Path a = Cli.generate(dir.resolve("a.csv"), 1000, 42, "2026-03-01");
        Path b = Cli.generate(dir.resolve("b.csv"), 1000, 43, "2026-03-01");
        assertThat(Cli.bytes(a)).isNotEqualTo(Cli.bytes(b));
        assertThat(Csv.header(a)).isEqualTo(Csv.header(b));
    }

    @Test
    void the_assessment_date_is_written_into_every_row() {
        Path a = Cli.generate(dir.resolve("a.csv"), 200, 1, "2026-06-01");
        assertThat(Csv.records(a)).hasSize(200).allSatisfy(r -> assertThat(r.get("assessment_date")).isEqualTo("2026-06-01"));
    }

    @Test
    void a_generated_file_without_invalid_share_is_entirely_valid() {
        Path a = Cli.generate(dir.resolve("a.csv"), 2000, 8, "2026-06-01", "--edge-share", "0.1");
        Cli.Result r = Cli.run("validate", "--input", a.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void an_invalid_share_outside_0_to_1_is_a_usage_error() {
        Cli.Result r = Cli.run("generate", "--count", "10", "--invalid-share", "1.5", "--output", dir.resolve("x.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}

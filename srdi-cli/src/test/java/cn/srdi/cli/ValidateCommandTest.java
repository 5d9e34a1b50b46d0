package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srdi validate}: checks only. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void a_valid_file_exits_0_and_counts_its_rows_on_standard_error() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01");
        Cli.Result r = Cli.run("validate", "--input", region.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("valid 500 ").contains("rejected 0 ");
    }

    @Test
    void a_file_with_invalid_rows_exits_3_and_counts_them() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01", "--invalid-share", "0.2");
        Path errors = dir.resolve("problems.csv");
        Cli.Result r = Cli.run("validate", "--input", region.toString(), "--errors", errors.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        Set<Long> rejected = ExitCodesTest.rejectedRows(errors);
        assertThat(rejected).isNotEmpty();
        assertThat(r.err()).contains("valid " + (500 - rejected.size()) + " ").contains("rejected " + rejected.size() + " ");
    }

    @Test
    void validate_and_grade_reject_the_same_rows() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 9, "2026-06-01", "--invalid-share", "0.1");
        Path fromValidate = dir.resolve("v.csv");
        Path fromGrade = dir.resolve("g.csv");
        assertThat(Cli.run("validate", "--input", region.toString(), "--errors", fromValidate.toString()).exit()).isEqualTo(3);
        assertThat(Cli.run("grade", "--input", region.toString(), "--errors", fromGrade.toString(),
                "--output", dir.resolve("out.jsonl").toString()).exit()).isEqualTo(3);
        assertThat(ExitCodesTest.rejectedRows(fromValidate)).isEqualTo(ExitCodesTest.rejectedRows(fromGrade));
    }

    @Test
    void a_file_of_only_invalid_rows_exits_2() {
        Path in = Csv.write(dir.resolve("bad.csv"), Csv.companyX("credit_code", "91350100M000100Y44"));
        Cli.Result r = Cli.run("validate", "--input", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("rejected 1 ");
    }

    @Test
    void a_missing_file_exits_2() {
        Cli.Result r = Cli.run("validate", "--input", dir.resolve("missing.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing.csv");
    }

    @Test
    void a_file_with_a_header_and_no_rows_exits_2() throws IOException {
        Path header = dir.resolve("header.csv");
        Files.writeString(header, String.join(",", Csv.companyX().keySet()) + "\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("validate", "--input", header.toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}

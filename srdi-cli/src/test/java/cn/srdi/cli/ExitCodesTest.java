package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes of {@code srdi grade}: 0 all graded, 3 some rejected, 2 nothing graded. */
class ExitCodesTest {
    @TempDir
    Path dir;

    @Test
    void a_file_of_valid_rows_exits_0() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--output", dir.resolve("out.jsonl").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("500").contains("rejected: 0");
    }

    @Test
    void some_rejected_rows_exit_3_and_are_listed_in_the_errors_file() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01", "--invalid-share", "0.2");
        Path errors = dir.resolve("rejected.csv");
        Path out = dir.resolve("out.jsonl");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--output", out.toString(), "--errors", errors.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(Csv.header(errors)).containsExactly("row", "column", "value", "severity", "message_zh", "message_en");
        List<Map<String, String>> problems = Csv.records(errors);
        assertThat(problems).isNotEmpty();
        for (Map<String, String> p : problems) {
            assertThat(Long.parseLong(p.get("row"))).isBetween(2L, 501L);
            assertThat(p.get("column")).isNotBlank();
            assertThat(p.get("value")).isNotNull();
            assertThat(p.get("message_zh")).isNotBlank().containsPattern("\\p{IsHan}");
            assertThat(p.get("message_en")).isNotBlank().containsPattern("[a-z]");
        }
        Set<Long> rejected = rejectedRows(errors);
        // about a fifth of the rows are invalid
        assertThat(rejected.size()).isBetween(50, 150);
        assertThat(r.err()).contains("rejected: " + rejected.size() + " ");
        assertThat(Cli.read(out).lines().count()).isEqualTo(500 - rejected.size());
    }

    @Test
    void rejected_rows_are_never_graded() {
        Path region = Cli.generate(dir.resolve("region.csv"), 500, 3, "2026-03-01", "--invalid-share", "0.2");
        Path errors = dir.resolve("rejected.csv");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--errors", errors.toString());
        assertThat(r.exit()).isEqualTo(3);
        Set<Long> rejected = rejectedRows(errors);
        Set<Long> graded = r.json().stream().map(n -> n.get("row").asLong()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(graded).doesNotContainAnyElementsOf(rejected);
        Set<Long> all = new TreeSet<>(graded);
        all.addAll(rejected);
        assertThat(all).hasSize(500);
        assertThat(all).first().isEqualTo(2L);
        assertThat(all).last().isEqualTo(501L);
    }

    @Test
    void rejected_rows_go_to_standard_error_without_an_errors_file() {
        Path in = Csv.write(dir.resolve("mixed.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1)),
                Csv.companyX("credit_code", Csv.creditCode(2), "main_revenue_y1", "9999"),
                Csv.companyX("credit_code", Csv.creditCode(3)));
        Cli.Result r = Cli.run("grade", "--input", in.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.json()).extracting(n -> n.get("row").asInt()).containsExactly(2, 4);
        assertThat(r.err()).contains("row 3").contains("main_revenue_y1").contains("9999");
    }

    @Test
    void a_credit_code_seen_earlier_in_the_file_rejects_the_later_row() {
        Path in = Csv.write(dir.resolve("dup.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1)),
                Csv.companyX("credit_code", Csv.creditCode(2)),
                Csv.companyX("credit_code", Csv.creditCode(1), "name", "Copy"));
        Path errors = dir.resolve("rejected.csv");
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--errors", errors.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.json()).extracting(n -> n.get("row").asInt()).containsExactly(2, 3);
        assertThat(Csv.records(errors)).singleElement().satisfies(p -> {
            assertThat(p.get("row")).isEqualTo("4");
            assertThat(p.get("column")).isEqualTo("credit_code");
            assertThat(p.get("message_en")).contains("row 2");
        });
    }

    @Test
    void a_bad_check_character_is_rejected() {
        Path in = Csv.write(dir.resolve("bad.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1)),
                Csv.companyX("credit_code", "91350100M000100Y44"));
        Path errors = dir.resolve("rejected.csv");
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--errors", errors.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(Csv.records(errors)).anySatisfy(p -> {
            assertThat(p.get("row")).isEqualTo("3");
            assertThat(p.get("column")).isEqualTo("credit_code");
            assertThat(p.get("value")).isEqualTo("91350100M000100Y44");
        });
    }

    @Test
    void a_missing_input_file_exits_2_and_names_it() {
        Path missing = dir.resolve("nope.csv");
        Cli.Result r = Cli.run("grade", "--input", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.csv");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_empty_file_exits_2() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Cli.Result r = Cli.run("grade", "--input", empty.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("empty.csv");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_file_with_only_a_header_exits_2_because_nothing_is_graded() throws IOException {
        Path header = dir.resolve("header.csv");
        Files.writeString(header, String.join(",", Csv.companyX().keySet()) + "\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", header.toString());
        assertThat(r.out()).isEmpty();
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void a_file_of_only_invalid_rows_exits_2() {
        Path in = Csv.write(dir.resolve("invalid.csv"),
                Csv.companyX("credit_code", Csv.creditCode(1), "revenue_y1", "abc"),
                Csv.companyX("credit_code", Csv.creditCode(2), "total_assets_y1", "0"),
                Csv.companyX("credit_code", "91350100M000100Y44"));
        Path errors = dir.resolve("rejected.csv");
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--errors", errors.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(rejectedRows(errors)).containsExactly(2L, 3L, 4L);
    }

    @Test
    void an_unknown_rules_id_exits_2_and_names_it() {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--rules", "cn-2099");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cn-2099");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_malformed_overlay_exits_2_naming_the_file_and_the_key() throws IOException {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Path overlay = dir.resolve("broken-overlay.rules");
        Files.writeString(overlay, "id = cq-2023\nextends = cn-2022\nSRDI.SCORE.pass_mark = seventy\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--overlay", overlay.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("broken-overlay.rules").contains("SRDI.SCORE.pass_mark");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_overlay_line_without_key_and_value_exits_2_naming_the_file_and_line() throws IOException {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Path overlay = dir.resolve("garbled.rules");
        Files.writeString(overlay, "id = cq-2023\nextends = cn-2022\nthis line has no equals sign\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--overlay", overlay.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("garbled.rules:3");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        Path in = Csv.write(dir.resolve("x.csv"), Csv.companyX());
        Cli.Result r = Cli.run("grade", "--input", in.toString(), "--colour");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--colour");
    }

    @Test
    void an_unknown_column_refuses_the_file_unless_ignored() {
        Map<String, String> x = Csv.companyX();
        x.put("favourite_colour", "blue");
        Path in = Csv.write(dir.resolve("x.csv"), x);
        Cli.Result refused = Cli.run("grade", "--input", in.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("favourite_colour");
        Cli.Result ignored = Cli.run("grade", "--input", in.toString(), "--ignore-unknown");
        assertThat(ignored.exit()).as(ignored.err()).isZero();
        assertThat(ignored.json()).hasSize(1);
    }

    static Set<Long> rejectedRows(Path errors) {
        return Csv.records(errors).stream().filter(p -> "ERROR".equals(p.get("severity"))).map(p -> Long.parseLong(p.get("row")))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

package cn.srdi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parallel pipeline works in batches of {@value Pipeline#BATCH} rows; its output must not depend
 * on where the batches fall.
 */
class BatchBoundaryTest {
    @TempDir
    Path dir;

    @Test
    void a_5000_row_file_is_graded_completely_and_in_order() {
        assertThat(5000).isGreaterThan(2 * Pipeline.BATCH);
        Path region = Cli.generate(dir.resolve("region.csv"), 5000, 17, "2026-03-01", "--invalid-share", "0.03");
        Path errors = dir.resolve("rejected.csv");
        Path out = dir.resolve("grades.jsonl");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--output", out.toString(), "--errors", errors.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        Set<Long> rejected = ExitCodesTest.rejectedRows(errors);
        List<Long> graded = Cli.read(out).lines().map(l -> Cli.parseJson(l).get("row").asLong()).toList();
        for (int i = 1; i < graded.size(); i++) {
            assertThat(graded.get(i)).as("row after %s", graded.get(i - 1)).isGreaterThan(graded.get(i - 1));
        }
        Set<Long> expected = new TreeSet<>();
        for (long row = 2; row <= 5001; row++) {
            if (!rejected.contains(row)) {
                expected.add(row);
            }
        }
        assertThat(graded).containsExactlyElementsOf(expected);
    }

    @Test
    void grading_the_same_file_twice_gives_byte_identical_output() {
        Path region = Cli.generate(dir.resolve("region.csv"), 5000, 17, "2026-06-01", "--invalid-share", "0.03", "--edge-share", "0.05");
        for (String format : List.of("jsonl", "csv")) {
            Path a = dir.resolve("a." + format);
            Path b = dir.resolve("b." + format);
            Path ea = dir.resolve("a.errors.csv");
            Path eb = dir.resolve("b.errors.csv");
            Cli.run("grade", "--input", region.toString(), "--format", format, "--output", a.toString(), "--errors", ea.toString());
            Cli.run("grade", "--input", region.toString(), "--format", format, "--output", b.toString(), "--errors", eb.toString());
            assertThat(Cli.bytes(a)).as(format).isEqualTo(Cli.bytes(b));
            assertThat(Cli.bytes(ea)).isEqualTo(Cli.bytes(eb));
        }
    }

    @Test
    void grading_in_pieces_gives_the_same_grades_as_grading_the_whole_file() throws IOException {
        Path region = Cli.generate(dir.resolve("region.csv"), 5000, 23, "2026-03-01", "--edge-share", "0.05");
        Cli.Result whole = Cli.run("grade", "--input", region.toString());
        assertThat(whole.exit()).as(whole.err()).isZero();
        List<String> lines = Files.readAllLines(region, StandardCharsets.UTF_8);
        String header = lines.get(0);
        List<JsonNode> pieces = new ArrayList<>();
        int[] sizes = {1, 999, 2048, 1, 1951};
        int from = 1;
        for (int size : sizes) {
            Path piece = dir.resolve("piece" + from + ".csv");
            List<String> content = new ArrayList<>();
            content.add(header);
            content.addAll(lines.subList(from, from + size));
            Files.write(piece, content, StandardCharsets.UTF_8);
            from += size;
            Cli.Result r = Cli.run("grade", "--input", piece.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            r.json().forEach(n -> pieces.add(withoutRow(n)));
        }
        assertThat(from).isEqualTo(5001);
        List<JsonNode> wholeGrades = whole.json().stream().map(BatchBoundaryTest::withoutRow).toList();
        assertThat(wholeGrades).hasSize(5000);
        for (int i = 0; i < wholeGrades.size(); i++) {
            assertThat(pieces.get(i)).as("grade of row %d", i + 2).isEqualTo(wholeGrades.get(i));
        }
    }

    @Test
    void a_duplicate_credit_code_in_a_later_batch_is_rejected() throws IOException {
        Path region = Cli.generate(dir.resolve("region.csv"), 5000, 31, "2026-03-01");
        List<String> lines = new ArrayList<>(Files.readAllLines(region, StandardCharsets.UTF_8));
        List<String> header = Csv.parse(lines.get(0)).get(0);
        int code = header.indexOf("credit_code");
        String firstCode = Csv.parse(lines.get(1)).get(0).get(code);
        // spreadsheet row 4500 is line index 4499, in the third batch
        List<String> cells = new ArrayList<>(Csv.parse(lines.get(4499)).get(0));
        cells.set(code, firstCode);
        StringBuilder sb = new StringBuilder();
        cn.srdi.engine.output.GradeCsv.row(sb, cells);
        lines.set(4499, sb.toString().stripTrailing());
        Files.write(region, lines, StandardCharsets.UTF_8);

        Path errors = dir.resolve("rejected.csv");
        Cli.Result r = Cli.run("grade", "--input", region.toString(), "--format", "csv", "--output", dir.resolve("g.csv").toString(),
                "--errors", errors.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(Csv.records(errors)).singleElement().satisfies(p -> {
            assertThat(p.get("row")).isEqualTo("4500");
            assertThat(p.get("column")).isEqualTo("credit_code");
            assertThat(p.get("message_en")).contains("row 2");
        });
        assertThat(Csv.records(dir.resolve("g.csv"))).hasSize(4999).noneMatch(m -> m.get("row").equals("4500"));
    }

    private static JsonNode withoutRow(JsonNode n) {
        ObjectNode copy = (ObjectNode) n.deepCopy();
        copy.remove("row");
        return copy;
    }
}

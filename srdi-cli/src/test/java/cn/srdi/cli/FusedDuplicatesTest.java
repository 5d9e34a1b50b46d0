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

/**
 * {@code grade} converts, grades and formats a batch in one task and cuts duplicates out afterwards:
 * a file with many duplicate credit codes (within a batch, across batches, at batch edges) must give
 * exactly the output of the same file without the duplicate lines, and the same errors as
 * {@code validate}.
 */
class FusedDuplicatesTest {
    @TempDir
    Path dir;

    @Test
    void duplicates_are_cut_out_of_every_format_and_the_counts() throws IOException {
        Path region = Cli.generate(dir.resolve("region.csv"), 3 * Pipeline.BATCH + 100, 41, "2026-06-01",
                "--invalid-share", "0.02", "--edge-share", "0.1");
        List<String> lines = new ArrayList<>(Files.readAllLines(region, StandardCharsets.UTF_8));
        List<String> header = Csv.parse(lines.get(0)).get(0);
        int code = header.indexOf("credit_code");
        Set<Integer> dupLines = new TreeSet<>();
        int[] targets = {1, 2, Pipeline.BATCH, Pipeline.BATCH + 1, 2 * Pipeline.BATCH, 2 * Pipeline.BATCH + 1, lines.size() - 1};
        for (int i = 3; i < lines.size(); i++) {
            boolean pick = i % 7 == 0 || i % 11 == 0;
            for (int t : targets) {
                pick |= t == i;
            }
            if (!pick) {
                continue;
            }
            int source = i % 2 == 0 ? i - 1 : Math.max(1, i - Pipeline.BATCH - 5);
            if (dupLines.contains(source)) {
                continue;
            }
            List<String> cells = new ArrayList<>(Csv.parse(lines.get(i)).get(0));
            String other = Csv.parse(lines.get(source)).get(0).get(code);
            if (other.length() != 18) {
                continue;
            }
            cells.set(code, other);
            StringBuilder sb = new StringBuilder();
            cn.srdi.engine.output.GradeCsv.row(sb, cells);
            lines.set(i, sb.toString().stripTrailing());
            dupLines.add(i);
        }
        Path dups = dir.resolve("dups.csv");
        Files.write(dups, lines, StandardCharsets.UTF_8);

        Path errors = dir.resolve("errors.csv");
        Path validateErrors = dir.resolve("validate-errors.csv");
        Cli.Result v = Cli.run("validate", "--input", dups.toString(), "--errors", validateErrors.toString());
        assertThat(v.exit()).as(v.err()).isEqualTo(3);
        long duplicateErrors = Csv.records(validateErrors).stream().filter(m -> m.get("message_en").contains("already appears")).count();
        assertThat(duplicateErrors).isGreaterThan(400);

        // the lines that validate rejects as duplicates, removed
        Set<Long> dupRows = new TreeSet<>();
        Csv.records(validateErrors).stream().filter(m -> m.get("message_en").contains("already appears"))
                .forEach(m -> dupRows.add(Long.parseLong(m.get("row"))));
        List<String> cleanLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!dupRows.contains((long) i + 1)) {
                cleanLines.add(lines.get(i));
            }
        }
        Path clean = dir.resolve("clean.csv");
        Files.write(clean, cleanLines, StandardCharsets.UTF_8);

        for (String format : List.of("csv", "jsonl", "xlsx")) {
            Path a = dir.resolve("a." + format);
            Path b = dir.resolve("b." + format);
            Cli.Result ra = Cli.run("grade", "--input", dups.toString(), "--format", format, "--output", a.toString(), "--errors", errors.toString());
            Cli.Result rb = Cli.run("grade", "--input", clean.toString(), "--format", format, "--output", b.toString(),
                    "--errors", dir.resolve("clean-errors.csv").toString());
            assertThat(ra.exit()).as(ra.err()).isEqualTo(3);
            assertThat(Cli.bytes(errors)).as("grade and validate report the same problems").isEqualTo(Cli.bytes(validateErrors));
            assertThat(counts(ra.err())).as(format).isEqualTo(counts(rb.err()));
            if (format.equals("xlsx")) {
                continue;
            }
            List<String> gotRows = new ArrayList<>();
            List<String> got = withoutRow(Cli.read(a), format, gotRows);
            List<String> want = withoutRow(Cli.read(b), format, null);
            assertThat(got).as(format).containsExactlyElementsOf(want);
            for (String row : gotRows) {
                assertThat(dupRows).doesNotContain(Long.parseLong(row));
            }
        }
    }

    /** The summary lines of a run without the timing. */
    private static List<String> counts(String err) {
        return err.lines().filter(l -> !l.contains("秒")).toList();
    }

    private static List<String> withoutRow(String text, String format, List<String> rows) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (format.equals("csv")) {
                int comma = line.indexOf(',');
                if (rows != null) {
                    rows.add(line.substring(0, comma));
                }
                out.add(line.substring(comma));
            } else {
                int colon = line.indexOf(',');
                if (rows != null) {
                    rows.add(line.substring("{\"row\":".length(), colon));
                }
                out.add(line.substring(colon));
            }
        }
        if (format.equals("csv") && rows != null) {
            rows.remove(0);
        }
        return out;
    }
}

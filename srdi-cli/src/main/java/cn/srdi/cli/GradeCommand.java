package cn.srdi.cli;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.output.GradeCsv;
import cn.srdi.engine.output.GradeJson;
import cn.srdi.engine.output.GradeXlsx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code srdi grade}: grades every row of a file on every rung. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"评级：按规则对文件中每一行企业进行全梯度评价", "Grade every row of a profile file on every rung."},
        footer = {"", "Exit codes: 0 all rows graded; 3 some rows rejected, the rest graded; 2 nothing graded (usage error, unreadable file, no valid row)."})
final class GradeCommand implements Callable<Integer> {
    enum Format { jsonl, csv, xlsx }

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = {"-f", "--format"}, defaultValue = "jsonl", description = "jsonl (GRADING.md section 9), csv or xlsx (one summary row per firm)")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (default: standard output; required for xlsx)")
    Path output;

    @Option(names = "--errors", paramLabel = "FILE", description = "write rejected rows here as CSV (default: standard error)")
    Path errors;

    /** What a worker makes of one batch. */
    private record Chunk(byte[] text, List<Grade> grades, RunSummary.Counts counts, List<ReadResult.Rejected> warnings) {
    }

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (format == Format.xlsx && output == null) {
            err.println("用法错误：xlsx 格式需要 --output FILE / usage: --format xlsx needs --output FILE");
            return SrdiCommand.EXIT_NOTHING;
        }
        Grader grader = rules.grader(rules.catalog());
        InputOptions.Opened in = input.open();
        RunSummary summary = new RunSummary();
        Progress progress = new Progress(err, in.bytes(), in.xlsx());
        try (var src = in.source(); OutputStream out = Output.stream(output); ErrorReport rejected = new ErrorReport(errors, err)) {
            GradeXlsx xlsx = format == Format.xlsx ? new GradeXlsx(out, "评级结果 grades") : null;
            if (format == Format.csv) {
                StringBuilder sb = new StringBuilder();
                GradeCsv.header(sb);
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            Pipeline.run(in.source(), in.converter(), batch -> work(grader, batch), b -> {
                rejected.add(b.rejected());
                rejected.add(b.result().warnings());
                summary.rejectedRows += b.rejected().size();
                summary.merge(b.result().counts());
                try {
                    if (b.result().text() != null) {
                        out.write(b.result().text());
                    } else {
                        for (Grade g : b.result().grades()) {
                            xlsx.write(g);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.advance(b.rows(), b.bytes());
            });
            if (xlsx != null) {
                xlsx.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.finish();
        }
        summary.print(err, "评级完成", "graded");
        return SrdiCommand.exitCode(summary.gradedRows, summary.rejectedRows);
    }

    private Chunk work(Grader grader, List<ReadResult.Accepted> batch) {
        RunSummary.Counts counts = new RunSummary.Counts();
        List<ReadResult.Rejected> warnings = new ArrayList<>();
        for (ReadResult.Accepted a : batch) {
            if (!a.warnings().isEmpty()) {
                warnings.add(new ReadResult.Rejected(a.row(), a.warnings()));
            }
        }
        switch (format) {
            case csv -> {
                StringBuilder sb = new StringBuilder(batch.size() * 160);
                for (ReadResult.Accepted a : batch) {
                    Grade g = grader.grade(a.profile());
                    counts.add(g);
                    GradeCsv.write(sb, g);
                }
                return new Chunk(sb.toString().getBytes(StandardCharsets.UTF_8), null, counts, warnings);
            }
            case jsonl -> {
                StringWriter w = new StringWriter(batch.size() * 4096);
                GradeJson json = new GradeJson(w);
                for (ReadResult.Accepted a : batch) {
                    Grade g = grader.grade(a.profile());
                    counts.add(g);
                    json.write(g);
                }
                json.close();
                return new Chunk(w.toString().getBytes(StandardCharsets.UTF_8), null, counts, warnings);
            }
            default -> {
                List<Grade> grades = new ArrayList<>(batch.size());
                for (ReadResult.Accepted a : batch) {
                    Grade g = grader.grade(a.profile());
                    counts.add(g);
                    grades.add(g);
                }
                return new Chunk(null, grades, counts, warnings);
            }
        }
    }
}

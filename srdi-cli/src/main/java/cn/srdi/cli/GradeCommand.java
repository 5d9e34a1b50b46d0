package cn.srdi.cli;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.output.ByteSink;
import cn.srdi.engine.output.GradeCsv;
import cn.srdi.engine.output.GradeJson;
import cn.srdi.engine.output.GradeXlsx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    /**
     * What a worker makes of one batch, per row of the list it was given: the output bytes (for csv
     * and jsonl: row {@code i} is {@code [ends[i-1], ends[i])} of {@code text}) or the grades (xlsx),
     * what each row adds to the counts, and the rows with warnings (by index).
     */
    private record Chunk(ByteSink text, int[] ends, List<Grade> grades, RunSummary.Counts counts, byte[] rowCounts,
                         List<ReadResult.Rejected> warnings, int[] warned) {
    }

    /** Output buffers handed back by the writing thread once written, for the workers to reuse. */
    private final Queue<ByteSink> buffers = new ConcurrentLinkedQueue<>();

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
                ByteSink header = new ByteSink(512);
                GradeCsv.header(header);
                header.writeTo(out);
            }
            Pipeline.runFused(in.source(), in.converter(), batch -> work(grader, batch), b -> {
                Chunk c = b.result();
                int[] dropped = b.dropped();
                rejected.add(b.rejected());
                rejected.add(dropped.length == 0 ? c.warnings() : kept(c.warnings(), c.warned(), dropped));
                summary.rejectedRows += b.rejected().size();
                for (int i : dropped) {
                    c.counts().remove(c.rowCounts(), i);
                }
                summary.merge(c.counts());
                try {
                    if (c.text() != null) {
                        byte[] bytes = c.text().array();
                        int from = 0;
                        for (int i : dropped) {
                            int cut = i == 0 ? 0 : c.ends()[i - 1];
                            out.write(bytes, from, cut - from);
                            from = c.ends()[i];
                        }
                        out.write(bytes, from, c.text().size() - from);
                        c.text().reset();
                        buffers.offer(c.text());
                    } else {
                        int d = 0;
                        List<Grade> grades = c.grades();
                        for (int i = 0; i < grades.size(); i++) {
                            if (d < dropped.length && dropped[d] == i) {
                                d++;
                                continue;
                            }
                            xlsx.write(grades.get(i));
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

    /** The warnings of the rows not dropped. */
    private static List<ReadResult.Rejected> kept(List<ReadResult.Rejected> warnings, int[] warned, int[] dropped) {
        List<ReadResult.Rejected> out = new ArrayList<>(warnings.size());
        for (int w = 0; w < warnings.size(); w++) {
            if (Arrays.binarySearch(dropped, warned[w]) < 0) {
                out.add(warnings.get(w));
            }
        }
        return out;
    }

    private Chunk work(Grader grader, List<ReadResult.Accepted> batch) {
        int n = batch.size();
        RunSummary.Counts counts = new RunSummary.Counts();
        byte[] rowCounts = new byte[n * RunSummary.Counts.PER_ROW];
        List<ReadResult.Rejected> warnings = new ArrayList<>();
        int[] warned = new int[4];
        for (int i = 0; i < n; i++) {
            ReadResult.Accepted a = batch.get(i);
            if (!a.warnings().isEmpty()) {
                if (warnings.size() == warned.length) {
                    warned = Arrays.copyOf(warned, warned.length * 2);
                }
                warned[warnings.size()] = i;
                warnings.add(new ReadResult.Rejected(a.row(), a.warnings()));
            }
        }
        if (format == Format.xlsx) {
            List<Grade> grades = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Grade g = grader.grade(batch.get(i).profile());
                counts.add(g, rowCounts, i);
                grades.add(g);
            }
            return new Chunk(null, null, grades, counts, rowCounts, warnings, warned);
        }
        ByteSink sink = buffers.poll();
        if (sink == null) {
            sink = new ByteSink(n * (format == Format.csv ? 192 : 4096));
        }
        int[] ends = new int[n];
        if (format == Format.csv) {
            for (int i = 0; i < n; i++) {
                Grade g = grader.grade(batch.get(i).profile());
                counts.add(g, rowCounts, i);
                GradeCsv.write(sink, g);
                ends[i] = sink.size();
            }
        } else {
            Writer w = sink.asWriter();
            GradeJson json = new GradeJson(w);
            for (int i = 0; i < n; i++) {
                Grade g = grader.grade(batch.get(i).profile());
                counts.add(g, rowCounts, i);
                json.write(g);
                ends[i] = sink.size();
            }
            json.close();
        }
        return new Chunk(sink, ends, null, counts, rowCounts, warnings, warned);
    }
}

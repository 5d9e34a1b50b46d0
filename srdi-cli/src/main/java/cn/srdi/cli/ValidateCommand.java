package cn.srdi.cli;

import cn.srdi.engine.io.ReadResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code srdi validate}: checks a file without grading it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"校验：只检查文件格式与数据，不评级", "Check a profile file only: formats, ranges, consistency, duplicates."},
        footer = {"", "Exit codes: 0 every row valid; 3 some rows rejected; 2 no valid row or unreadable file."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--errors", paramLabel = "FILE", description = "write problems here as CSV (default: standard error)")
    Path errors;

    /** A checked batch: its valid rows and the rows that carry warnings. */
    private record Checked(int valid, List<ReadResult.Rejected> warned) {
    }

    @Override
    public Integer call() {
        PrintStream err = System.err;
        InputOptions.Opened in = input.open();
        RunSummary summary = new RunSummary();
        Progress progress = new Progress(err, in.bytes(), in.xlsx());
        long[] warned = new long[1];
        try (var src = in.source(); ErrorReport report = new ErrorReport(errors, err)) {
            Pipeline.run(in.source(), in.converter(), batch -> {
                List<ReadResult.Rejected> warnings = new ArrayList<>();
                for (ReadResult.Accepted a : batch) {
                    if (!a.warnings().isEmpty()) {
                        warnings.add(new ReadResult.Rejected(a.row(), a.warnings()));
                    }
                }
                return new Checked(batch.size(), warnings);
            }, b -> {
                report.add(b.rejected());
                summary.rejectedRows += b.rejected().size();
                summary.gradedRows += b.result().valid();
                warned[0] += b.result().warned().size();
                report.add(b.result().warned());
                progress.advance(b.rows(), b.bytes());
            });
        } finally {
            progress.finish();
        }
        err.printf("校验完成 checked: 有效 valid %,d 行 rows, 拒绝 rejected %,d 行 rows, 警告 warned %,d 行 rows, %.2f 秒 s%n",
                summary.gradedRows, summary.rejectedRows, warned[0], summary.seconds());
        return SrdiCommand.exitCode(summary.gradedRows, summary.rejectedRows);
    }
}

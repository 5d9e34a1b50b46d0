package cn.srdi.cli;

import cn.srdi.engine.io.Problem;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.output.GradeCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where rejected rows go: a CSV file ({@code --errors}) with one line per problem, or standard error
 * (the first {@value #STDERR_LIMIT} problems, then a count).
 */
final class ErrorReport implements AutoCloseable {
    static final int STDERR_LIMIT = 200;
    private final BufferedWriter file;
    private final PrintStream err;
    private long problems;
    private final StringBuilder sb = new StringBuilder();

    ErrorReport(Path errors, PrintStream err) {
        this.err = err;
        try {
            this.file = errors == null ? null : Files.newBufferedWriter(errors, StandardCharsets.UTF_8);
            if (file != null) {
                file.write("row,column,value,severity,message_zh,message_en\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + errors, e);
        }
    }

    void add(List<ReadResult.Rejected> rejected) {
        for (ReadResult.Rejected r : rejected) {
            for (Problem p : r.problems()) {
                problems++;
                if (file != null) {
                    sb.setLength(0);
                    GradeCsv.row(sb, new String[] {Long.toString(p.row()), nz(p.column()), nz(p.value()),
                        p.warning() ? "WARNING" : "ERROR", p.zh(), p.en()});
                    try {
                        file.write(sb.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (problems <= STDERR_LIMIT) {
                    err.println((p.warning() ? "警告 warning: " : "拒绝 rejected: ") + p.describe());
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (problems > STDERR_LIMIT) {
            err.println("…… 另有 " + (problems - STDERR_LIMIT) + " 个问题未显示，请用 --errors FILE 输出全部 / "
                    + (problems - STDERR_LIMIT) + " more problems not shown; use --errors FILE to get them all");
        }
    }
}

package cn.srdi.cli;

import cn.srdi.engine.io.InputFileException;
import cn.srdi.engine.rules.RuleFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code srdi}: the command line of the SRDI platform over the grading engine. */
@Command(name = "srdi", mixinStandardHelpOptions = true, version = "srdi 0.1.0",
        description = {"专精特新中小企业梯度培育 —— 评级引擎命令行", "SRDI SME tiered cultivation: the grading engine on the command line."},
        subcommands = {GradeCommand.class, ExplainCommand.class, SimulateCommand.class, GenerateCommand.class,
            ValidateCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class SrdiCommand {
    /** Every row graded (or checked). */
    public static final int EXIT_OK = 0;
    /** Internal error. */
    public static final int EXIT_INTERNAL = 1;
    /** Nothing graded: usage error, unreadable file, or every row rejected. */
    public static final int EXIT_NOTHING = 2;
    /** Some rows rejected, the rest graded. */
    public static final int EXIT_SOME_REJECTED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests and the launcher). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SrdiCommand());
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? EXIT_NOTHING : EXIT_INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("用法错误 usage error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_NOTHING;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputFileException || ex instanceof RuleFileException) {
                err.println("错误 error: " + ex.getMessage());
                return EXIT_NOTHING;
            }
            if (ex instanceof java.io.UncheckedIOException io) {
                err.println("无法读写文件 I/O error: " + io.getMessage() + (io.getCause() != null ? " (" + io.getCause().getMessage() + ")" : ""));
                return EXIT_NOTHING;
            }
            err.println("内部错误 internal error: " + ex);
            ex.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        return cl.execute(args);
    }

    /** 0 when every row was accepted, 3 when some were rejected, 2 when none was accepted (or the file had no rows). */
    static int exitCode(long accepted, long rejected) {
        if (accepted == 0) {
            if (rejected == 0) {
                System.err.println("文件没有数据行 / the file has no data rows");
            }
            return EXIT_NOTHING;
        }
        return rejected == 0 ? EXIT_OK : EXIT_SOME_REJECTED;
    }
}

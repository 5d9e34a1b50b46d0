package cn.srdi.cli;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.io.Problem;
import cn.srdi.engine.io.ProfileReader;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.output.ExplainReport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code srdi explain}: a readable report for one firm. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"解读：输出一家企业在每个梯度的逐项评价、差距与改进建议", "A readable report for one firm: every rung, every condition, the gaps."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = "--credit-code", required = true, paramLabel = "CODE", description = "统一社会信用代码 of the firm")
    String creditCode;

    @Option(names = "--lang", defaultValue = "zh", description = "zh (default) or en")
    String lang;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        boolean zh = !lang.toLowerCase(Locale.ROOT).startsWith("en");
        String wanted = creditCode.strip().toUpperCase(Locale.ROOT);
        Grader grader = rules.grader(rules.catalog());
        try (ProfileReader reader = ProfileReader.open(input.input, input.readOptions())) {
            ReadResult r;
            while ((r = reader.next()) != null) {
                if (r instanceof ReadResult.Accepted a && wanted.equals(a.profile().creditCode())) {
                    Grade g = grader.grade(a.profile());
                    out.print(ExplainReport.render(g, zh));
                    for (Problem w : a.warnings()) {
                        out.println((zh ? "警告：" : "warning: ") + w.describe());
                    }
                    return SrdiCommand.EXIT_OK;
                }
                if (r instanceof ReadResult.Rejected rej && rej.problems().stream().anyMatch(p -> wanted.equalsIgnoreCase(rowCode(p)))) {
                    err.println("该企业所在行被拒绝，未评级 / the firm's row was rejected and not graded:");
                    rej.problems().forEach(p -> err.println("  " + p.describe()));
                    return SrdiCommand.EXIT_NOTHING;
                }
            }
        }
        err.println("文件中没有统一社会信用代码为 " + wanted + " 的有效行 / no valid row with credit code " + wanted + " in " + input.input);
        return SrdiCommand.EXIT_NOTHING;
    }

    private static String rowCode(Problem p) {
        return "credit_code".equals(p.column()) ? p.value() : null;
    }
}

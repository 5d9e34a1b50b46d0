package cn.srdi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srdi demo}: generates the demo 两江新区 region and grades it, printing the pyramid — the
 * README's first command until the web platform arrives.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"演示：生成两江新区模拟企业并评级，打印梯度金字塔", "Generate the demo Liangjiang region, grade it and print the pyramid."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "3000", description = "firms in the region (default ${DEFAULT-VALUE})")
    long count;

    @Option(names = "--seed", defaultValue = "20220429", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dir", defaultValue = "out/demo", description = "where to write the files (default ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--assessment-date", defaultValue = "2026-03-01", description = "assessment date (default ${DEFAULT-VALUE}: cn-2022; try 2026-06-01 for cn-2026)")
    String date;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        Path region = dir.resolve("liangjiang.csv");
        int rc = SrdiCommand.run("generate", "--count", Long.toString(count), "--seed", Long.toString(seed),
                "--assessment-date", date, "--invalid-share", "0.01", "--edge-share", "0.02", "--output", region.toString());
        if (rc != 0) {
            return rc;
        }
        rc = SrdiCommand.run("grade", "--input", region.toString(), "--format", "csv",
                "--output", dir.resolve("grades.csv").toString(), "--errors", dir.resolve("rejected.csv").toString());
        System.err.println("文件 files: " + region + " (输入 input), " + dir.resolve("grades.csv") + " (评级 grades), "
                + dir.resolve("rejected.csv") + " (被拒绝的行 rejected rows)");
        System.err.println("下一步 next: ./srdi explain --input " + region + " --credit-code <统一社会信用代码>   |   ./srdi grade --help");
        return rc == SrdiCommand.EXIT_SOME_REJECTED ? SrdiCommand.EXIT_OK : rc;
    }
}

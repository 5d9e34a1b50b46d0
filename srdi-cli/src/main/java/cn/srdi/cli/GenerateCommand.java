package cn.srdi.cli;

import cn.srdi.engine.io.ProfileWriter;
import cn.srdi.engine.synth.RegionGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code srdi generate}: a deterministic synthetic region in the input format. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"生成：按种子生成确定性的两江新区模拟企业数据(输入格式)", "Generate a deterministic synthetic Liangjiang region in the input format."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = {"-n", "--count"}, required = true, description = "number of rows")
    long count;

    @Option(names = "--seed", defaultValue = "20220429", description = "random seed (same seed, same file); default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--assessment-date", paramLabel = "YYYY-MM-DD", description = "assessment date of every row (default: today)")
    LocalDate assessmentDate;

    @Option(names = "--invalid-share", defaultValue = "0", description = "share of deliberately invalid rows, 0..1 (default 0)")
    double invalidShare;

    @Option(names = "--edge-share", defaultValue = "0", description = "share of rows placed exactly on thresholds, 0..1 (default 0)")
    double edgeShare;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "output file (.csv or .xlsx)")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (count < 0 || invalidShare < 0 || invalidShare > 1 || edgeShare < 0 || edgeShare > 1) {
            System.err.println("用法错误：--count ≥ 0，--invalid-share 与 --edge-share 在 0 到 1 之间 / usage: --count ≥ 0, shares between 0 and 1");
            return SrdiCommand.EXIT_NOTHING;
        }
        LocalDate date = assessmentDate != null ? assessmentDate : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        RegionGenerator gen = new RegionGenerator(seed, date, invalidShare, edgeShare);
        long start = System.nanoTime();
        try (ProfileWriter w = ProfileWriter.open(output)) {
            for (long i = 0; i < count; i++) {
                w.writeRow(gen.nextRow());
            }
        }
        System.err.printf("已生成 generated %,d 行 rows → %s (%.2f 秒 s)%n", count, output, (System.nanoTime() - start) / 1e9);
        return SrdiCommand.EXIT_OK;
    }
}

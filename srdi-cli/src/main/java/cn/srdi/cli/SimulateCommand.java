package cn.srdi.cli;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.grading.Status;
import cn.srdi.engine.grading.TierResult;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.model.Tier;
import cn.srdi.engine.output.GradeCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code srdi simulate}: the policy sandbox. Grades the file under the base rules and under changed
 * thresholds, and reports per tier how many firms gain or lose it, and which (CSV).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"政策沙盘：修改门槛后重新评级，比较各梯度增减的企业", "Policy sandbox: re-grade under changed thresholds and compare, per tier, who gains or loses it."},
        footer = {"", "Example: srdi simulate -i region.csv --set SRDI.RD.min_ratio=2.5 --set SRDI.SCORE.pass_mark=70 -o changed.csv",
            "Keys are those of the rule files (srdi-engine/src/main/resources/cn/srdi/engine/rules/*.rules); prefix with a rule-set id (cn-2022:KEY) to change one set only."})
final class SimulateCommand implements Callable<Integer> {
    private static final Tier[] TIERS = Tier.values();

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = "--set", required = true, paramLabel = "KEY=VALUE", description = "a changed threshold (repeatable)")
    Map<String, String> settings;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "CSV of the firms whose result changes (default: standard output)")
    Path output;

    @Option(names = "--errors", paramLabel = "FILE", description = "write rejected rows here as CSV (default: standard error)")
    Path errors;

    private record Delta(byte[] csv, long[] basePass, long[] newPass, long[] gained, long[] lost, long[] eligibleChanged, int rows) {
    }

    @Override
    public Integer call() {
        PrintStream err = System.err;
        RuleCatalog base = rules.catalog();
        RuleCatalog changed = base.withSettings(settings);
        Grader before = rules.grader(base);
        Grader after = rules.grader(changed);
        InputOptions.Opened in = input.open();
        long[] basePass = new long[TIERS.length];
        long[] newPass = new long[TIERS.length];
        long[] gained = new long[TIERS.length];
        long[] lost = new long[TIERS.length];
        long[] eligibleChanged = new long[1];
        long[] counts = new long[2];
        long start = System.nanoTime();
        try (var src = in.source(); OutputStream out = Output.stream(output); ErrorReport report = new ErrorReport(errors, err)) {
            StringBuilder header = new StringBuilder();
            GradeCsv.row(header, new String[] {"row", "credit_code", "name", "tier", "change", "base_status", "new_status",
                "base_score", "new_score", "base_eligible_tier", "new_eligible_tier"});
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            Pipeline.run(in.source(), in.converter(), batch -> compare(before, after, batch), b -> {
                report.add(b.rejected());
                counts[1] += b.rejected().size();
                Delta d = b.result();
                counts[0] += d.rows();
                for (int t = 0; t < TIERS.length; t++) {
                    basePass[t] += d.basePass()[t];
                    newPass[t] += d.newPass()[t];
                    gained[t] += d.gained()[t];
                    lost[t] += d.lost()[t];
                }
                eligibleChanged[0] += d.eligibleChanged()[0];
                try {
                    out.write(d.csv());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.printf(Locale.ROOT, "政策沙盘 sandbox: %,d 行 rows graded twice in %.2f s; 拒绝 rejected %,d; settings %s%n",
                counts[0], (System.nanoTime() - start) / 1e9, counts[1], settings);
        err.printf(Locale.ROOT, "  %-16s %10s %10s %10s %10s%n", "tier 梯度", "base 原", "new 新", "gain 增", "lose 减");
        for (Tier t : TIERS) {
            int i = t.ordinal();
            if (basePass[i] + newPass[i] + gained[i] + lost[i] > 0 || t == Tier.SRDI) {
                err.printf(Locale.ROOT, "  %-16s %,10d %,10d %+,10d %,10d%n", t.name(), basePass[i], newPass[i], gained[i], -lost[i]);
            }
        }
        err.printf(Locale.ROOT, "  可认定最高梯度发生变化的企业 firms whose eligible tier changes: %,d%n", eligibleChanged[0]);
        return SrdiCommand.exitCode(counts[0], counts[1]);
    }

    private static Delta compare(Grader before, Grader after, List<ReadResult.Accepted> batch) {
        long[] basePass = new long[TIERS.length];
        long[] newPass = new long[TIERS.length];
        long[] gained = new long[TIERS.length];
        long[] lost = new long[TIERS.length];
        long[] eligibleChanged = new long[1];
        StringBuilder sb = new StringBuilder();
        for (ReadResult.Accepted a : batch) {
            Grade g0 = before.grade(a.profile());
            Grade g1 = after.grade(a.profile());
            if (g0.eligibleTier() != g1.eligibleTier()) {
                eligibleChanged[0]++;
            }
            for (Tier t : TIERS) {
                TierResult r0 = g0.tier(t);
                TierResult r1 = g1.tier(t);
                boolean p0 = r0 != null && r0.status() == Status.PASS;
                boolean p1 = r1 != null && r1.status() == Status.PASS;
                basePass[t.ordinal()] += p0 ? 1 : 0;
                newPass[t.ordinal()] += p1 ? 1 : 0;
                if (p0 != p1) {
                    if (p1) {
                        gained[t.ordinal()]++;
                    } else {
                        lost[t.ordinal()]++;
                    }
                    GradeCsv.row(sb, new String[] {Long.toString(g0.row()), g0.creditCode(), g0.profile().name(), t.name(),
                        p1 ? "GAINED" : "LOST", status(r0), status(r1), score(r0), score(r1), g0.eligibleTierName(), g1.eligibleTierName()});
                }
            }
        }
        return new Delta(sb.toString().getBytes(StandardCharsets.UTF_8), basePass, newPass, gained, lost, eligibleChanged, batch.size());
    }

    private static String status(TierResult r) {
        return r == null ? "" : r.status().name();
    }

    private static String score(TierResult r) {
        return r == null || r.score() == null ? "" : r.score().toString();
    }
}

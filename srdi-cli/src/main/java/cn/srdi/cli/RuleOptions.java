package cn.srdi.cli;

import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options that choose the rules: rule set, provincial overlay, default assessment date. */
final class RuleOptions {
    @Option(names = "--rules", defaultValue = "auto", paramLabel = "ID[,ID]",
            description = "auto (default: by assessment date), or rule-set ids: cn-2022, cn-2026, champion-2023, or an overlay id")
    String rules;

    @Option(names = "--overlay", paramLabel = "FILE", description = "provincial overlay rule file (id, extends, changed keys)")
    Path[] overlays;

    @Option(names = "--default-date", paramLabel = "YYYY-MM-DD",
            description = "assessment date of rows that leave it blank (default: today)")
    LocalDate defaultDate;

    RuleCatalog catalog() {
        RuleCatalog c = RuleCatalog.builtIn();
        if (overlays != null) {
            for (Path o : overlays) {
                c = c.withOverlay(o);
            }
        }
        return c;
    }

    Grader grader(RuleCatalog catalog) {
        return new Grader(catalog, rules, defaultDate != null ? defaultDate : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }
}

package cn.srdi.app.grading;

import cn.srdi.app.SrdiApplication;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.FirmRecord;
import cn.srdi.app.registry.ProfileAssembler;
import cn.srdi.app.registry.ProfileJson;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Profile;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

public final class PhaseProbe {
    public static void main(String[] args) throws Exception {
        var dir = Files.createTempDirectory("srdi-probe");
        try (ConfigurableApplicationContext ctx = new SpringApplication(SrdiApplication.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("srdi") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--srdi.demo.firms=10000", "--server.port=0", "--logging.level.root=WARN")) {
            RegistryStore reg = ctx.getBean(RegistryStore.class);
            GradingRules rules = ctx.getBean(GradingRules.class);
            LocalDate d = LocalDate.of(2026, 6, 1);
            var c = rules.compile(RuleChoice.auto(), d);
            for (int round = 0; round < 4; round++) {
                long t = System.nanoTime();
                List<FirmRecord> recs = new ArrayList<>();
                reg.forEachFirm(Scope.system(), recs::add);
                long t1 = System.nanoTime();
                List<Profile> ps = new ArrayList<>();
                for (FirmRecord r : recs) {
                    ProfileAssembler.assemble(r.enterprise(), r.years(), r.titles(), d, ApplicationType.NEW).ifPresent(ps::add);
                }
                long t2 = System.nanoTime();
                List<String> snaps = new ArrayList<>();
                for (Profile p : ps) {
                    snaps.add(ProfileJson.encodeAll(p));
                }
                long t3 = System.nanoTime();
                List<Grade> gs = new ArrayList<>();
                for (Profile p : ps) {
                    gs.add(c.grader().grade(p));
                }
                long t4 = System.nanoTime();
                int n = 0;
                for (Grade g : gs) {
                    n += GradeSummary.of(g).failing().length();
                }
                long t5 = System.nanoTime();
                System.out.printf("n=%d read %.2f assemble %.2f encode %.2f grade %.2f summary %.2f (avg snapshot %d chars)%n", recs.size(),
                        (t1 - t) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9,
                        snaps.stream().mapToInt(String::length).sum() / Math.max(1, snaps.size()));
            }
            GradingService grading = ctx.getBean(GradingService.class);
            for (int i = 0; i < 2; i++) {
                long t = System.nanoTime();
                grading.gradeRegionNow(d, RuleChoice.auto(), "probe");
                System.out.printf("region run %.2f s%n", (System.nanoTime() - t) / 1e9);
            }
        }
    }
}

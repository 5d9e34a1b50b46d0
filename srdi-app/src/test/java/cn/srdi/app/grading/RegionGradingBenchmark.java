package cn.srdi.app.grading;

import cn.srdi.app.SrdiApplication;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.RegistryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times a region run over a large generated region on H2 (not a test: run it by hand).
 *
 * <pre>
 * cd srdi-app &amp;&amp; mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) cn.srdi.app.grading.RegionGradingBenchmark 100000
 * </pre>
 *
 * Starts the application on a fresh H2 file database under a temporary directory with a demo
 * region of N firms (the demo loader generates them and the grading module grades them once on
 * start), then grades the whole region again as an official region run and prints the figures.
 */
public final class RegionGradingBenchmark {

    private RegionGradingBenchmark() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int firms = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("srdi-bench");
        SpringApplication app = new SpringApplication(SrdiApplication.class);
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = app.run(
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("srdi") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--srdi.demo.firms=" + firms, "--srdi.demo.assessment-date=2026-06-01", "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.cn.srdi=INFO")) {
            System.out.printf("started with %d firms (load + first grading) in %.1f s%n",
                    ctx.getBean(RegistryStore.class).count(Scope.system()), (System.nanoTime() - t0) / 1e9);
            GradingService grading = ctx.getBean(GradingService.class);
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                long cpu0 = cpu();
                GradeRun run = grading.gradeRegionNow(LocalDate.of(2026, 6, 1), RuleChoice.auto(), "bench");
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf("region run %d: %s, %d/%d firms (%d without indicators) in %.2f s = %.0f firms/s;"
                        + " process CPU %.1f s on %d cores, load average %.1f%n", run.id(), run.status(), run.done(),
                        run.total(), run.skipped(), s, run.done() / s, (cpu() - cpu0) / 1e9,
                        Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}

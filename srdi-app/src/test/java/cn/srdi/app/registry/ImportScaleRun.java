package cn.srdi.app.registry;

import cn.srdi.app.SrdiApplication;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.imports.ImportBatch;
import cn.srdi.app.registry.imports.ImportService;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale run of the import (not a test): upload + preview + commit of a large XLSX on an H2 file
 * database, timed. Usage (from srdi-app, after {@code mvn -o -q test-compile}):
 * <pre>
 *   mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/srdi-cp.txt -Dmdep.includeScope=test
 *   java -Xmx2g -cp target/test-classes:target/classes:$(cat /tmp/srdi-cp.txt) \
 *        cn.srdi.app.registry.ImportScaleRun [FILE.xlsx|--generate N] [DB_DIR]
 * </pre>
 * Without a file it generates {@code N} (default 100,000) firm-years with park and fiscal_year
 * columns; with a file from {@code ./srdi generate} (no fiscal_year column) each row counts for the
 * year before its assessment date. The database directory (default /tmp/srdi-scale) is deleted first;
 * the run imports the file twice: once into an empty registry (all new) and once again (all updates).
 */
public final class ImportScaleRun {

    private ImportScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        Path file;
        int count = 100_000;
        if (args.length > 0 && !args[0].startsWith("--")) {
            file = Path.of(args[0]);
        } else {
            if (args.length > 1 && args[0].equals("--generate")) {
                count = Integer.parseInt(args[1]);
            }
            file = Files.createTempFile("srdi-scale-", ".xlsx");
            long t = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
                ImportFiles.generate(7, count, 2025, null).write(out);
            }
            System.out.printf("generated %,d rows into %s (%,d bytes) in %d ms%n", count, file, Files.size(file),
                    (System.nanoTime() - t) / 1_000_000);
        }
        Path db = Path.of(args.length > 2 ? args[2] : args.length == 2 && !args[0].equals("--generate") ? args[1]
                : "/tmp/srdi-scale");
        if (Files.exists(db)) {
            try (var walk = Files.walk(db)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ConfigurableApplicationContext ctx = SpringApplication.run(SrdiApplication.class,
                "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath() + "/srdi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "--srdi.demo.firms=300", "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.cn.srdi.app.registry=INFO");
        try {
            ImportService imports = ctx.getBean(ImportService.class);
            for (int round = 1; round <= 2; round++) {
                long t0 = System.nanoTime();
                ImportBatch staged;
                try (InputStream in = Files.newInputStream(file)) {
                    staged = imports.upload(Scope.system(), file.getFileName().toString(), in);
                }
                long t1 = System.nanoTime();
                ImportBatch done = imports.commit(Scope.system(), staged.id());
                long t2 = System.nanoTime();
                System.out.printf("round %d: %,d rows (%,d valid, %,d rejected), upload+preview %,d ms, commit %,d ms, "
                        + "total %,d ms; status %s, firm-years new %,d, changed %,d%n", round, staged.rowsTotal(),
                        staged.rowsValid(), staged.rowsRejected(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        (t2 - t0) / 1_000_000, done.status(), done.rowsInserted(), done.rowsUpdated());
            }
        } finally {
            ctx.close();
        }
    }
}

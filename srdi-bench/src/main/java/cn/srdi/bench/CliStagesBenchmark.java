package cn.srdi.bench;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.io.CsvRowSource;
import cn.srdi.engine.io.DuplicateTracker;
import cn.srdi.engine.io.ProfileCsvWriter;
import cn.srdi.engine.io.RawRow;
import cn.srdi.engine.io.ReadOptions;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.io.RowConverter;
import cn.srdi.engine.output.ByteSink;
import cn.srdi.engine.output.GradeCsv;
import cn.srdi.engine.synth.RegionGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stages of {@code srdi grade --format csv}, one at a time on one core, in rows per second, to
 * see which stage bounds the CLI run (see {@code scale.sh} for the end-to-end figure):
 * read (CSV parse to raw cells, {@link CsvRowSource}), convert (cells to a validated profile,
 * {@link RowConverter}), dedupe ({@link DuplicateTracker}), grade, and the CSV summary row
 * ({@link GradeCsv#write}) with its UTF-8 encoding.
 *
 * <pre>
 * java -jar srdi-bench/target/benchmarks.jar CliStagesBenchmark -f 1 -wi 3 -w 2 -i 5 -r 3 -t 1
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Thread)
public class CliStagesBenchmark {
    /** Rows in the generated file; a power of two. */
    static final int ROWS = 1 << 16;
    /** Rows per StringBuilder/byte[] chunk, as the CLI pipeline's batch. */
    static final int CHUNK = 2048;

    Path file;
    RawRow[] raw;
    ReadResult[] converted;
    Grade[] grades;
    RowConverter converter;
    Grader grader;
    StringBuilder sb = new StringBuilder(CHUNK * 200);
    ByteSink sink = new ByteSink(CHUNK * 200);
    int cursor;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("srdi-bench-", ".csv");
        RegionGenerator gen = new RegionGenerator(1, GradingBenchmark.DATE_2022, 0, 0.02);
        try (ProfileCsvWriter w = new ProfileCsvWriter(file)) {
            for (int i = 0; i < ROWS; i++) {
                w.writeRow(gen.nextRow());
            }
        }
        grader = new Grader(RuleCatalog.builtIn(), GradingBenchmark.RUN_DATE);
        raw = new RawRow[ROWS];
        converted = new ReadResult[ROWS];
        grades = new Grade[ROWS];
        try (CsvRowSource src = CsvRowSource.open(file)) {
            converter = RowConverter.forSource(src, ReadOptions.DEFAULT);
            for (int i = 0; i < ROWS; i++) {
                raw[i] = src.next();
                converted[i] = converter.convert(raw[i]);
                if (!(converted[i] instanceof ReadResult.Accepted a)) {
                    throw new IllegalStateException("generated row rejected: " + converted[i]);
                }
                grades[i] = grader.grade(a.profile());
            }
            if (src.next() != null) {
                throw new IllegalStateException("more rows than written");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** CSV parse of the whole file (UTF-8 check included), per row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long read() {
        long cells = 0;
        try (CsvRowSource src = CsvRowSource.open(file)) {
            RawRow r;
            while ((r = src.next()) != null) {
                cells += r.cellCount();
            }
        }
        return cells;
    }

    /** Raw cells to a validated profile. */
    @Benchmark
    public ReadResult convert() {
        RawRow r = raw[cursor];
        cursor = (cursor + 1) & (ROWS - 1);
        return converter.convert(r);
    }

    /** The duplicate check of every row of the file, in row order, per row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void dedupe(Blackhole bh) {
        DuplicateTracker t = new DuplicateTracker();
        for (ReadResult r : converted) {
            bh.consume(t.check(r));
        }
    }

    /** One full assessment of a converted profile (as GradingBenchmark.grade2022). */
    @Benchmark
    public int grade() {
        ReadResult.Accepted a = (ReadResult.Accepted) converted[cursor];
        cursor = (cursor + 1) & (ROWS - 1);
        return GradingBenchmark.digest(grader.grade(a.profile()));
    }

    /** The CSV summary row of an existing grade, encoded to UTF-8 in chunks as the CLI does. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public byte[] csvRow() {
        StringBuilder b = sb;
        b.setLength(0);
        int c = cursor;
        for (int i = 0; i < CHUNK; i++) {
            GradeCsv.write(b, grades[c]);
            c = (c + 1) & (ROWS - 1);
        }
        cursor = c;
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a CLI worker does per accepted row for --format csv: grade, then the summary row. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public byte[] gradeAndCsvRow() {
        StringBuilder b = sb;
        b.setLength(0);
        int c = cursor;
        for (int i = 0; i < CHUNK; i++) {
            ReadResult.Accepted a = (ReadResult.Accepted) converted[c];
            GradeCsv.write(b, grader.grade(a.profile()));
            c = (c + 1) & (ROWS - 1);
        }
        cursor = c;
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV summary row of an existing grade, written as UTF-8 bytes into a reused ByteSink (what the CLI does now). */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public int csvRowBytes() {
        ByteSink b = sink;
        b.reset();
        int c = cursor;
        for (int i = 0; i < CHUNK; i++) {
            GradeCsv.write(b, grades[c]);
            c = (c + 1) & (ROWS - 1);
        }
        cursor = c;
        return b.size() + b.array()[0];
    }

    /** Grade, then the summary row into a reused ByteSink (the CLI worker's loop now). */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public int gradeAndCsvRowBytes() {
        ByteSink b = sink;
        b.reset();
        int c = cursor;
        for (int i = 0; i < CHUNK; i++) {
            ReadResult.Accepted a = (ReadResult.Accepted) converted[c];
            GradeCsv.write(b, grader.grade(a.profile()));
            c = (c + 1) & (ROWS - 1);
        }
        cursor = c;
        return b.size() + b.array()[0];
    }

    /** Every stage for one row, single-threaded: read + convert + dedupe + grade + CSV row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long endToEndOneThread() {
        DuplicateTracker t = new DuplicateTracker();
        StringBuilder b = sb;
        b.setLength(0);
        long bytes = 0;
        int n = 0;
        try (CsvRowSource src = CsvRowSource.open(file)) {
            RowConverter conv = RowConverter.forSource(src, ReadOptions.DEFAULT);
            RawRow r;
            while ((r = src.next()) != null) {
                ReadResult res = t.check(conv.convert(r));
                if (res instanceof ReadResult.Accepted a) {
                    GradeCsv.write(b, grader.grade(a.profile()));
                }
                if (++n == CHUNK) {
                    bytes += b.toString().getBytes(StandardCharsets.UTF_8).length;
                    b.setLength(0);
                    n = 0;
                }
            }
        }
        return bytes + b.length();
    }
}

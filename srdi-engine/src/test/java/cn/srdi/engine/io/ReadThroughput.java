package cn.srdi.engine.io;

import cn.srdi.engine.model.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Manual throughput check (not a unit test): writes {@code n} random valid profiles with
 * {@link ProfileCsvWriter} and times reading them back, stage by stage.
 *
 * <pre>java -Xmx512m -cp … cn.srdi.engine.io.ReadThroughput /tmp/profiles.csv 1000000</pre>
 */
public final class ReadThroughput {
    private static final int BATCH = Integer.getInteger("batch", 1024);
    private static final int QUEUE = Integer.getInteger("queue", 4);

    private ReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/srdi-profiles.csv");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            Random r = new Random(1);
            try (ProfileWriter w = ProfileWriter.open(file)) {
                for (int i = 0; i < n; i++) {
                    Profile p = RandomProfiles.profile(r, i + 2);
                    w.write(p);
                }
            }
            System.out.printf("wrote %,d rows (%,d MB) in %.2f s%n", n, Files.size(file) >> 20, (System.nanoTime() - t0) / 1e9);
        }
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long rows = 0;
            try (RawRowSource src = RawRowSource.open(file)) {
                while (src.next() != null) {
                    rows++;
                }
            }
            long t1 = System.nanoTime();
            System.out.printf("raw %.2f s%n", (t1 - t0) / 1e9);
            long accepted = 0;
            long rejected = 0;
            try (ProfileReader reader = ProfileReader.open(file, ReadOptions.DEFAULT)) {
                for (ReadResult rr = reader.next(); rr != null; rr = reader.next()) {
                    if (rr instanceof ReadResult.Accepted) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("full %.2f s%n", (t2 - t1) / 1e9);
            // two-stage: one reader thread, conversion on a worker, duplicates in order
            long twoStage = pipelined(file);
            long t3 = System.nanoTime();
            System.out.printf("round %d: raw rows %,d in %.2f s (%,.0f rows/s); full read %,d accepted %,d rejected in %.2f s (%,.0f rows/s);"
                            + " raw thread + 1 converter thread %.2f s (%,.0f rows/s) [%d]%n",
                    round, rows, (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e9), accepted, rejected, (t2 - t1) / 1e9,
                    (accepted + rejected) / ((t2 - t1) / 1e9), (t3 - t2) / 1e9, (accepted + rejected) / ((t3 - t2) / 1e9), twoStage);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap max %,d MB%n", rt.maxMemory() >> 20);
    }

    private static long pipelined(Path file) throws Exception {
        java.util.concurrent.BlockingQueue<List<RawRow>> queue = new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);
        List<RawRow> end = new ArrayList<>();
        try (ProfileReader reader = ProfileReader.open(file, ReadOptions.DEFAULT)) {
            RawRowSource source = reader.source();
            RowConverter converter = reader.converter();
            Thread producer = new Thread(() -> {
                try {
                    while (true) {
                        List<RawRow> batch = new ArrayList<>(BATCH);
                        if (source.nextBatch(batch, BATCH) == 0) {
                            queue.put(end);
                            return;
                        }
                        queue.put(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producer.start();
            DuplicateTracker duplicates = new DuplicateTracker();
            long accepted = 0;
            for (List<RawRow> batch = queue.take(); batch != end; batch = queue.take()) {
                for (int i = 0; i < batch.size(); i++) {
                    if (duplicates.check(converter.convert(batch.set(i, null))) instanceof ReadResult.Accepted) {
                        accepted++;
                    }
                }
            }
            producer.join();
            return accepted;
        }
    }
}

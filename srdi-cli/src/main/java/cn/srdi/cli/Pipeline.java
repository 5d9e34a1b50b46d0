package cn.srdi.cli;

import cn.srdi.engine.io.DuplicateTracker;
import cn.srdi.engine.io.RawRow;
import cn.srdi.engine.io.RawRowSource;
import cn.srdi.engine.io.ReadResult;
import cn.srdi.engine.io.RowConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams a profile file through a bounded, order-preserving parallel pipeline: one thread reads raw
 * rows in batches, workers convert them, one thread rejects duplicate credit codes in row order
 * (so a duplicate is never graded), workers process the accepted profiles, and the calling thread
 * consumes results in input order. Memory stays constant whatever the file size.
 */
final class Pipeline {
    static final int BATCH = 2048;

    /** What one batch yields: its rejected rows and the processed result of its accepted rows. */
    record Batch<R>(List<ReadResult.Rejected> rejected, R result, int rows, long bytes) {
    }

    private record Pending<R>(CompletableFuture<List<ReadResult>> converted, int rows, long bytes, RuntimeException error, boolean end) {
    }

    private record Ready<R>(List<ReadResult.Rejected> rejected, CompletableFuture<R> result, int rows, long bytes, RuntimeException error, boolean end) {
    }

    private Pipeline() {
    }

    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs the pipeline; {@code work} is called on worker threads with the accepted profiles of a
     * batch, in no particular order across batches; {@code sink} is called on the calling thread in
     * input order.
     */
    static <R> void run(RawRowSource source, RowConverter converter, Function<List<ReadResult.Accepted>, R> work,
                        Consumer<Batch<R>> sink) {
        int threads = threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "srdi-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Pending<R>> converted = new ArrayBlockingQueue<>(threads * 4);
        BlockingQueue<Ready<R>> ready = new ArrayBlockingQueue<>(threads * 4);
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    List<RawRow> rows = new ArrayList<>(BATCH);
                    if (source.nextBatch(rows, BATCH) == 0) {
                        break;
                    }
                    long bytes = 0;
                    for (RawRow r : rows) {
                        for (String c : r.cells()) {
                            bytes += c.length() + 1;
                        }
                    }
                    converted.put(new Pending<>(CompletableFuture.supplyAsync(() -> convert(converter, rows), pool), rows.size(), bytes, null, false));
                }
                converted.put(new Pending<>(null, 0, 0, null, true));
            } catch (RuntimeException e) {
                putQuietly(converted, new Pending<>(null, 0, 0, e, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "srdi-reader");
        Thread deduper = new Thread(() -> {
            DuplicateTracker duplicates = new DuplicateTracker();
            try {
                while (true) {
                    Pending<R> p = converted.take();
                    if (p.end()) {
                        ready.put(new Ready<>(null, null, 0, 0, p.error(), true));
                        return;
                    }
                    List<ReadResult> results = p.converted().join();
                    List<ReadResult.Accepted> accepted = new ArrayList<>(results.size());
                    List<ReadResult.Rejected> rejected = new ArrayList<>();
                    for (ReadResult r : results) {
                        ReadResult checked = duplicates.check(r);
                        if (checked instanceof ReadResult.Accepted a) {
                            accepted.add(a);
                        } else {
                            rejected.add((ReadResult.Rejected) checked);
                        }
                    }
                    ready.put(new Ready<>(rejected, CompletableFuture.supplyAsync(() -> work.apply(accepted), pool), p.rows(), p.bytes(), null, false));
                }
            } catch (RuntimeException e) {
                putQuietly(ready, new Ready<>(null, null, 0, 0, e, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "srdi-dedupe");
        reader.setDaemon(true);
        deduper.setDaemon(true);
        reader.start();
        deduper.start();
        try {
            while (true) {
                Ready<R> r = ready.take();
                if (r.end()) {
                    if (r.error() != null) {
                        throw r.error();
                    }
                    break;
                }
                R result;
                try {
                    result = r.result().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
                sink.accept(new Batch<>(r.rejected(), result, r.rows(), r.bytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
            reader.interrupt();
            deduper.interrupt();
        }
    }

    private static List<ReadResult> convert(RowConverter converter, List<RawRow> rows) {
        List<ReadResult> out = new ArrayList<>(rows.size());
        for (RawRow r : rows) {
            out.add(converter.convert(r));
        }
        return out;
    }

    private static <T> void putQuietly(BlockingQueue<T> q, T item) {
        try {
            q.put(item);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}

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
 * Streams a profile file through a bounded, order-preserving parallel pipeline. One thread reads raw
 * rows in batches of {@value #BATCH}; workers convert them; the calling thread consumes the results in
 * input order. Memory stays constant whatever the file size: at most about {@code threads + 2}
 * batches are in flight (queues of capacity {@code threads}), and a batch drops its raw rows as soon
 * as they are converted.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #run}: duplicate credit codes are rejected in row order <em>before</em> the work
 *   function sees the batch (the check is chained from batch to batch, on the workers).</li>
 *   <li>{@link #runFused}: convert and work run as one task per batch on one worker (the profiles
 *   never leave it), on every row that converted; the calling thread then does the in-order
 *   duplicate check and tells the sink which rows to cut out of the batch's result. A duplicate's
 *   result must then never reach the output or the counts.</li>
 * </ul>
 */
final class Pipeline {
    static final int BATCH = 1024;

    /** What one batch yields: its rejected rows and the processed result of its accepted rows. */
    record Batch<R>(List<ReadResult.Rejected> rejected, R result, int rows, long bytes) {
    }

    /**
     * What one batch yields in {@link #runFused}: its rejected rows (conversion errors and duplicates,
     * in row order), the result of the work over every row that converted, and the indices (into
     * the list the work was given, ascending) of those rows the duplicate check rejected.
     */
    record Fused<R>(List<ReadResult.Rejected> rejected, R result, int[] dropped, int rows, long bytes) {
    }

    private static final int[] NONE = new int[0];

    /** A converted batch, after the in-order duplicate check. */
    private record Checked(List<ReadResult.Accepted> accepted, List<ReadResult.Rejected> rejected) {
    }

    private record Done<R>(List<ReadResult> converted, R result, int rows, long bytes) {
    }

    private record Item<T>(CompletableFuture<T> future, RuntimeException error, boolean end) {
    }

    private Pipeline() {
    }

    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs the pipeline; {@code work} is called on worker threads with the accepted, non-duplicate
     * profiles of a batch, in no particular order across batches; {@code sink} is called on the
     * calling thread in input order.
     */
    static <R> void run(RawRowSource source, RowConverter converter, Function<List<ReadResult.Accepted>, R> work,
                        Consumer<Batch<R>> sink) {
        DuplicateTracker duplicates = new DuplicateTracker();
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] lastCheck = new CompletableFuture[] {CompletableFuture.completedFuture(null)};
        drive(source, (rows, pool) -> {
            CompletableFuture<Done<Void>> conv = CompletableFuture.supplyAsync(() -> convert(converter, rows, null), pool);
            // the duplicate check runs batch after batch, in row order, whichever thread gets there
            CompletableFuture<Done<Checked>> checked = lastCheck[0].thenCombine(conv, (x, d) -> check(duplicates, d));
            lastCheck[0] = checked.thenApply(d -> null);
            return checked.thenApplyAsync(d -> new Batch<>(d.result().rejected(), work.apply(d.result().accepted()), d.rows(), d.bytes()), pool);
        }, sink);
    }

    /**
     * Runs the pipeline in fused mode (see the class comment): {@code work} is called on a worker
     * thread with every row of a batch that converted, right after converting it; {@code sink} is
     * called on the calling thread in input order, after the duplicate check.
     */
    static <R> void runFused(RawRowSource source, RowConverter converter, Function<List<ReadResult.Accepted>, R> work,
                             Consumer<Fused<R>> sink) {
        DuplicateTracker duplicates = new DuplicateTracker();
        drive(source, (rows, pool) -> CompletableFuture.supplyAsync(() -> convert(converter, rows, work), pool),
                (Done<R> d) -> {
                    List<ReadResult.Rejected> rejected = new ArrayList<>();
                    int[] dropped = NONE;
                    int nDropped = 0;
                    int k = 0;
                    for (ReadResult r : d.converted()) {
                        ReadResult checked = duplicates.check(r);
                        if (r instanceof ReadResult.Accepted) {
                            if (checked != r) {
                                if (nDropped == dropped.length) {
                                    dropped = java.util.Arrays.copyOf(dropped, Math.max(4, nDropped * 2));
                                }
                                dropped[nDropped++] = k;
                            }
                            k++;
                        }
                        if (checked instanceof ReadResult.Rejected rej) {
                            rejected.add(rej);
                        }
                    }
                    sink.accept(new Fused<>(rejected, d.result(), nDropped == dropped.length ? dropped : java.util.Arrays.copyOf(dropped, nDropped),
                            d.rows(), d.bytes()));
                });
    }

    private interface Submit<T> {
        CompletableFuture<T> submit(List<RawRow> rows, ExecutorService pool);
    }

    /** The reader thread, the bounded in-order queue and the consuming loop shared by both modes. */
    private static <T> void drive(RawRowSource source, Submit<T> submit, Consumer<T> sink) {
        int threads = threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "srdi-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Item<T>> queue = new ArrayBlockingQueue<>(threads);
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    List<RawRow> rows = new ArrayList<>(BATCH);
                    if (source.nextBatch(rows, BATCH) == 0) {
                        break;
                    }
                    queue.put(new Item<>(submit.submit(rows, pool), null, false));
                }
                queue.put(new Item<>(null, null, true));
            } catch (RuntimeException e) {
                putQuietly(queue, new Item<>(null, e, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "srdi-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Item<T> item = queue.take();
                if (item.end()) {
                    if (item.error() != null) {
                        throw item.error();
                    }
                    break;
                }
                T done;
                try {
                    done = item.future().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
                sink.accept(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
            reader.interrupt();
        }
    }

    /**
     * Converts a batch (releasing each raw row once converted) and, when {@code work} is given, runs
     * it on the rows that converted.
     */
    private static <R> Done<R> convert(RowConverter converter, List<RawRow> rows, Function<List<ReadResult.Accepted>, R> work) {
        int n = rows.size();
        List<ReadResult> out = new ArrayList<>(n);
        List<ReadResult.Accepted> accepted = work == null ? null : new ArrayList<>(n);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            RawRow raw = rows.set(i, null);
            ReadResult r = converter.convert(raw);
            bytes += raw.inputBytes();
            out.add(r);
            if (accepted != null && r instanceof ReadResult.Accepted a) {
                accepted.add(a);
            }
        }
        rows.clear();
        R result = work == null ? null : work.apply(accepted);
        return new Done<>(out, result, n, bytes);
    }

    private static Done<Checked> check(DuplicateTracker duplicates, Done<Void> d) {
        List<ReadResult.Accepted> accepted = new ArrayList<>(d.converted().size());
        List<ReadResult.Rejected> rejected = new ArrayList<>();
        for (ReadResult r : d.converted()) {
            ReadResult checked = duplicates.check(r);
            if (checked instanceof ReadResult.Accepted a) {
                accepted.add(a);
            } else {
                rejected.add((ReadResult.Rejected) checked);
            }
        }
        return new Done<>(null, new Checked(accepted, rejected), d.rows(), d.bytes());
    }

    private static <T> void putQuietly(BlockingQueue<T> q, T item) {
        try {
            q.put(item);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}

package cn.srdi.app.servicedesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Group commit: jobs submitted at the same moment by many threads are written together, in one
 * transaction with one batch per statement, and each caller gets its own outcome after that
 * transaction commits.
 *
 * <p>There is no writer thread. A caller queues its job and takes one of {@code writers} permits;
 * holding it, it takes up to {@code maxBatch} queued jobs (its own among them, unless another
 * writer already took it) and writes them. Callers that arrive while the permits are held wait for
 * one, and by then their jobs have usually been written by the holder: under load the batches grow
 * by themselves, and a lone job is written at once, alone.
 *
 * <p>The batch writer runs in its own transaction and returns an outcome per job, in order: a job
 * may fail by itself (a {@link Outcome#failed} outcome, nothing of it written) without failing the
 * others. When the batch writer throws instead, the transaction was rolled back, and every job of
 * that batch is written again alone, so that one bad job fails alone, with its own error.
 *
 * @param <J> a job
 * @param <R> what a caller gets for its job
 */
final class GroupCommit<J, R> {

    /** The outcome of one job: a value or the error of that job alone. */
    record Outcome<R>(R value, RuntimeException error) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> failed(RuntimeException error) {
            return new Outcome<>(null, Objects.requireNonNull(error));
        }
    }

    private final class Slot {
        final J job;
        final CompletableFuture<R> done = new CompletableFuture<>();
        /** Set by the writer that takes the slot from the queue (only it polls the slot). */
        volatile boolean taken;

        Slot(J job) {
            this.job = job;
        }
    }

    private final ConcurrentLinkedQueue<Slot> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writers;
    private final int maxBatch;
    private final Function<List<J>, List<Outcome<R>>> write;

    /**
     * @param writers  how many batches may be written at the same time (each on its own connection)
     * @param maxBatch the most jobs in one batch
     * @param write    writes a batch in a transaction of its own and returns an outcome per job, in
     *                 order; it throws when its transaction was rolled back
     */
    GroupCommit(int writers, int maxBatch, Function<List<J>, List<Outcome<R>>> write) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and maxBatch must be at least 1");
        }
        this.writers = new Semaphore(writers, true);
        this.maxBatch = maxBatch;
        this.write = write;
    }

    /** How many jobs wait to be taken into a batch (for tests and monitoring). */
    int queued() {
        return queue.size();
    }

    /** Writes the job (with whatever else is queued) and returns its value, or throws its error. */
    R submit(J job) {
        Slot mine = new Slot(job);
        queue.add(mine);
        while (!mine.taken) {
            writers.acquireUninterruptibly();
            try {
                List<Slot> batch = new ArrayList<>();
                for (Slot s; batch.size() < maxBatch && (s = queue.poll()) != null; ) {
                    s.taken = true;
                    batch.add(s);
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } finally {
                writers.release();
            }
        }
        try {
            return mine.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void write(List<Slot> batch) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = write.apply(jobs(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(e);
                return;
            }
            for (Slot s : batch) { // the batch was rolled back: each job again, alone
                try {
                    List<Outcome<R>> alone = write.apply(List.of(s.job));
                    complete(List.of(s), alone);
                } catch (RuntimeException | Error e1) {
                    s.done.completeExceptionally(e1);
                }
            }
            return;
        } catch (Error e) {
            batch.forEach(s -> s.done.completeExceptionally(e));
            throw e;
        }
        complete(batch, outcomes);
    }

    private List<J> jobs(List<Slot> batch) {
        List<J> jobs = new ArrayList<>(batch.size());
        for (Slot s : batch) {
            jobs.add(s.job);
        }
        return jobs;
    }

    /** Hands out the outcomes; a writer that broke its contract (a count that differs) fails every job of the batch. */
    private void complete(List<Slot> batch, List<Outcome<R>> outcomes) {
        if (outcomes == null || outcomes.size() != batch.size()) {
            IllegalStateException broken = new IllegalStateException("group commit: " + batch.size() + " jobs, "
                    + (outcomes == null ? "no" : outcomes.size()) + " outcomes");
            batch.forEach(s -> s.done.completeExceptionally(broken));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> o = outcomes.get(i);
            if (o.error() != null) {
                batch.get(i).done.completeExceptionally(o.error());
            } else {
                batch.get(i).done.complete(o.value());
            }
        }
    }
}

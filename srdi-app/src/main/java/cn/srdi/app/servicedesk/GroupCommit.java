package cn.srdi.app.servicedesk;

import cn.srdi.app.web.BilingualException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * Group commit: jobs submitted at the same moment by many threads are written together, in one
 * transaction with one batch per statement, and each caller gets its own outcome after that
 * transaction commits.
 *
 * <p>{@code writers} threads of its own take the jobs from a queue: a writer waits for a job, takes
 * it with whatever else is queued by then (up to {@code maxBatch}) and writes them. A lone job is
 * written at once, alone; under load the batches grow by themselves, since the jobs that arrive
 * while a batch is written wait for the next one. A caller waits only for its own job's outcome.
 * (Callers taking turns as the writer, the other design, makes a caller whose job another one wrote
 * still wait for its turn: under load they convoy behind the turn and every batch holds one job.)
 *
 * <p>The batch writer runs in its own transaction and returns an outcome per job, in order: a job
 * may fail by itself (a {@link Outcome#failed} outcome, nothing of it written) without failing the
 * others. When the batch writer throws instead, the transaction was rolled back, and every job of
 * that batch is written again alone, so that one bad job fails alone, with its own error.
 * {@link #close} stops the writers; jobs still queued then fail with {@code 503}.
 *
 * @param <J> a job
 * @param <R> what a caller gets for its job
 */
final class GroupCommit<J, R> implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GroupCommit.class);

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

        Slot(J job) {
            this.job = job;
        }
    }

    private final LinkedBlockingQueue<Slot> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Function<List<J>, List<Outcome<R>>> write;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;
    /** The signal for a writer to stop (one per writer, queued by {@link #close}). */
    private final Slot stop = new Slot(null);

    /**
     * @param name     the writer threads' name (numbered)
     * @param writers  how many batches may be written at the same time (each on its own connection)
     * @param maxBatch the most jobs in one batch
     * @param write    writes a batch in a transaction of its own and returns an outcome per job, in
     *                 order; it throws when its transaction was rolled back
     */
    GroupCommit(String name, int writers, int maxBatch, Function<List<J>, List<Outcome<R>>> write) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.write = write;
        for (int i = 1; i <= writers; i++) {
            Thread t = new Thread(this::writeLoop, name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** How many jobs wait to be taken into a batch (for tests and monitoring). */
    int queued() {
        return queue.size();
    }

    /** Writes the job (with whatever else is queued) and returns its value, or throws its error. */
    R submit(J job) {
        Slot mine = new Slot(job);
        if (closed) {
            throw stopping();
        }
        queue.add(mine);
        if (closed && queue.remove(mine)) { // closed meanwhile, and no writer took it: nobody will
            throw stopping();
        }
        try {
            return mine.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static BilingualException stopping() {
        return new BilingualException(HttpStatus.SERVICE_UNAVAILABLE, "系统正在停止，请稍后重新提交",
                "the platform is stopping; please submit again later");
    }

    private void writeLoop() {
        while (true) {
            List<Slot> batch = new ArrayList<>();
            Slot first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (first == stop) {
                return;
            }
            batch.add(first);
            for (Slot s; batch.size() < maxBatch && (s = queue.poll()) != null; ) {
                if (s == stop) { // another writer's (or this one's next) signal to stop: left for it
                    queue.add(s);
                    break;
                }
                batch.add(s);
            }
            try {
                write(batch);
            } catch (Throwable e) { // the writer must outlive any batch: its jobs fail, the next batch is written
                log.error("group commit: a batch of {} failed", batch.size(), e);
                batch.forEach(s -> s.done.completeExceptionally(e));
            }
        }
    }

    /**
     * Stops the writers after they have written what was queued before (no interrupt: a writer may
     * be inside the database, whose files an interrupt could close); jobs submitted later fail with 503.
     */
    @Override
    public void close() {
        closed = true;
        threads.forEach(t -> queue.add(stop));
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Slot s; (s = queue.poll()) != null; ) {
            if (s != stop) {
                s.done.completeExceptionally(stopping());
            }
        }
    }

    private void write(List<Slot> batch) {
        List<Outcome<R>> outcomes;
        long t0 = System.nanoTime();
        try {
            outcomes = write.apply(jobs(batch));
            if (log.isDebugEnabled()) {
                log.debug("group commit: {} jobs in {} µs, {} queued", batch.size(), (System.nanoTime() - t0) / 1000, queue.size());
            }
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

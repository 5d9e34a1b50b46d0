package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** What the fake writer committed: one list per transaction. */
    final List<List<Integer>> committed = new CopyOnWriteArrayList<>();

    @Test
    void jobsThatArriveWhileABatchIsWrittenGoTogetherInTheNext() throws Exception {
        int n = 40;
        AtomicReference<GroupCommit<Integer, String>> ref = new AtomicReference<>();
        GroupCommit<Integer, String> gc = new GroupCommit<>("test-writer", 1, 100, jobs -> {
            awaitTheRestOnce(ref, jobs, n); // the first batch waits until every other job is queued behind it
            committed.add(List.copyOf(jobs));
            return jobs.stream().map(j -> GroupCommit.Outcome.of("ok " + j)).toList();
        });
        ref.set(gc);
        List<String> answers = run(gc, n);
        assertThat(committed).hasSize(2);
        assertThat(committed.get(1)).as("all that queued meanwhile, in one batch").hasSize(n - committed.get(0).size());
        assertThat(answers).hasSize(n).allMatch(a -> a.startsWith("ok "));
        assertThat(committed.stream().flatMap(List::stream).sorted().toList())
                .as("every job written exactly once").isEqualTo(java.util.stream.IntStream.range(0, n).boxed().toList());
        for (int i = 0; i < n; i++) {
            assertThat(answers.get(i)).as("each caller gets its own answer").isEqualTo("ok " + i);
        }
    }

    @Test
    void batchesAreCutAtTheirMaximum() throws Exception {
        AtomicReference<GroupCommit<Integer, String>> ref = new AtomicReference<>();
        GroupCommit<Integer, String> gc = new GroupCommit<>("test-writer", 1, 7, jobs -> {
            awaitTheRestOnce(ref, jobs, 30);
            committed.add(List.copyOf(jobs));
            return jobs.stream().map(j -> GroupCommit.Outcome.of("ok " + j)).toList();
        });
        ref.set(gc);
        run(gc, 30);
        assertThat(committed).allMatch(b -> b.size() <= 7);
        assertThat(committed.stream().mapToInt(List::size).sum()).isEqualTo(30);
    }

    @Test
    void aBatchThatFailsIsWrittenAgainJobByJobSoThatOnlyTheBadJobFails() throws Exception {
        int n = 12;
        AtomicReference<GroupCommit<Integer, String>> ref = new AtomicReference<>();
        GroupCommit<Integer, String> gc = new GroupCommit<>("test-writer", 1, 100, jobs -> {
            awaitTheRestOnce(ref, jobs, n);
            if (jobs.contains(7)) { // a constraint violation: the transaction rolls back, nothing of it is kept
                throw new IllegalStateException("job 7 is bad");
            }
            committed.add(List.copyOf(jobs));
            return jobs.stream().map(j -> GroupCommit.Outcome.of("ok " + j)).toList();
        });
        ref.set(gc);
        List<String> answers = run(gc, n);
        assertThat(answers.get(7)).isEqualTo("error: job 7 is bad");
        for (int i = 0; i < n; i++) {
            if (i != 7) {
                assertThat(answers.get(i)).isEqualTo("ok " + i);
            }
        }
        assertThat(committed.stream().flatMap(List::stream).sorted().toList())
                .as("the good jobs once each, the bad one never")
                .isEqualTo(java.util.stream.IntStream.range(0, n).filter(i -> i != 7).boxed().toList());
    }

    @Test
    void aJobThatFailsByItselfDoesNotFailItsBatch() {
        GroupCommit<Integer, String> gc = new GroupCommit<>("test-writer", 2, 10, jobs -> jobs.stream()
                .map(j -> j < 0 ? GroupCommit.Outcome.<String>failed(new IllegalArgumentException("negative " + j))
                        : GroupCommit.Outcome.of("ok " + j)).toList());
        assertThat(gc.submit(3)).isEqualTo("ok 3");
        assertThatThrownBy(() -> gc.submit(-1)).isInstanceOf(IllegalArgumentException.class).hasMessage("negative -1");
    }

    @Test
    void aWriterThatBreaksItsContractFailsItsJobsWithoutWritingThemTwice() {
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> gc = new GroupCommit<>("test-writer", 1, 10, jobs -> {
            calls.addAll(jobs);
            return List.of();
        });
        assertThatThrownBy(() -> gc.submit(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 jobs, 0 outcomes");
        assertThat(calls).containsExactly(1);
    }

    private final java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** In the first batch only: waits until the other jobs of the n are all queued. */
    private void awaitTheRestOnce(AtomicReference<GroupCommit<Integer, String>> ref, List<Integer> batch, int n) {
        if (first.getAndSet(false)) {
            while (ref.get().queued() + batch.size() < n) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void closingWritesWhatWasQueuedAndRefusesWhatComesAfterWith503() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        GroupCommit<Integer, String> gc = new GroupCommit<>("test-writer", 1, 10, jobs -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            committed.add(List.copyOf(jobs));
            return jobs.stream().map(j -> GroupCommit.Outcome.of("ok " + j)).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> gc.submit(1));
            assertThat(writing.await(30, TimeUnit.SECONDS)).as("the writer holds job 1").isTrue();
            Future<String> second = pool.submit(() -> gc.submit(2));
            while (gc.queued() < 1) {
                Thread.onSpinWait(); // job 2 waits behind the batch being written
            }
            Future<?> closing = pool.submit(gc::close);
            release.countDown();
            closing.get(30, TimeUnit.SECONDS);
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("ok 1");
            assertThat(second.get(30, TimeUnit.SECONDS)).as("queued before the close: written").isEqualTo("ok 2");
            assertThatThrownBy(() -> gc.submit(3)).isInstanceOf(cn.srdi.app.web.BilingualException.class)
                    .hasMessageContaining("stopping")
                    .satisfies(e -> assertThat(((cn.srdi.app.web.BilingualException) e).status().value()).isEqualTo(503));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits jobs 0..n-1 from n threads; returns each caller's answer (or "error: message"). */
    private static List<String> run(GroupCommit<Integer, String> gc, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int job = i;
                futures.add(pool.submit(() -> {
                    try {
                        return gc.submit(job);
                    } catch (RuntimeException e) {
                        return "error: " + e.getMessage();
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

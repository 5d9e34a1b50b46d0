package cn.srdi.app.grading;

import cn.srdi.app.audit.AuditTrail;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.FirmRecord;
import cn.srdi.app.registry.ProfileAssembler;
import cn.srdi.app.registry.ProfileJson;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Profile;
import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grading of the registry's firms with the engine's {@code Grader} (the app never re-implements a
 * rule): one firm now, the whole region as a background run, reproduction of any stored grade
 * from its input snapshot and rules, and the grade history of a firm. Every stored grade keeps the
 * rule selection, the sandbox settings, the digest of the effective rules and the input snapshot.
 */
@Service
public class GradingService {

    private static final Logger log = LoggerFactory.getLogger(GradingService.class);

    /** Records per JDBC batch and per progress update (each in its own short transaction). */
    static final int CHUNK = 1000;

    /** A stored grade with its full result recomputed from the snapshot under its stored rules. */
    public record FirmGrade(StoredGrade stored, Grade grade, String currentDigest) {
        /** True when the rules in force now are those the grade was computed with. */
        public boolean rulesUnchanged() {
            return stored.rulesDigest().equals(currentDigest);
        }
    }

    /** A stored grade re-graded from its snapshot under its stored rules, compared with what was stored. */
    public record Reproduction(long runId, String creditCode, boolean equal, boolean sameRules, String storedDigest,
                               String currentDigest, GradeSummary stored, GradeSummary recomputed) {
    }

    /** Counters of a region pass. */
    record Pass(int total, int graded, int skipped, Map<String, Long> eligible) {
    }

    private final GradingRules rules;
    private final GradeStore store;
    private final RegistryStore registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "srdi-region-grading");
        t.setDaemon(true);
        return t;
    });

    public GradingService(GradingRules rules, GradeStore store, RegistryStore registry, AuditTrail audit,
                          ApplicationEventPublisher events, PlatformTransactionManager tm) {
        this.rules = rules;
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(tm);
        this.newTx = new TransactionTemplate(tm);
        newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        int stale = inNew(store::failInterrupted);
        if (stale > 0) {
            log.warn("{} grading run(s) left running by a previous process marked FAILED", stale);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    <T> T inNew(Supplier<T> work) {
        return newTx.execute(s -> work.get());
    }

    public GradingRules rules() {
        return rules;
    }

    // ---------------------------------------------------------------- one firm

    /** The firm if the scope may read its grades: 403 for roles without indicators, 404 outside the scope. */
    public Enterprise requireFirm(Scope scope, String code) {
        CurrentUser.require(scope.canReadIndicators(), "grades");
        return registry.find(scope, code).orElseThrow(() -> notFound(code));
    }

    static BilingualException notFound(String code) {
        return BilingualException.notFound("未找到企业 " + code, "no enterprise " + code);
    }

    static BilingualException noIndicators(String code, LocalDate date) {
        int fy = date.getYear() - 1;
        return new BilingualException(HttpStatus.UNPROCESSABLE_CONTENT,
                "企业 " + code + " 没有 " + fy + " 年度(或更早)的指标数据，无法按 " + date + " 评价；请先导入其年度指标。",
                "enterprise " + code + " has no indicators for fiscal " + fy + " (or earlier), so it cannot be graded at "
                        + date + "; import its yearly indicators first.");
    }

    /**
     * Grades one firm now and stores the grade (a SINGLE run and its record, audited). The caller
     * must be allowed to read the firm's grades.
     */
    public StoredGrade gradeFirm(Scope scope, String code, LocalDate date, RuleChoice choice, ApplicationType type) {
        requireFirm(scope, code);
        FirmRecord rec = registry.record(scope, code).orElseThrow(() -> notFound(code));
        GradingRules.Compiled c = rules.compile(choice, date);
        Profile p = ProfileAssembler.assemble(rec.enterprise(), rec.years(), rec.titles(), date,
                type == null ? ApplicationType.NEW : type).orElseThrow(() -> noIndicators(code, date));
        String snapshot = Snapshots.encode(p);
        Grade g = c.grader().grade(p);
        GradeSummary s = GradeSummary.of(g);
        String by = scope.username();
        long runId = tx.execute(st -> {
            long id = store.insertRun(GradeRun.SINGLE, choice, c.digest(), date, by, GradeRun.DONE, 1, null);
            store.insertRecords(id, List.of(new GradeStore.Row(code, rec.enterprise().parkId(), rec.enterprise().industryCode(),
                    s, snapshot)));
            store.progress(id, 1, 1, 0);
            store.finish(id, GradeRun.DONE, null);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("run", id);
            after.put("assessment_date", date.toString());
            after.put("rules", choice.rules());
            after.put("rules_digest", c.digest());
            after.put("eligible_tier", s.eligibleTier());
            audit.recordAs(by, "GRADE_FIRM", "enterprise", code, null, after);
            return id;
        });
        return store.record(scope, runId, code).orElseThrow();
    }

    /** The latest official grade of a firm, with its detail, if it has one. */
    public Optional<FirmGrade> latest(Scope scope, String code) {
        requireFirm(scope, code);
        return store.history(scope, code, 1).stream().findFirst().map(this::detail);
    }

    /** Every official grade of a firm over the runs, newest first. */
    public List<StoredGrade> history(Scope scope, String code) {
        requireFirm(scope, code);
        return store.history(scope, code, 200);
    }

    /** A stored grade of a firm in a run (any kind), with its detail. */
    public FirmGrade grade(Scope scope, long runId, String code) {
        requireFirm(scope, code);
        return detail(store.record(scope, runId, code).orElseThrow(() -> BilingualException.notFound(
                "运行 " + runId + " 中没有企业 " + code + " 的评价", "run " + runId + " has no grade of " + code)));
    }

    static RuleChoice choiceOf(String rules, String settings) {
        return new RuleChoice(rules, RuleChoice.parseSettings(settings));
    }

    FirmGrade detail(StoredGrade s) {
        GradingRules.Compiled c = rules.compile(choiceOf(s.rules(), s.settings()), s.assessmentDate());
        Grade g = c.grader().grade(ProfileJson.decode(s.snapshot()));
        return new FirmGrade(s, g, c.digest());
    }

    /** Re-grades a stored record's snapshot with its stored rules and settings and compares the summaries. */
    public Reproduction reproduce(Scope scope, long runId, String code) {
        FirmGrade f = grade(scope, runId, code);
        GradeSummary again = GradeSummary.of(f.grade());
        return new Reproduction(runId, code, again.equals(f.stored().summary()), f.rulesUnchanged(),
                f.stored().rulesDigest(), f.currentDigest(), f.stored().summary(), again);
    }

    // ---------------------------------------------------------------- the region

    /**
     * Starts a region run in the background and returns it at once (status RUNNING). One region
     * run at a time: a second is refused while one is running.
     */
    public GradeRun startRegionRun(Scope scope, LocalDate date, RuleChoice choice) {
        CurrentUser.require(scope.canManageRegion(), "region grading");
        GradingRules.Compiled c = rules.compile(choice, date);
        long id = reserveRegion(c, date, scope.username());
        executor.submit(() -> runRegion(id, c, date, scope.username()));
        return store.run(id).orElseThrow();
    }

    /** Grades the region in the calling thread (used after a region was loaded). */
    public GradeRun gradeRegionNow(LocalDate date, RuleChoice choice, String by) {
        GradingRules.Compiled c = rules.compile(choice, date);
        long id = reserveRegion(c, date, by);
        runRegion(id, c, date, by);
        return store.run(id).orElseThrow();
    }

    private synchronized long reserveRegion(GradingRules.Compiled c, LocalDate date, String by) {
        Optional<GradeRun> running = inNew(() -> store.running(GradeRun.REGION));
        if (running.isPresent()) {
            GradeRun r = running.get();
            throw new BilingualException(HttpStatus.CONFLICT,
                    "全区评价 #" + r.id() + " 正在进行(" + r.done() + "/" + r.total() + ")，请待其完成后再发起新的评价",
                    "region run #" + r.id() + " is still in progress (" + r.done() + "/" + r.total()
                            + "); start another when it has finished");
        }
        return inNew(() -> store.insertRun(GradeRun.REGION, c.choice(), c.digest(), date, by, GradeRun.RUNNING,
                (int) registry.count(Scope.system()), null));
    }

    private void runRegion(long id, GradingRules.Compiled c, LocalDate date, String by) {
        try {
            Pass pass = gradeAll(id, c, date);
            inNew(() -> {
                store.finish(id, GradeRun.DONE, null);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("assessment_date", date.toString());
                after.put("rules", c.choice().rules());
                after.put("rules_digest", c.digest());
                after.put("graded", pass.graded());
                after.put("skipped", pass.skipped());
                after.put("eligible", pass.eligible());
                audit.recordAs(by, "GRADE_REGION", "grade_run", Long.toString(id), null, after);
                events.publishEvent(new RegionGraded(id, date, c.choice().rules(), c.digest(), pass.graded(), pass.skipped(),
                        pass.eligible()));
                return null;
            });
            log.info("region run {} graded {} firms ({} without indicators) at {} in {} s", id, pass.graded(), pass.skipped(),
                    date, store.run(id).map(GradeRun::seconds).orElse(0.0));
        } catch (RuntimeException e) {
            log.error("region run {} failed", id, e);
            inNew(() -> {
                store.finish(id, GradeRun.FAILED, e.getMessage());
                return null;
            });
        }
    }

    /** Firms handed to a worker at once. */
    private static final int BATCH = 250;

    /** The rows and counters of one batch of firms. */
    private record Batch(List<GradeStore.Row> rows, int firms, Map<String, Long> eligible) {
        static final Batch END = new Batch(List.of(), 0, Map.of());
    }

    /**
     * Grades every firm of the region into a run. The calling thread streams the firms from the
     * registry in batches, their indicators unparsed; worker threads parse, assemble, snapshot and
     * grade them; one writer thread
     * writes the records in JDBC batches of {@link #CHUNK}, each with its progress update in its
     * own short transaction. Batches are written in the order they were read.
     */
    Pass gradeAll(long runId, GradingRules.Compiled c, LocalDate date) {
        int total = (int) registry.count(Scope.system());
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "srdi-grading-worker");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.BlockingQueue<java.util.concurrent.Future<Batch>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(workers * 4);
        Map<String, Long> eligible = new java.util.concurrent.ConcurrentHashMap<>();
        int[] n = new int[3]; // done, skipped, graded (written by the writer thread only)
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = new Thread(() -> {
            List<GradeStore.Row> buffer = new ArrayList<>(CHUNK + BATCH);
            int done = 0;
            int graded = 0;
            while (true) {
                Batch b;
                try {
                    b = queue.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                    continue; // keep draining so the reader never blocks
                }
                if (b == Batch.END) {
                    break;
                }
                if (failure.get() != null) {
                    continue;
                }
                buffer.addAll(b.rows());
                done += b.firms();
                graded += b.rows().size();
                b.eligible().forEach((k, v) -> eligible.merge(k, v, Long::sum));
                if (buffer.size() >= CHUNK) {
                    write(runId, buffer, total, done, done - graded, failure);
                }
            }
            if (failure.get() == null) {
                write(runId, buffer, total, done, done - graded, failure);
            }
            n[0] = done;
            n[1] = done - graded;
            n[2] = graded;
        }, "srdi-grading-writer");
        writer.start();
        try {
            List<RegistryStore.UnparsedFirm> batch = new ArrayList<>(BATCH);
            registry.forEachFirmUnparsed(Scope.system(), rec -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("region run " + runId + " failed", failure.get());
                }
                batch.add(rec);
                if (batch.size() >= BATCH) {
                    submit(pool, queue, List.copyOf(batch), c, date);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                submit(pool, queue, List.copyOf(batch), c, date);
            }
        } finally {
            put(queue, java.util.concurrent.CompletableFuture.completedFuture(Batch.END));
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.shutdownNow();
        }
        Throwable t = failure.get();
        if (t != null) {
            throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
        }
        return new Pass(Math.max(total, n[0]), n[2], n[1], new LinkedHashMap<>(eligible));
    }

    private void write(long runId, List<GradeStore.Row> buffer, int total, int done, int skipped,
                       java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
        try {
            List<GradeStore.Row> rows = List.copyOf(buffer);
            buffer.clear();
            inNew(() -> {
                if (!rows.isEmpty()) {
                    store.insertRecords(runId, rows);
                }
                store.progress(runId, Math.max(total, done), done, skipped);
                return null;
            });
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static void submit(ExecutorService pool, java.util.concurrent.BlockingQueue<java.util.concurrent.Future<Batch>> queue,
                               List<RegistryStore.UnparsedFirm> firms, GradingRules.Compiled c, LocalDate date) {
        put(queue, pool.submit(() -> gradeBatch(firms, c, date)));
    }

    private static void put(java.util.concurrent.BlockingQueue<java.util.concurrent.Future<Batch>> queue,
                            java.util.concurrent.Future<Batch> f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Batch gradeBatch(List<RegistryStore.UnparsedFirm> firms, GradingRules.Compiled c, LocalDate date) {
        List<GradeStore.Row> rows = new ArrayList<>(firms.size());
        Map<String, Long> eligible = new java.util.HashMap<>();
        for (RegistryStore.UnparsedFirm unparsed : firms) {
            FirmRecord rec = unparsed.parse();
            Enterprise e = rec.enterprise();
            Optional<Profile> p = ProfileAssembler.assemble(e, rec.years(), rec.titles(), date, ApplicationType.NEW);
            if (p.isEmpty()) {
                continue;
            }
            String snapshot = Snapshots.encode(p.get());
            Grade g = c.grader().grade(p.get());
            GradeSummary s = GradeSummary.of(g);
            eligible.merge(s.eligibleTier(), 1L, Long::sum);
            if ("PASS".equals(s.statusChampion())) {
                eligible.merge("CHAMPION", 1L, Long::sum);
            }
            rows.add(new GradeStore.Row(e.creditCode(), e.parkId(), e.industryCode(), s, snapshot));
        }
        return new Batch(rows, firms.size(), eligible);
    }

    public Optional<GradeRun> run(Scope scope, long id) {
        CurrentUser.require(scope.canManageRegion(), "grading runs");
        return store.run(id);
    }

    /** Region and sandbox runs, newest first. */
    public List<GradeRun> runs(Scope scope, List<String> kinds, int limit) {
        CurrentUser.require(scope.canManageRegion(), "grading runs");
        return store.runs(kinds, limit);
    }

    /** Firms per eligible tier of a run (plus CHAMPION). */
    public Map<String, Long> pyramid(Scope scope, long runId) {
        CurrentUser.require(scope.canManageRegion(), "grading runs");
        return store.pyramid(runId);
    }

    /** The latest finished region run of official grades. */
    public Optional<GradeRun> latestRegionRun() {
        return store.latestRegion(null);
    }
}

package cn.srdi.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.ApplicationType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class GradingServiceIT {

    static final LocalDate DATE = LocalDate.of(2026, 6, 1);

    @Autowired
    GradingService grading;
    @Autowired
    SandboxService sandbox;
    @Autowired
    GradingRules rules;
    @Autowired
    RegistryStore registry;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @AfterEach
    void removeTheFirmsThisTestCreated() {
        TestFirms.deleteCreated(jdbc);
    }

    @Test
    void theDemoRegionIsGradedOnFirstStart() {
        long records = jdbc.sql("select count(*) from grade_record g join grade_run r on r.id = g.run_id "
                + "where r.kind = 'REGION' and r.status = 'DONE' and r.started_by = 'system'").query(Long.class).single();
        assertThat(records).isPositive();
    }

    @Test
    void gradingOneFirmStoresARecordWithItsInputSnapshotAndTheDigestOfTheRules() {
        String code = TestFirms.create(registry, tm, "DADI", 2025, TestFirms.almostSrdi2026());
        StoredGrade g = grading.gradeFirm(Scope.system(), code, DATE, RuleChoice.auto(), ApplicationType.NEW);

        assertThat(g.kind()).isEqualTo(GradeRun.SINGLE);
        assertThat(g.snapshot()).contains("\"credit_code\":\"" + code + "\"").contains("\"rd_expense_y1\":\"140\"");
        assertThat(g.rulesDigest()).hasSize(64).isEqualTo(rules.compile(RuleChoice.auto(), DATE).digest());
        assertThat(g.summary().ruleSets()).isEqualTo("cn-2026;champion-2023");
        assertThat(g.summary().eligibleTier()).isEqualTo("TECH_INNOVATIVE");
        assertThat(g.summary().nextTier()).isEqualTo("SRDI");
        assertThat(g.summary().failing()).contains("SRDI:SRDI26.RD");
        String stored = jdbc.sql("select snapshot from grade_record where run_id = ? and credit_code = ?")
                .params(g.runId(), code).query(String.class).single();
        assertThat(stored).isEqualTo(g.snapshot());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'GRADE_FIRM' and entity_id = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(grading.history(Scope.system(), code)).extracting(StoredGrade::runId).containsExactly(g.runId());
    }

    @Test
    void aDigestNamesTheSettingsItWasComputedWith() {
        String plain = rules.compile(RuleChoice.auto(), DATE).digest();
        String lowered = rules.compile(new RuleChoice("auto", Map.of("SRDI26.RD.min_ratio", "2.5")), DATE).digest();
        String forced = rules.compile(RuleChoice.of("cn-2022"), DATE).digest();
        assertThat(lowered).isNotEqualTo(plain);
        assertThat(forced).isNotEqualTo(plain);
        assertThat(rules.compile(new RuleChoice("auto", Map.of()), DATE).digest()).isEqualTo(plain);
    }

    @Test
    void aFirmWithoutIndicatorsForTheBaseYearGetsAClearBilingualMessage() {
        String code = TestFirms.create(registry, tm, "LIJIA", 2025, null);
        assertThatThrownBy(() -> grading.gradeFirm(Scope.system(), code, DATE, RuleChoice.auto(), ApplicationType.NEW))
                .isInstanceOfSatisfying(BilingualException.class, e -> {
                    assertThat(e.zh()).contains("2025").contains("指标");
                    assertThat(e.en()).contains("no indicators for fiscal 2025");
                });
    }

    @Test
    void reproducingAStoredGradeFromItsSnapshotGivesTheStoredSummary() {
        String code = TestFirms.create(registry, tm, "LIJIA", 2025, TestFirms.almostSrdi2026());
        StoredGrade g = grading.gradeFirm(Scope.system(), code, DATE, RuleChoice.of("cn-2022"), ApplicationType.NEW);
        GradingService.Reproduction r = grading.reproduce(Scope.system(), g.runId(), code);
        assertThat(r.sameRules()).isTrue();
        assertThat(r.recomputed()).isEqualTo(r.stored());
        assertThat(r.equal()).isTrue();
        assertThat(r.stored().ruleSets()).startsWith("cn-2022");

        // and every record of the demo region's run as well
        GradeRun region = grading.latestRegionRun().orElseThrow();
        List<String> codes = jdbc.sql("select credit_code from grade_record where run_id = ? order by credit_code fetch first 40 rows only")
                .param(region.id()).query(String.class).list();
        assertThat(codes).isNotEmpty();
        for (String c : codes) {
            assertThat(grading.reproduce(Scope.system(), region.id(), c).equal()).as(c).isTrue();
        }
    }

    @Test
    void aRegionRunGradesEveryFirmUpdatesItsProgressAndPublishesRegionGraded() throws Exception {
        List<RegionGraded> published = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
            if (e.getPayload() instanceof RegionGraded rg) {
                published.add(rg);
            }
        };
        context.addApplicationListener(listener);
        try {
            GradeRun started = grading.startRegionRun(Scope.system(), DATE, RuleChoice.auto());
            assertThat(started.kind()).isEqualTo(GradeRun.REGION);
            GradeRun run = await(started.id());
            assertThat(run.status()).isEqualTo(GradeRun.DONE);
            assertThat(run.total()).isEqualTo((int) registry.count(Scope.system()));
            assertThat(run.done()).isEqualTo(run.total());
            long records = jdbc.sql("select count(*) from grade_record where run_id = ?").param(run.id()).query(Long.class).single();
            assertThat(records).isEqualTo(run.done() - run.skipped());
            assertThat(published).extracting(RegionGraded::runId).contains(run.id());
            RegionGraded event = published.stream().filter(e -> e.runId() == run.id()).findFirst().orElseThrow();
            assertThat(event.graded()).isEqualTo((int) records);
            assertThat(event.eligible().values().stream().mapToLong(Long::longValue).sum()
                    - event.eligible().getOrDefault("CHAMPION", 0L)).isEqualTo(records);
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void aSecondRegionRunIsRefusedWhileOneIsRunning() {
        long running = jdbc.sql("select count(*) from grade_run").query(Long.class).single();
        jdbc.sql("insert into grade_run (kind, rules, rules_digest, assessment_date, started_by, started_at, status, total, done) "
                + "values ('REGION', 'auto', 'x', ?, 'someone', current_timestamp, 'RUNNING', 300, 17)").param(DATE).update();
        long id = jdbc.sql("select max(id) from grade_run").query(Long.class).single();
        try {
            assertThatThrownBy(() -> grading.startRegionRun(Scope.system(), DATE, RuleChoice.auto()))
                    .isInstanceOfSatisfying(BilingualException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(e.en()).contains("#" + id).contains("in progress");
                        assertThat(e.zh()).contains("正在进行");
                    });
            assertThat(jdbc.sql("select count(*) from grade_run").query(Long.class).single()).isEqualTo(running + 1);
        } finally {
            jdbc.sql("update grade_run set status = 'FAILED' where id = ?").param(id).update();
        }
    }

    @Test
    void theSandboxWithALowerRdThresholdGainsFirmsAndLosesNone() {
        String code = TestFirms.create(registry, tm, "TIANHAIXING", 2025, TestFirms.almostSrdi2026());
        GradeRun run = sandbox.run(Scope.system(), DATE, "auto", Map.of("SRDI26.RD.min_ratio", "2.5"));
        assertThat(run.kind()).isEqualTo(GradeRun.SANDBOX);
        assertThat(run.settings()).contains("SRDI26.RD.min_ratio=2.5");

        SandboxService.Comparison cmp = sandbox.compare(Scope.system(), run.id());
        assertThat(cmp.tiers()).allSatisfy(t -> assertThat(t.lost()).as(t.tier()).isZero());
        SandboxService.TierChange srdi = cmp.tiers().stream().filter(t -> t.tier().equals("SRDI")).findFirst().orElseThrow();
        assertThat(srdi.gained()).isPositive();
        assertThat(srdi.sandbox()).isEqualTo(srdi.base() + srdi.gained());
        assertThat(cmp.lostTotal()).isZero();
        assertThat(cmp.changes()).anySatisfy(c -> {
            assertThat(c.creditCode()).isEqualTo(code);
            assertThat(c.baseTier()).isEqualTo("TECH_INNOVATIVE");
            assertThat(c.newTier()).isEqualTo("SRDI");
        });
        assertThat(cmp.byPark()).anySatisfy(b -> assertThat(b.key()).isEqualTo("TIANHAIXING"));
        assertThat(cmp.bySection()).anySatisfy(b -> assertThat(b.key()).isEqualTo("C"));
        // the sandbox never becomes an official grade
        assertThat(grading.history(Scope.system(), code)).isEmpty();
    }

    @Test
    void theSandboxRefusesAnUnknownKeyOrABadValueWithTheEnginesMessage() {
        long runs = jdbc.sql("select count(*) from grade_run").query(Long.class).single();
        assertThatThrownBy(() -> sandbox.run(Scope.system(), DATE, "auto", Map.of("SRDI26.RD.no_such_key", "1")))
                .isInstanceOfSatisfying(BilingualException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.en()).contains("SRDI26.RD.no_such_key").contains("no rule set has this key");
                    assertThat(e.zh()).contains("没有任何规则集使用这个键");
                });
        assertThatThrownBy(() -> sandbox.run(Scope.system(), DATE, "auto", Map.of("SRDI26.RD.min_ratio", "lots")))
                .isInstanceOfSatisfying(BilingualException.class, e -> assertThat(e.en()).contains("expected a number"));
        assertThatThrownBy(() -> sandbox.run(Scope.system(), DATE, "cn-2030", Map.of()))
                .isInstanceOfSatisfying(BilingualException.class, e -> assertThat(e.en()).contains("no rule set named cn-2030"));
        assertThat(jdbc.sql("select count(*) from grade_run").query(Long.class).single()).isEqualTo(runs);
    }

    private GradeRun await(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        GradeRun r = grading.run(Scope.system(), id).orElseThrow();
        while (r.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = grading.run(Scope.system(), id).orElseThrow();
        }
        return r;
    }
}

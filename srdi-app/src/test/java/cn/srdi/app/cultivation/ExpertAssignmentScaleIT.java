package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 4's figure "a round with 5,000 applications and 200 experts is assigned" measured on the
 * service path, with its database writes: {@link CultivationService#assignExperts} (what the round
 * page's button and the REST call run) reads the cases in expert review, their reviews and the
 * declared conflicts, draws the experts ({@code ExpertAssigner}) and writes, in one transaction, one
 * {@code cult_review} row and one to-do per drawn expert and one audit record per case. Loads
 * {@code srdi.assign.cases} (default 5,000) firms and cases in expert review, {@code srdi.assign.experts}
 * (default 200) experts (half of them in a park) and {@code srdi.assign.conflicts} (default 2,000)
 * declared conflicts; 3 experts per case. Prints wall and CPU time of the assigning thread and the
 * load average; checks that no conflict is broken; never asserts a time. Runs only with
 * {@code -Dsrdi.scale=true}, on its own database: in-memory H2, or {@code -Dsrdi.scale.url}
 * (PostgreSQL, e.g. {@code -Dsrdi.scale.url=jdbc:postgresql://127.0.0.1:5432/test -Dsrdi.scale.user=postgres}).
 *
 * <pre>mvn -o -q -B -pl srdi-app verify -Dit.test=ExpertAssignmentScaleIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dsrdi.scale=true -Dsrdi.it.pg.skip=true</pre>
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${srdi.scale.url:jdbc:h2:mem:srdi-assign;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${srdi.scale.user:sa}", "spring.datasource.password=${srdi.scale.password:}"})
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "srdi.scale", matches = "true")
class ExpertAssignmentScaleIT {

    static final String[] PARKS = {"LIJIA", "DADI", "ZHAOMUSHAN", "XIYONG"};

    @Autowired
    CultivationService service;
    @Autowired
    JdbcTemplate template;

    @Test
    void aRoundOf5000ApplicationsAnd200ExpertsIsAssignedWithItsWrites() {
        int cases = Integer.getInteger("srdi.assign.cases", 5_000);
        int experts = Integer.getInteger("srdi.assign.experts", 200);
        int conflicts = Integer.getInteger("srdi.assign.conflicts", 2_000);
        int runs = Integer.getInteger("srdi.assign.runs", 3);
        String tag = String.format("%4s", Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase()).replace(' ', '0');
        Random rnd = new Random(4);
        LocalDateTime now = LocalDateTime.now();
        Timestamp ts = Timestamp.valueOf(now);
        List<String> parks = template.queryForList("select id from park order by id", String.class);

        // firms, experts (users of role EXPERT, registered, half of them in a park), conflicts
        List<Object[]> firms = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String park = i % 5 == 4 ? null : parks.get(i % parks.size());
            firms.add(new Object[] {"91S" + tag + String.format("%011d", i), "压测企业 " + i, "C3563", "500000", "重庆市",
                    park, ts, ts});
        }
        template.batchUpdate("insert into enterprise (credit_code, name, industry_code, region_code, region_name, park_id, "
                + "created_at, updated_at) values (?,?,?,?,?,?,?,?)", firms);
        List<Object[]> users = new ArrayList<>();
        List<Object[]> registered = new ArrayList<>();
        // the demo's experts stay registered: take them out so the pool is exactly the generated one
        template.update("update cult_expert set active = false");
        for (int i = 0; i < experts; i++) {
            String u = String.format("scale-x%03d-%s", i, tag.toLowerCase());
            users.add(new Object[] {u, "{noop}x", "压测专家 " + i, Role.EXPERT.name(), true});
            registered.add(new Object[] {u, i % 2 == 0 ? parks.get(i % parks.size()) : null, "压测领域"});
        }
        template.batchUpdate("insert into app_user (username, password_hash, display_name, role, enabled) values (?,?,?,?,?)", users);
        template.batchUpdate("insert into cult_expert (username, park_id, field, active) values (?,?,?,true)", registered);
        java.util.Set<String> pairs = new java.util.HashSet<>();
        List<Object[]> conflictRows = new ArrayList<>();
        while (conflictRows.size() < conflicts) {
            String u = (String) registered.get(rnd.nextInt(experts))[0];
            String c = (String) firms.get(rnd.nextInt(cases))[0];
            if (pairs.add(u + "|" + c)) {
                conflictRows.add(new Object[] {u, c, "压测回避", ts});
            }
        }
        template.batchUpdate("insert into cult_conflict (username, credit_code, reason, declared_at) values (?,?,?,?)", conflictRows);
        Scope official = new Scope("official", Role.OFFICIAL, Set.of(), null, null);

        for (int run = 1; run <= runs; run++) {
            Round r = service.createRound(official, new CultivationService.RoundInput("SRDI", "压测批次 " + run, LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 11, 30), "auto", null, List.of("EXPERT"), true, 3, 5));
            List<Object[]> rows = new ArrayList<>();
            for (Object[] f : firms) {
                rows.add(new Object[] {r.id(), f[0], f[5], CaseState.EXPERT_REVIEW.name(), "PASS", ts, ts, ts});
            }
            template.batchUpdate("insert into cult_case (round_id, credit_code, park_id, state, self_status, submitted_at, created_at, "
                    + "updated_at) values (?,?,?,?,?,?,?,?)", rows);

            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            String load = loadAverage();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            CultivationService.Assignment a = service.assignExperts(official, r.id(), null);
            double wall = (System.nanoTime() - w0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("assign harness (%s) run %d: %,d cases, %,d experts, %,d conflicts, %,d reviews written, %d short; "
                            + "wall %.2f s, assigning thread CPU %.2f s; load before %s, after %s%n", dbName(), run, a.cases(), experts,
                    conflicts, a.reviews(), a.shortfalls().size(), wall, cpu, load, loadAverage());

            // what was written, and no conflict broken
            long reviews = count("select count(*) from cult_review v join cult_case c on c.id = v.case_id where c.round_id = ?", r.id());
            long todos = count("select count(*) from notification n where n.kind = 'CULT_EXPERT_REVIEW' and n.subject_ref in "
                    + "(select 'cult_review:' || v.id from cult_review v join cult_case c on c.id = v.case_id where c.round_id = ?)", r.id());
            long audits = count("select count(*) from audit_event where action = 'CASE_ASSIGN_EXPERTS' and entity_id in "
                    + "(select cast(id as varchar(20)) from cult_case where round_id = ?)", r.id());
            System.out.printf("assign harness run %d: written %,d cult_review, %,d to-dos, %,d audit records%n", run, reviews, todos, audits);
            assertThat(a.cases()).isEqualTo(cases);
            assertThat(reviews).isEqualTo(3L * cases);
            assertThat(todos).isEqualTo(reviews);
            assertThat(audits).isEqualTo(cases);
            assertThat(count("select count(*) from cult_review v join cult_case c on c.id = v.case_id join cult_expert x "
                    + "on x.username = v.reviewer where c.round_id = ? and x.park_id = c.park_id", r.id())).as("same park").isZero();
            assertThat(count("select count(*) from cult_review v join cult_case c on c.id = v.case_id join cult_conflict k "
                    + "on k.username = v.reviewer and k.credit_code = c.credit_code where c.round_id = ?", r.id())).as("conflict").isZero();
            assertThat(count("select count(*) from (select v.case_id, v.reviewer from cult_review v join cult_case c on c.id = v.case_id "
                    + "where c.round_id = ? group by v.case_id, v.reviewer having count(*) > 1) d", r.id())).as("twice").isZero();
        }
    }

    long count(String sql, Object... args) {
        return template.queryForObject(sql, Long.class, args);
    }

    String dbName() {
        try (var c = template.getDataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return "?";
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}

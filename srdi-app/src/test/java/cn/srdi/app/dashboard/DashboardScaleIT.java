package cn.srdi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.srdi.app.identity.SrdiUser;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.engine.reference.CreditCode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Measures the dashboard pages with a large region (default 100,000 firms, one region grade):
 * not a test of correctness and never a timing assertion — it prints p50/p95 per page. Runs only
 * with {@code -Dsrdi.scale=true} (its own database: a separate in-memory H2, or the one given in
 * {@code -Dsrdi.scale.url}); {@code -Dsrdi.scale.firms=N} sets the size.
 *
 * <pre>mvn -o -q -B -pl srdi-app verify -Dit.test=DashboardScaleIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dsrdi.scale=true</pre>
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${srdi.scale.url:jdbc:h2:mem:srdi-scale;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${srdi.scale.user:sa}", "spring.datasource.password=${srdi.scale.password:}"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "srdi.scale", matches = "true")
class DashboardScaleIT {

    private static final String[] TIERS = {"INNOVATIVE", "TECH_INNOVATIVE", "SRDI", "LITTLE_GIANT", "CHAMPION"};
    private static final String[] PARKS = {"LIJIA", "ZHAOMUSHAN", "DADI", "TIANHAIXING", null};
    private static final String[] FOCUS = {"DIGITAL", "BIOMEDICINE", "VEHICLES", "EQUIPMENT", null};
    private static final String[] CODES = {"C3670", "C3612", "C3841", "C3824", "I6510", "I6520", "C2720", "C3581", "M7320", "C3491"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    @Test
    void dashboardPagesWithALargeRegion() throws Exception {
        int n = Integer.getInteger("srdi.scale.firms", 100_000);
        long existing = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        if (existing < n) {
            load(n - (int) existing);
        }
        SrdiUser official = (SrdiUser) accounts.loadUserByUsername("official");
        SrdiUser park = (SrdiUser) accounts.loadUserByUsername("park-dadi");
        SrdiUser bank = (SrdiUser) accounts.loadUserByUsername("bank");
        long plan = jdbc.sql("select max(id) from action_plan").query(Long.class).single();
        List<String[]> pages = List.of(
                new String[] {"official", "/dashboard"},
                new String[] {"official", "/dashboard?hx"},
                new String[] {"official", "/dashboard?industry=C"},
                new String[] {"park", "/dashboard"},
                new String[] {"bank", "/dashboard"},
                new String[] {"official", "/api/v1/dashboard/pyramid"},
                new String[] {"official", "/dashboard/candidates"},
                new String[] {"official", "/api/v1/dashboard/candidates"},
                new String[] {"official", "/api/v1/dashboard/expiring"},
                new String[] {"official", "/dashboard/candidates?rung=SRDI&industry=VEHICLES"},
                new String[] {"park", "/dashboard/candidates"},
                new String[] {"official", "/dashboard/expiring"},
                new String[] {"official", "/plans"},
                new String[] {"official", "/plans/" + plan});
        String profile = System.getProperty("srdi.scale.profile");
        if (profile != null) {
            profile(profile, official);
            return;
        }
        System.out.printf("%n%-8s %-52s %8s %8s %8s %10s %10s%n", "user", "page", "p50 ms", "p95 ms", "max ms", "cpu p50", "cpu p95");
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String[] p : pages) {
            SrdiUser u = p[0].equals("official") ? official : p[0].equals("park") ? park : bank;
            boolean hx = p[1].endsWith("?hx");
            String url = hx ? p[1].substring(0, p[1].length() - 3) : p[1];
            java.util.function.Supplier<org.springframework.test.web.servlet.RequestBuilder> req = () -> hx
                    ? get(url).header("HX-Request", "true").with(user(u)) : get(url).with(user(u));
            for (int i = 0; i < 15; i++) {
                mvc.perform(req.get()).andReturn();
            }
            int runs = 40;
            double[] ms = new double[runs];
            double[] cms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int status = mvc.perform(req.get()).andReturn().getResponse().getStatus();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cms[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                assertThat(status).isEqualTo(200);
            }
            Arrays.sort(ms);
            Arrays.sort(cms);
            int p95 = (int) Math.ceil(runs * 0.95) - 1;
            System.out.printf("%-8s %-52s %8.1f %8.1f %8.1f %10.1f %10.1f%n", p[0], p[1], ms[runs / 2], ms[p95],
                    ms[runs - 1], cms[runs / 2], cms[p95]);
        }
    }

    /** A poor man's sampling profiler of one page (JFR's printer is broken on this JDK). */
    private void profile(String url, SrdiUser u) throws Exception {
        for (int i = 0; i < 30; i++) {
            mvc.perform(get(url).with(user(u))).andReturn();
        }
        Thread main = Thread.currentThread();
        java.util.Map<String, Integer> self = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, Integer> incl = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean on = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (on.get()) {
                StackTraceElement[] st = main.getStackTrace();
                if (st.length > 0) {
                    self.merge(st[0].getClassName() + "." + st[0].getMethodName(), 1, Integer::sum);
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (StackTraceElement e : st) {
                        String k = e.getClassName() + "." + e.getMethodName();
                        if (seen.add(k)) {
                            incl.merge(k, 1, Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        for (int i = 0; i < 60; i++) {
            mvc.perform(get(url).with(user(u))).andReturn();
        }
        on.set(false);
        sampler.join();
        System.out.println("SELF");
        self.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> System.out.println("PROF " + e.getValue() + " " + e.getKey()));
        System.out.println("INCL");
        incl.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(150)
                .forEach(e -> System.out.println("PROF " + e.getValue() + " " + e.getKey()));
    }

    private void load(int n) {
        long t0 = System.nanoTime();
        Random rnd = new Random(7);
        LocalDate today = Dashboards.today();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into grade_run (kind, rules, rules_digest, assessment_date, started_by, started_at, finished_at, status, total, done) "
                        + "values ('REGION', 'auto', 'scale', ?, 'scale', ?, ?, 'DONE', ?, ?)")
                .params(Date.valueOf(today), now, now, n, n).update(keys, "id");
        long run = keys.getKey().longValue();
        List<Object[]> firms = new ArrayList<>();
        List<Object[]> titles = new ArrayList<>();
        List<Object[]> grades = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = CreditCode.withCheckCharacter(String.format("9250%013d", i));
            int k = rnd.nextInt(PARKS.length);
            String ind = CODES[rnd.nextInt(CODES.length)];
            firms.add(new Object[] {code, "规模测试企业" + i, ind, "测试区", PARKS[k], FOCUS[k], now, now});
            int r = rnd.nextInt(100);
            if (r < 40) {
                LocalDate on = today.minusDays(rnd.nextInt(3 * 365));
                titles.add(new Object[] {code, TIERS[r < 30 ? 0 : r < 36 ? 2 : r < 39 ? 3 : 4], Date.valueOf(on),
                        Date.valueOf(on.plusYears(3).minusDays(1)), r % 13 == 0 ? "REVOKED" : "ACTIVE"});
            }
            int g = rnd.nextInt(100);
            String eligible = g < 40 ? "NONE" : g < 80 ? "INNOVATIVE" : g < 95 ? "SRDI" : "LITTLE_GIANT";
            String next = g < 40 ? "INNOVATIVE" : g < 80 ? "SRDI" : g < 95 ? "LITTLE_GIANT" : null;
            grades.add(new Object[] {run, code, PARKS[k], ind, eligible, next, next == null ? null : 1 + rnd.nextInt(5),
                    g < 40 ? "FAIL" : "PASS", g % 50 == 0 ? "PASS" : "FAIL", next == null ? null : "SRDI.RD,SRDI.SCALE"});
            if (firms.size() == 5000 || i == n - 1) {
                template.batchUpdate("insert into enterprise (credit_code, name, industry_code, region_name, park_id, focus_industry, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", firms);
                template.batchUpdate("insert into enterprise_title (credit_code, tier, recognised_on, expires_on, status) "
                        + "values (?, ?, ?, ?, ?)", titles);
                template.batchUpdate("insert into grade_record (run_id, credit_code, park_id, industry_code, rule_sets, "
                        + "eligible_tier, next_tier, next_gap_count, status_innovative, status_champion, failing, snapshot) "
                        + "values (?, ?, ?, ?, 'cn-2022,champion-2023', ?, ?, ?, ?, ?, ?, '')", grades);
                firms.clear();
                titles.clear();
                grades.clear();
            }
        }
        System.out.printf("loaded %d firms in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
    }
}

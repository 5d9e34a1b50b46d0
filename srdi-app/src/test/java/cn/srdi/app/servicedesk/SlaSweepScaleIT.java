package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 5's figure "SLA sweeps over 1,000,000 open requests": loads {@code srdi.sweep.requests}
 * (default 1,000,000) open requests into {@code sd_request} as they stand after a sweep at
 * {@link #LAST} (due and near instants from the real {@link SlaTimes}, escalation level and
 * {@code next_check_at} as the sweep leaves them), then runs the application's own
 * {@link ServiceDesk#sweep()} (what the scheduled {@code SlaSweepJob} calls) on the movable clock at
 * three instants of the same working day: a quiet minute, 18:00 (the NEAR instant of requests
 * raised the day before) and midnight (every deadline of the day falls due at 24:00). Prints, per
 * sweep, the rows due, the rows changed, wall and CPU time. Measures, never asserts a time. Runs
 * only with {@code -Dsrdi.scale=true}, on its own database: in-memory H2, or {@code -Dsrdi.scale.url}
 * (PostgreSQL: see {@code srdi-bench/app/sweep.sh}).
 *
 * <pre>mvn -o -q -B -pl srdi-app verify -Dit.test=SlaSweepScaleIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dsrdi.scale=true -Dsrdi.it.pg.skip=true</pre>
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${srdi.scale.url:jdbc:h2:mem:srdi-sweep;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${srdi.scale.user:sa}", "spring.datasource.password=${srdi.scale.password:}",
        "srdi.servicedesk.sweep-enabled=false"})
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
@EnabledIfSystemProperty(named = "srdi.scale", matches = "true")
class SlaSweepScaleIT {

    /** The previous sweep: a Tuesday morning of a covered year, no holiday near. */
    static final LocalDateTime LAST = LocalDateTime.of(2026, 3, 17, 10, 0);

    @Autowired
    ServiceDesk desk;
    @Autowired
    SlaTimes times;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate template;

    record Firm(String code, String park) {
    }

    @Test
    void sweepOverAMillionOpenRequests() {
        int n = Integer.getInteger("srdi.sweep.requests", 1_000_000);
        long t0 = System.nanoTime();
        load(n);
        settle();
        long open = template.queryForObject("select count(*) from sd_request where status not in ('RESOLVED', 'CLOSED')", Long.class);
        System.out.printf("sweep harness (%s): %,d open requests in sd_request (%,d loaded in %.1f s)%n", dbName(), open, n,
                (System.nanoTime() - t0) / 1e9);
        // -Dsrdi.sweep.at=quiet,18,24 chooses the sweeps (in this order; each sees what the earlier left)
        List<String> at = List.of(System.getProperty("srdi.sweep.at", "quiet,18,24").split(","));
        System.out.printf("sweep harness: SLA arithmetic (SlaTimes.stage on the calendar's SlaClock) %,d evaluations, %.2f µs each (wall, loaded machine)%n",
                evaluations, arithmeticNanos / 1e3 / Math.max(1, evaluations));
        if (at.contains("quiet")) {
            sweepAt(LAST.plusMinutes(1), "quiet minute");
        }
        if (at.contains("18")) {
            sweepAt(LAST.withHour(18).plusSeconds(30), "18:00, NEAR of yesterday's requests");
        }
        if (at.contains("24")) {
            sweepAt(LAST.toLocalDate().plusDays(1).atStartOfDay().plusSeconds(30), "24:00, the day's deadlines");
        }
    }

    /**
     * The tables as a database that gathered its open requests over weeks has them, not as a bulk
     * load leaves them: on PostgreSQL, VACUUM ANALYZE (visibility map and hint bits set, statistics
     * current; without it the first sweep sets the hint bits of every row it reads while autovacuum
     * works through the same fresh million rows beside it), on H2 ANALYZE.
     */
    void settle() {
        long t0 = System.nanoTime();
        boolean pg = "PostgreSQL".equals(dbName());
        for (String table : List.of("sd_request", "sd_request_clock", "sd_request_event", "notification", "audit_event")) {
            template.execute((pg ? "vacuum analyze " : "analyze table ") + table);
        }
        System.out.printf("sweep harness: %s the request tables in %.1f s%n", pg ? "vacuum analyze of" : "analyze of",
                (System.nanoTime() - t0) / 1e9);
    }

    String dbName() {
        try {
            return template.getDataSource().getConnection().getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return "?";
        }
    }

    void sweepAt(LocalDateTime at, String what) {
        clock.set(at);
        long due = template.queryForObject("select count(*) from sd_request_clock where next_check_at <= ?", Long.class, Timestamp.valueOf(at));
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        String load0 = loadAverage();
        double db0 = databaseCpu();
        double jvm0 = processCpu();
        double threads0 = sweepThreadsCpu(mx);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        int changed = desk.sweep();
        double wall = (System.nanoTime() - w0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double threads = sweepThreadsCpu(mx) - threads0;
        double jvm = processCpu() - jvm0;
        double db = databaseCpu() - db0;
        System.out.printf("sweep at %s (%s): %,d due, %,d changed, wall %.2f s, sweep thread CPU %.2f s, sweep + sla-sweep "
                        + "threads CPU %.2f s, JVM CPU (all threads, GC included) %.2f s, %s, %.0f changed/s, load %s -> %s%n",
                at, what, due, changed, wall, cpu, threads, jvm, db0 < 0 ? "H2 in the JVM"
                        : String.format("PostgreSQL backends CPU %.2f s", db),
                changed / Math.max(wall, 1e-9), load0, loadAverage());
        assertThat(changed).isLessThanOrEqualTo((int) due);
        long left = template.queryForObject("select count(*) from sd_request_clock where next_check_at <= ?", Long.class, Timestamp.valueOf(at));
        assertThat(left).as("rows still due after the sweep").isZero();
    }

    /** CPU seconds of this thread and of the sweep's helper threads ({@code sla-sweep-*}). */
    static double sweepThreadsCpu(java.lang.management.ThreadMXBean mx) {
        long sum = mx.getCurrentThreadCpuTime();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("sla-sweep-")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum / 1e9;
    }

    /** CPU seconds (user + system) of this JVM, all its threads (GC included), from /proc; 0 where there is none. */
    static double processCpu() {
        return cpuOf(java.nio.file.Path.of("/proc/self/stat"));
    }

    /**
     * CPU seconds of the PostgreSQL backends serving this harness's database (their process titles
     * name it), from /proc; -1 on H2 (the database runs in the sweep thread) or without /proc.
     */
    double databaseCpu() {
        String url = System.getProperty("srdi.scale.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            return -1;
        }
        String db = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        double sum = 0;
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path d : (Iterable<java.nio.file.Path>) dirs::iterator) {
                if (!d.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String cmd = java.nio.file.Files.readString(d.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.startsWith("postgres: ") && cmd.contains(" " + db + " ")) {
                        sum += cpuOf(d.resolve("stat"));
                    }
                } catch (java.io.IOException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return sum;
    }

    static double cpuOf(java.nio.file.Path stat) {
        try {
            String s = java.nio.file.Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
        } catch (Exception e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    /**
     * Open requests raised uniformly over the 25 days before {@link #LAST}: younger than a day still
     * to be accepted, up to four days old to be replied to, older in resolution; every stage's
     * deadlines from {@link SlaTimes} (working days on the official calendar), and the escalation
     * level and next check the sweep at {@link #LAST} would have left.
     */
    long arithmeticNanos;
    long evaluations;

    void load(int n) {
        List<Firm> firms = template.query("select credit_code, park_id from enterprise order by credit_code",
                (rs, i) -> new Firm(rs.getString(1), rs.getString(2)));
        List<String> departments = template.queryForList("select id from sd_department order by id", String.class);
        String[] categories = {"FINANCE", "TALENT", "LAND", "TECHNOLOGY", "MARKET", "POLICY", "PERMITS", "OTHER"};
        int[] d = {desk.properties().acceptDays(), desk.properties().replyDays(), desk.properties().resolveDays()};
        Random rnd = new Random(5);
        long span = 25L * 86_400;
        int batch = 5_000;
        // explicit ids after the existing rows (the reference number is computed from the id by the
        // database), the clock rows keyed by them; the identity restarts after the last one
        long firstId = template.queryForObject("select coalesce(max(id), 0) + 1 from sd_request", Long.class);
        for (int from = 0; from < n; from += batch) {
            int size = Math.min(batch, n - from);
            List<Object[]> rows = new ArrayList<>(size);
            List<Object[]> clocks = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int k = from + i;
                LocalDateTime created = LAST.minusSeconds(1 + (long) (rnd.nextDouble() * span));
                long ageHours = java.time.Duration.between(created, LAST).toHours();
                String status = ageHours < 20 ? "SUBMITTED" : ageHours < 80 ? "ACCEPTED" : "REPLIED";
                long a0 = System.nanoTime();
                SlaTimes.Stage accept = times.stage(created, d[0], List.of(), LAST);
                SlaTimes.Stage reply = times.stage(created, d[1], List.of(), LAST);
                SlaTimes.Stage resolve = times.stage(created, d[2], List.of(), LAST);
                arithmeticNanos += System.nanoTime() - a0;
                evaluations += 3;
                SlaTimes.Stage running = status.equals("SUBMITTED") ? accept : status.equals("ACCEPTED") ? reply : resolve;
                String stage = status.equals("SUBMITTED") ? "ACCEPT" : status.equals("ACCEPTED") ? "REPLY" : "RESOLVE";
                int esc = !LAST.isBefore(running.due()) ? 2 : !LAST.isBefore(running.near()) ? 1 : 0;
                LocalDateTime next = esc == 0 ? running.near() : esc == 1 ? running.due() : null;
                Firm f = firms.get(k % firms.size());
                LocalDateTime acceptedAt = status.equals("SUBMITTED") ? null : created.plusHours(2);
                LocalDateTime repliedAt = status.equals("REPLIED") ? created.plusHours(30) : null;
                rows.add(new Object[] {firstId + k, f.code(), f.park(), categories[k % categories.length],
                        "压测诉求 " + k, "批量生成的诉求，用于计时 SLA 巡检。", status, departments.get(k % departments.size()),
                        "bench", ts(created), ts(acceptedAt), ts(repliedAt), ts(accept.due()),
                        repliedAt == null ? ts(reply.due()) : ts(reply.due()), ts(resolve.due()), stage, ts(running.due()),
                        ts(running.near()), ts(created)});
                clocks.add(new Object[] {firstId + k, esc, ts(next)});
            }
            template.batchUpdate("insert into sd_request (id, credit_code, park_id, category, subject, body, status, "
                    + "department_id, created_by, created_at, accepted_at, first_reply_at, accept_due_at, reply_due_at, "
                    + "resolve_due_at, sla_stage, due_at, near_at, resolve_from) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            Object[] r = rows.get(i);
                            for (int c = 0; c < r.length; c++) {
                                if (r[c] == null) {
                                    ps.setNull(c + 1, c == 2 ? java.sql.Types.VARCHAR : java.sql.Types.TIMESTAMP);
                                } else {
                                    ps.setObject(c + 1, r[c]);
                                }
                            }
                        }

                        @Override
                        public int getBatchSize() {
                            return rows.size();
                        }
                    });
            template.batchUpdate("insert into sd_request_clock (request_id, escalation, next_check_at) values (?, ?, ?)", clocks);
        }
        template.execute("alter table sd_request alter column id restart with " + (firstId + n));
    }

    static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }
}

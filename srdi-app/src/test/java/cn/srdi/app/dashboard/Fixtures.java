package cn.srdi.app.dashboard;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.SrdiUser;
import cn.srdi.engine.reference.CreditCode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Test data of a fresh park of its own: firms, titles, a finished region grade run. */
final class Fixtures {

    private static final Random RND = new Random();

    final JdbcClient jdbc;
    final String park;
    final LocalDate today = Dashboards.today();

    Fixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.park = "T" + Long.toString(Math.abs(RND.nextLong()), 36).toUpperCase();
        jdbc.sql("insert into park (id, name_zh, name_en, focus_industry) values (?, ?, ?, ?)")
                .params(park, "测试园区" + park, "Test park " + park, "VEHICLES").update();
    }

    SrdiUser operator() {
        return new SrdiUser("op-" + park, "x", true, "测试园区运营", Role.PARK_OPERATOR, Set.of(park), null, null);
    }

    static SrdiUser user(Role role) {
        return new SrdiUser("t-" + role.name().toLowerCase(), "x", true, "测试 " + role.name(), role, Set.of(), null, null);
    }

    String firm(String name, String industryCode, String focus) {
        String code;
        do {
            StringBuilder sb = new StringBuilder("91500000");
            for (int i = 0; i < 9; i++) {
                sb.append(RND.nextInt(10));
            }
            code = CreditCode.withCheckCharacter(sb.toString());
        } while (jdbc.sql("select count(*) from enterprise where credit_code = ?").param(code).query(Long.class).single() > 0);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.sql("insert into enterprise (credit_code, name, industry_code, region_name, park_id, focus_industry, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, name + park, industryCode, "测试区", park, focus, now, now).update();
        return code;
    }

    void title(String code, String tier, LocalDate recognised, LocalDate expires, String status) {
        jdbc.sql("insert into enterprise_title (credit_code, tier, recognised_on, expires_on, status) values (?, ?, ?, ?, ?)")
                .params(code, tier, Date.valueOf(recognised), expires == null ? null : Date.valueOf(expires), status).update();
    }

    long run() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into grade_run (kind, rules, rules_digest, assessment_date, started_by, started_at, finished_at, status, total, done) "
                        + "values ('REGION', 'auto', 'test', ?, 'test', ?, ?, 'DONE', 0, 0)")
                .params(Date.valueOf(today), Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A grade record; statuses: innovative, tech, champion (null = not graded). */
    void grade(long run, String code, String industryCode, String eligible, String inn, String tech, String champion,
               String next, Integer gaps, String failing) {
        jdbc.sql("insert into grade_record (run_id, credit_code, park_id, industry_code, rule_sets, eligible_tier, next_tier, "
                        + "next_gap_count, status_innovative, status_tech, status_champion, failing, snapshot) "
                        + "values (?, ?, ?, ?, 'cn-2022,champion-2023', ?, ?, ?, ?, ?, ?, ?, '')")
                .params(run, code, park, industryCode, eligible, next, gaps, inn, tech, champion, failing).update();
    }
}

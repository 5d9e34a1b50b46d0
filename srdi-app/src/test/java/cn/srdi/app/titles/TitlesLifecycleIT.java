package cn.srdi.app.titles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.notification.Notice;
import cn.srdi.app.notification.Notifications;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.IndicatorYear;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.registry.TitleStatus;
import cn.srdi.app.web.BilingualException;
import cn.srdi.engine.model.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Title management end to end on firms made by the test (the demo region is left as it was), with
 * the platform clock moved by the test: recognised → reminders → update missed → flagged →
 * re-review refused and declined → lapsed; recognised → re-review graded by the engine → passed
 * (validity + 3 years); revoked for data fraud → every title revoked → the ban refuses a new
 * application; a change report filed late and acknowledged once.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class TitlesLifecycleIT {

    static final MutableClock CLOCK = new MutableClock();

    @TestBean(name = "clock", methodName = "testClock")
    Clock clock;

    static Clock testClock() {
        return CLOCK;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegistryStore registry;
    @Autowired
    UserAccounts users;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    TitleJobs jobs;
    @Autowired
    Bans bans;
    @Autowired
    Notifications notifications;

    final List<String> firms = new ArrayList<>();
    final List<String> accounts = new ArrayList<>();

    @AfterEach
    void clean() {
        CLOCK.reset();
        for (String u : accounts) {
            jdbc.sql("delete from notification_mail where notification_id in (select id from notification where recipient = ?)").param(u).update();
            jdbc.sql("delete from notification where recipient = ?").param(u).update();
            jdbc.sql("delete from app_user where username = ?").param(u).update();
        }
        for (String code : firms) {
            jdbc.sql("delete from notification where subject_ref like ? or title_zh like ?").params("%" + code + "%", "%" + code + "%").update();
            for (String t : List.of("title_case", "title_update_flag", "title_ban", "change_report", "grade_record",
                    "indicator_change", "indicator_year", "enterprise_title", "enterprise")) {
                jdbc.sql("delete from " + t + " where credit_code = ?").param(code).update();
            }
        }
        jdbc.sql("delete from notification where kind like 'TITLE_%' and subject_ref like 'title:%' and "
                + "cast(substring(subject_ref, 7) as bigint) not in (select id from enterprise_title)").update();
    }

    static String freshCode() {
        return cn.srdi.app.platform.TestCodes.fresh("91500000TT");
    }

    /** A firm that meets every 2026 SRDI condition (R&D 3.2% and 3.3% of revenue). */
    static Map<String, String> srdi2026() {
        return cn.srdi.app.platform.TestIndicators.srdi2026();
    }

    /** A firm of park LIJIA with an enterprise account, indicators of the given fiscal years, and titles; returns its code. */
    String firm(Map<Integer, Map<String, String>> years, List<Title> titles) {
        String code = freshCode();
        firms.add(code);
        String user = "tt-" + code.substring(10, 17).toLowerCase(java.util.Locale.ROOT);
        LocalDateTime now = LocalDateTime.now();
        new TransactionTemplate(tm).executeWithoutResult(s -> {
            registry.upsertEnterprises(List.of(new Enterprise(code, "重庆称号测试企业" + code.substring(10, 16) + "有限公司", "C3563",
                    "500000", "重庆市两江新区", "LIJIA", "EQUIPMENT", null, null, null, null, now, now)));
            List<IndicatorYear> rows = new ArrayList<>();
            years.forEach((fy, m) -> rows.add(new IndicatorYear(code, fy, m)));
            if (!rows.isEmpty()) {
                registry.upsertYears(rows, null, "test");
            }
            List<Title> ts = new ArrayList<>();
            for (Title t : titles) {
                ts.add(new Title(0, code, t.tier(), t.recognisedOn(), t.expiresOn(), t.status(), t.note()));
            }
            registry.insertTitles(ts);
        });
        users.create(new UserAccounts.NewUser(user, "srdi2026", "测试企业用户", Role.ENTERPRISE, null, code, null, null));
        accounts.add(user);
        return code;
    }

    static Title title(Tier tier, LocalDate on, TitleStatus status) {
        return new Title(0, null, tier, on, on.plusYears(3).minusDays(1), status, null);
    }

    long titleId(String code, Tier tier) {
        return jdbc.sql("select id from enterprise_title where credit_code = ? and tier = ? and status <> 'EXPIRED' order by id")
                .params(code, tier.name()).query(Long.class).list().get(0);
    }

    String state(long id) {
        return jdbc.sql("select coalesce(c.state, 'none') from enterprise_title t left join title_case c on c.title_id = t.id where t.id = ?")
                .param(id).query(String.class).single();
    }

    String registryStatus(long id) {
        return jdbc.sql("select status from enterprise_title where id = ?").param(id).query(String.class).single();
    }

    List<Notice> open(String user) {
        return notifications.of(user, Notice.OPEN, 100);
    }

    MvcResult postJson(String user, String url, String body) throws Exception {
        return mvc.perform(post(url).with(csrf()).with(httpBasic(user, "srdi2026")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();
    }

    static String text(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void recognisedThenUpdateMissedThenFlaggedThenReReviewRefusedDeclinedAndLapsed() throws Exception {
        // recognised 2024-01-10 (expires 2027-01-09); indicators of fiscal 2024 only: the 2025 update is missing
        String code = firm(Map.of(2024, srdi2026()), List.of(title(Tier.SRDI, LocalDate.of(2024, 1, 10), TitleStatus.ACTIVE)));
        String user = accounts.get(accounts.size() - 1);
        long id = titleId(code, Tier.SRDI);
        Set<String> only = Set.of(code);

        // 30 days before the 2026 deadline (May 31 under cn-2026): a reminder with the due date
        CLOCK.set(LocalDate.of(2026, 5, 1));
        assertThat(jobs.run(LocalDate.of(2026, 5, 1), only).reminded()).isEqualTo(1);
        assertThat(open(user)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("TITLE_UPDATE_R30");
            assertThat(n.dueOn()).isEqualTo(LocalDate.of(2026, 5, 31));
            assertThat(n.titleZh()).contains("2025 年度数据");
        });
        assertThat(jobs.run(LocalDate.of(2026, 5, 2), only).reminded()).isZero(); // once per stage
        CLOCK.set(LocalDate.of(2026, 5, 25));
        assertThat(jobs.run(LocalDate.of(2026, 5, 25), only).reminded()).isEqualTo(1);
        assertThat(state(id)).isEqualTo("none");

        // the day after the deadline: flagged, reminders closed, the firm told
        CLOCK.set(LocalDate.of(2026, 6, 1));
        TitleJobs.Result r = jobs.run(LocalDate.of(2026, 6, 1), only);
        assertThat(r.flaggedFirms()).isEqualTo(1);
        assertThat(r.flaggedTitles()).isEqualTo(1);
        assertThat(state(id)).isEqualTo("FLAGGED");
        assertThat(registryStatus(id)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select rule_set from title_update_flag where credit_code = ? and update_year = 2026").param(code)
                .query(String.class).single()).isEqualTo("cn-2026");
        assertThat(open(user)).extracting(Notice::kind).contains("TITLE_UPDATE_MISSED").doesNotContain("TITLE_UPDATE_R30", "TITLE_UPDATE_R7");
        long audits = jdbc.sql("select count(*) from audit_event where entity_type = 'title' and entity_id = ?")
                .param(Long.toString(id)).query(Long.class).single();
        // idempotent: a second run flags nothing and records nothing
        assertThat(jobs.run(LocalDate.of(2026, 6, 2), only).flaggedFirms()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'title' and entity_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(audits);

        // in the re-review window (180 days before expiry): officials get the to-do
        CLOCK.set(LocalDate.of(2026, 8, 1));
        assertThat(jobs.run(LocalDate.of(2026, 8, 1), only).reviewDue()).isEqualTo(1);
        assertThat(notifications.openAbout("TITLE_REVIEW_DUE", "title:" + id)).extracting(Notice::recipient).contains("official");

        // re-review: refused (lost eligibility), in both languages
        MvcResult refused = postJson("official", "/api/v1/titles/" + id + "/review/open", "{}");
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(text(refused)).contains("丧失复核资格").contains("lost re-review eligibility");
        assertThat(state(id)).isEqualTo("FLAGGED");
        // a firm may not take official steps
        assertThat(postJson(user, "/api/v1/titles/" + id + "/review/decline", "{}").getResponse().getStatus()).isEqualTo(403);
        // declined: decision recorded
        MvcResult declined = postJson("official", "/api/v1/titles/" + id + "/review/decline", "{}");
        assertThat(declined.getResponse().getStatus()).isEqualTo(200);
        assertThat(text(declined)).contains("\"state\":\"REVIEW_FAILED\"").contains("\"decision\":\"INELIGIBLE\"");
        assertThat(notifications.openAbout("TITLE_REVIEW_DUE", "title:" + id)).isEmpty();

        // the day before expiry nothing lapses; the day after, it lapses (registry EXPIRED), once
        assertThat(jobs.run(LocalDate.of(2027, 1, 9), only).lapsed()).isZero();
        CLOCK.set(LocalDate.of(2027, 1, 10));
        assertThat(jobs.run(LocalDate.of(2027, 1, 10), only).lapsed()).isEqualTo(1);
        assertThat(state(id)).isEqualTo("LAPSED");
        assertThat(registryStatus(id)).isEqualTo("EXPIRED");
        assertThat(jobs.run(LocalDate.of(2027, 1, 11), only).lapsed()).isZero();

        // every step in the audit trail with its actor and reason
        List<String[]> trail = jdbc.sql("select action, actor, after_state from audit_event where entity_type = 'title' "
                        + "and entity_id = ? order by id").param(Long.toString(id))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(trail).extracting(a -> a[0] + "@" + a[1]).containsExactly("TITLE_FLAG_UPDATE_MISSED@system",
                "TITLE_DECLINE_REVIEW@official", "TITLE_LAPSE@system");
        assertThat(trail.get(0)[2]).contains("\"state\":\"FLAGGED\"").contains("2026-05-31");

        // the firm sees its title page; another firm's user does not
        String page = text(mvc.perform(get("/titles/firm/" + code).with(httpBasic(user, "srdi2026"))).andReturn());
        assertThat(page).contains("已失效").contains("2025");
        assertThat(mvc.perform(get("/api/v1/titles/firms/" + code).with(httpBasic("firm", "srdi2026"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void reReviewGradedByTheEnginePassesAndExtendsValidityByThreeYears() throws Exception {
        String code = firm(Map.of(2025, srdi2026(), 2024, srdi2026()), List.of(
                title(Tier.TECH_INNOVATIVE, LocalDate.of(2024, 3, 1), TitleStatus.ACTIVE),
                title(Tier.SRDI, LocalDate.of(2024, 1, 10), TitleStatus.ACTIVE)));
        long id = titleId(code, Tier.SRDI);
        CLOCK.set(LocalDate.of(2026, 3, 1));
        // too early: more than 180 days before expiry
        MvcResult early = postJson("official", "/api/v1/titles/" + id + "/review/open", "{}");
        assertThat(early.getResponse().getStatus()).isEqualTo(409);
        assertThat(text(early)).contains("尚未进入复核期").contains("not yet due");

        CLOCK.set(LocalDate.of(2026, 9, 1));
        assertThat(text(postJson("official", "/api/v1/titles/" + id + "/review/open", "{\"reason\":\"到期复核\"}")))
                .contains("\"state\":\"UNDER_REVIEW\"");
        // no decision before the grade
        assertThat(postJson("official", "/api/v1/titles/" + id + "/review/decision", "{\"pass\":true}").getResponse().getStatus())
                .isEqualTo(409);
        String graded = text(postJson("official", "/api/v1/titles/" + id + "/review/grade", ""));
        assertThat(graded).contains("\"reviewStatus\":\"PASS\"").contains("cn-2026");
        long run = jdbc.sql("select review_run_id from title_case where title_id = ?").param(id).query(Long.class).single();
        assertThat(jdbc.sql("select status_srdi from grade_record where run_id = ? and credit_code = ?").params(run, code)
                .query(String.class).single()).isEqualTo("PASS");
        assertThat(jdbc.sql("select assessment_date from grade_run where id = ?").param(run).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 9, 1));

        String passed = text(postJson("official", "/api/v1/titles/" + id + "/review/decision", "{\"pass\":true}"));
        assertThat(passed).contains("\"state\":\"IN_FORCE\"").contains("\"decision\":\"PASS\"");
        assertThat(jdbc.sql("select expires_on from enterprise_title where id = ?").param(id).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2030, 1, 9));
        // an illegal step after it: passing again is refused
        MvcResult again = postJson("official", "/api/v1/titles/" + id + "/review/decision", "{\"pass\":true}");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(text(again)).contains("有效").contains("in force");

        // a change report filed four months after the change is late; it is acknowledged once
        MvcResult filed = postJson("official", "/api/v1/titles/firms/" + code + "/changes",
                "{\"type\":\"RELOCATION\",\"changedOn\":\"2026-05-01\",\"details\":\"迁至悦来\"}");
        assertThat(filed.getResponse().getStatus()).isEqualTo(200);
        assertThat(text(filed)).contains("\"late\":true").contains("\"status\":\"FILED\"");
        long report = jdbc.sql("select id from change_report where credit_code = ?").param(code).query(Long.class).single();
        assertThat(notifications.openAbout("TITLE_CHANGE_ACK", "change:" + report)).isNotEmpty();
        assertThat(postJson("official", "/api/v1/titles/changes/" + report + "/acknowledge", "{}").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(notifications.openAbout("TITLE_CHANGE_ACK", "change:" + report)).isEmpty();
        assertThat(postJson("official", "/api/v1/titles/changes/" + report + "/acknowledge", "{}").getResponse().getStatus())
                .isEqualTo(409);
        MvcResult future = postJson("official", "/api/v1/titles/firms/" + code + "/changes",
                "{\"type\":\"RENAME\",\"changedOn\":\"2026-12-01\",\"details\":\"x\"}");
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(text(future)).contains("变更日期").contains("date of change");
    }

    @Test
    void dataFraudRevokesEveryTitleAndTheBanRefusesANewApplication() throws Exception {
        String code = firm(Map.of(2025, srdi2026()), List.of(
                title(Tier.INNOVATIVE, LocalDate.of(2020, 5, 1), TitleStatus.EXPIRED),
                title(Tier.TECH_INNOVATIVE, LocalDate.of(2024, 3, 1), TitleStatus.ACTIVE),
                title(Tier.SRDI, LocalDate.of(2025, 1, 10), TitleStatus.ACTIVE)));
        long tech = titleId(code, Tier.TECH_INNOVATIVE);
        long srdi = titleId(code, Tier.SRDI);
        LocalDate today = LocalDate.of(2026, 10, 1);
        CLOCK.set(today);
        assertThat(postJson("official", "/api/v1/titles/" + srdi + "/revoke", "{\"ground\":\"DATA_FRAUD\"}").getResponse()
                .getStatus()).isEqualTo(400); // a reason is required
        assertThat(postJson("official", "/api/v1/titles/" + srdi + "/revoke", "{\"ground\":\"FORGERY\",\"reason\":\"x\"}")
                .getResponse().getStatus()).isEqualTo(400);
        MvcResult r = postJson("official", "/api/v1/titles/" + srdi + "/revoke",
                "{\"ground\":\"DATA_FRAUD\",\"reason\":\"2025 年度研发费用造假\"}");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(state(tech)).isEqualTo("REVOKED");
        assertThat(state(srdi)).isEqualTo("REVOKED");
        assertThat(registryStatus(tech)).isEqualTo("REVOKED");
        assertThat(registryStatus(srdi)).isEqualTo("REVOKED");
        assertThat(jdbc.sql("select count(*) from enterprise_title where credit_code = ? and status = 'EXPIRED'").param(code)
                .query(Long.class).single()).isEqualTo(1);

        // the ban: every tier, three years
        Ban ban = bans.activeBan(code, Tier.LITTLE_GIANT, today).orElseThrow();
        assertThat(ban.tier()).isNull();
        assertThat(ban.ground()).isEqualTo(RevocationGround.DATA_FRAUD);
        assertThat(ban.endsOn()).isEqualTo(LocalDate.of(2029, 10, 1));
        assertThat(bans.activeBan(code, Tier.SRDI, LocalDate.of(2029, 9, 30))).isPresent();
        assertThat(bans.activeBan(code, Tier.SRDI, LocalDate.of(2029, 10, 1))).isEmpty();
        assertThatThrownBy(() -> bans.requireNoBan(code, Tier.SRDI, LocalDate.of(2027, 3, 1)))
                .isInstanceOfSatisfying(BilingualException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.zh()).contains("数据造假").contains("2029-09-30");
                    assertThat(e.en()).contains("data fraud").contains("2029-09-30");
                });
        // a revoked title cannot be revoked again or re-reviewed
        MvcResult again = postJson("official", "/api/v1/titles/" + tech + "/revoke", "{\"ground\":\"ACCIDENT\",\"reason\":\"x\"}");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(text(again)).contains("已撤销").contains("revoked");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TITLE_BAN' and entity_id = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);

        // another ground bans only the revoked tier
        String other = firm(Map.of(2025, srdi2026()), List.of(title(Tier.SRDI, LocalDate.of(2025, 1, 10), TitleStatus.ACTIVE),
                title(Tier.TECH_INNOVATIVE, LocalDate.of(2024, 3, 1), TitleStatus.ACTIVE)));
        assertThat(postJson("official", "/api/v1/titles/" + titleId(other, Tier.SRDI) + "/revoke",
                "{\"ground\":\"ACCIDENT\",\"reason\":\"较大生产安全事故\"}").getResponse().getStatus()).isEqualTo(200);
        assertThat(bans.activeBan(other, Tier.SRDI, today)).isPresent();
        assertThat(bans.activeBan(other, Tier.LITTLE_GIANT, today)).isEmpty();
        assertThat(state(titleId(other, Tier.TECH_INNOVATIVE))).isEqualTo("none");
        // the officials' list of revocations shows both firms with the bans
        String page = text(mvc.perform(get("/titles?view=REVOKED").with(httpBasic("official", "srdi2026"))).andReturn());
        assertThat(page).contains(code).contains(other).contains("数据造假");
    }

    @Test
    void everyPageRendersInBothLanguagesForItsRoles() throws Exception {
        String code = firm(Map.of(2025, srdi2026()), List.of(title(Tier.SRDI, LocalDate.of(2024, 1, 10), TitleStatus.ACTIVE)));
        String user = accounts.get(accounts.size() - 1);
        long id = titleId(code, Tier.SRDI);
        CLOCK.set(LocalDate.of(2026, 9, 1));
        postJson("official", "/api/v1/titles/" + id + "/review/open", "{}");
        postJson("official", "/api/v1/titles/firms/" + code + "/changes",
                "{\"type\":\"RENAME\",\"changedOn\":\"2026-08-01\",\"details\":\"更名为称号页测试\"}");
        for (String lang : List.of("zh", "en")) {
            for (String url : List.of("/titles", "/titles?view=EXPIRING", "/titles?view=FLAGGED", "/titles?view=UNDER_REVIEW",
                    "/titles?view=LAPSED", "/titles/" + id, "/titles/changes", "/titles/changes?status=FILED",
                    "/titles/firm/" + code, "/todo")) {
                MvcResult r = mvc.perform(get(url + (url.contains("?") ? "&" : "?") + "lang=" + lang)
                        .with(httpBasic("official", "srdi2026"))).andReturn();
                assertThat(r.getResponse().getStatus()).as(url + " " + lang).isEqualTo(200);
            }
        }
        String detail = text(mvc.perform(get("/titles/" + id).with(httpBasic("official", "srdi2026"))).andReturn());
        assertThat(detail).contains("复核中").contains("复核评价").contains("TITLE_OPEN_REVIEW");
        String en = text(mvc.perform(get("/titles/" + id + "?lang=en").with(httpBasic("official", "srdi2026"))).andReturn());
        assertThat(en).contains("Under re-review").contains("Re-grade");
        assertThat(text(mvc.perform(get("/titles/changes").with(httpBasic("official", "srdi2026"))).andReturn()))
                .contains("更名为称号页测试");
        // the firm: its own title page and the title, not the officials' lists
        assertThat(mvc.perform(get("/titles").with(httpBasic(user, "srdi2026"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/titles/firm/" + code);
        assertThat(mvc.perform(get("/titles/" + id).with(httpBasic(user, "srdi2026"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/titles/changes").with(httpBasic(user, "srdi2026"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        String firmPage = text(mvc.perform(get("/titles/firm/" + code).with(httpBasic(user, "srdi2026"))).andReturn());
        assertThat(firmPage).contains("复核中").contains("file-change").contains("更名为称号页测试");
        // the firm files a change report from its page (form post)
        mvc.perform(post("/titles/firm/" + code + "/changes").with(csrf()).with(httpBasic(user, "srdi2026"))
                .param("type", "RELOCATION").param("changedOn", "2026-08-20").param("details", "迁址"));
        assertThat(jdbc.sql("select count(*) from change_report where credit_code = ? and filed_by = ?").params(code, user)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOfficialClearsAFlagWithAReasonAndTheTitleIsInForceAgain() throws Exception {
        String code = firm(Map.of(2024, srdi2026()), List.of(title(Tier.SRDI, LocalDate.of(2024, 6, 1), TitleStatus.ACTIVE)));
        String user = accounts.get(accounts.size() - 1);
        long id = titleId(code, Tier.SRDI);
        CLOCK.set(LocalDate.of(2026, 6, 3));
        assertThat(jobs.run(LocalDate.of(2026, 6, 3), Set.of(code)).flaggedTitles()).isEqualTo(1);
        assertThat(open(user)).extracting(Notice::kind).contains("TITLE_UPDATE_MISSED");
        MvcResult noReason = postJson("official", "/api/v1/titles/" + id + "/flag/clear", "{}");
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(text(noReason)).contains("请填写理由").contains("a reason is required");
        assertThat(postJson("park-lijia", "/api/v1/titles/" + id + "/flag/clear", "{\"reason\":\"x\"}").getResponse().getStatus())
                .isEqualTo(403);
        MvcResult cleared = postJson("official", "/api/v1/titles/" + id + "/flag/clear", "{\"reason\":\"企业已于 5 月 28 日书面报送\"}");
        assertThat(cleared.getResponse().getStatus()).isEqualTo(200);
        assertThat(state(id)).isEqualTo("IN_FORCE");
        assertThat(jdbc.sql("select cleared_by from title_update_flag where credit_code = ?").param(code).query(String.class).single())
                .isEqualTo("official");
        assertThat(open(user)).extracting(Notice::kind).doesNotContain("TITLE_UPDATE_MISSED");
        // the flag is recorded once per year: the next run does not flag again
        assertThat(jobs.run(LocalDate.of(2026, 6, 4), Set.of(code)).flaggedTitles()).isZero();
        assertThat(state(id)).isEqualTo("IN_FORCE");
        // clearing again is an illegal step
        MvcResult again = postJson("official", "/api/v1/titles/" + id + "/flag/clear", "{\"reason\":\"x\"}");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
    }
}

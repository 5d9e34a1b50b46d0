package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.srdi.app.grading.GradingService;
import cn.srdi.app.grading.RuleChoice;
import cn.srdi.app.grading.StoredGrade;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.platform.TestCodes;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.IndicatorYear;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.app.registry.TitleStatus;
import cn.srdi.app.servicedesk.MovableClock;
import cn.srdi.app.titles.TitleJobs;
import cn.srdi.engine.model.ApplicationType;
import cn.srdi.engine.model.Tier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole lifecycle of one round in one flow, on the platform clock the test moves (over three
 * years), through the REST API as the real users act (official, firms, park operator, experts, a
 * bank): discovery by the engine → pool accepted → round opened → applications with the engine's
 * self-evaluation and evidence → district review by the park → municipal review (one firm returned
 * and corrected in time, one returned that misses its deadline and is closed by the daily job) →
 * random expert review → decisions → public notice with an objection that pauses one firm →
 * recognition (the other firm first, the paused one after the objection is dismissed) → yearly
 * update missed by firm A (reminded, then flagged) while firm B updates → re-review window:
 * A's re-review refused (lost eligibility), declined and lapsed at expiry; B re-graded by the
 * engine with application type REVIEW, passed, validity extended by 3 years. To-dos and audit
 * records are checked along the way. Firms, users and the round are the test's own and removed.
 */
@SpringBootTest(properties = "srdi.servicedesk.sweep-enabled=false") // the clock moves years: no SLA sweep may run on it
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CultivationLifecycleIT {

    static final String PW = "srdi2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    RegistryStore registry;
    @Autowired
    UserAccounts users;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    GradingService grading;
    @Autowired
    PoolService pool;
    @Autowired
    CultivationJobs cultivationJobs;
    @Autowired
    TitleJobs titleJobs;

    final List<String> firms = new ArrayList<>();
    final List<String> accounts = new ArrayList<>();
    Long roundId;

    @AfterEach
    void cleanUp() {
        clock.reset();
        remove(jdbc, roundId, firms, accounts);
    }

    /** Removes a test's round (cases, reviews, evidence, objections, to-dos), firms (titles, flags, pool) and accounts. */
    static void remove(JdbcClient jdbc, Long roundId, List<String> firms, List<String> accounts) {
        List<Long> titles = new ArrayList<>();
        if (roundId != null) {
            for (String t : List.of("cult_review", "cult_evidence", "cult_objection")) {
                jdbc.sql("delete from " + t + " where case_id in (select id from cult_case where round_id = ?)").param(roundId).update();
            }
            jdbc.sql("delete from notification where subject_ref in (select 'cult_case:' || id from cult_case where round_id = ?)")
                    .param(roundId).update();
            jdbc.sql("delete from cult_case where round_id = ?").param(roundId).update();
            jdbc.sql("delete from cult_round where id = ?").param(roundId).update();
        }
        for (String code : firms) {
            titles.addAll(jdbc.sql("select id from enterprise_title where credit_code = ?").param(code).query(Long.class).list());
            jdbc.sql("delete from cult_pool_gap where entry_id in (select id from cult_pool_entry where credit_code = ?)").param(code)
                    .update();
            jdbc.sql("delete from cult_pool_entry where credit_code = ?").param(code).update();
        }
        for (Long t : titles) {
            jdbc.sql("delete from notification where subject_ref = ?").param("title:" + t).update();
        }
        for (String u : accounts) {
            jdbc.sql("delete from notification_mail where notification_id in (select id from notification where recipient = ?)").param(u).update();
            jdbc.sql("delete from notification where recipient = ?").param(u).update();
            jdbc.sql("delete from app_user where username = ?").param(u).update();
        }
        for (String code : firms) {
            for (String t : List.of("title_case", "title_update_flag", "title_ban", "change_report", "grade_record",
                    "indicator_change", "indicator_year", "enterprise_title", "enterprise")) {
                jdbc.sql("delete from " + t + " where credit_code = ?").param(code).update();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    void today(LocalDate day) {
        clock.set(day.atTime(10, 0));
    }

    /** A firm that meets every 2026 SRDI condition (R&D 3.2% and 3.3% of revenue). */
    static Map<String, String> srdi2026() {
        return cn.srdi.app.platform.TestIndicators.srdi2026();
    }

    /** A firm of park LIJIA with indicators of fiscal 2024 and 2025, an innovative-SME title and an account; returns its code. */
    String firm(String name) {
        return newFirm(registry, tm, users, name, firms, accounts);
    }

    static String newFirm(RegistryStore registry, PlatformTransactionManager tm, UserAccounts users, String name, List<String> firms,
                          List<String> accounts) {
        String code = TestCodes.fresh("91500000LC");
        firms.add(code);
        String user = "lc-" + code.substring(10, 17).toLowerCase(java.util.Locale.ROOT);
        LocalDateTime now = LocalDateTime.now();
        new TransactionTemplate(tm).executeWithoutResult(s -> {
            registry.upsertEnterprises(List.of(new Enterprise(code, "重庆" + name + code.substring(12, 16) + "科技有限公司", "C3563",
                    "500000", "重庆市两江新区", "LIJIA", "EQUIPMENT", null, null, null, null, now, now)));
            registry.upsertYears(List.of(new IndicatorYear(code, 2024, srdi2026()), new IndicatorYear(code, 2025, srdi2026())), null,
                    "test");
            registry.insertTitles(List.of(new Title(0, code, Tier.TECH_INNOVATIVE, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2029, 9, 30), TitleStatus.ACTIVE, null)));
        });
        users.create(new UserAccounts.NewUser(user, PW, name + "申报专员", Role.ENTERPRISE, null, code, null, null));
        accounts.add(user);
        return code;
    }

    String userOf(String code) {
        return accounts.get(firms.indexOf(code));
    }

    /** The firm's yearly data update (as its annual report import writes it). */
    void update(String code, int fiscalYear) {
        update(registry, tm, code, fiscalYear);
    }

    static void update(RegistryStore registry, PlatformTransactionManager tm, String code, int fiscalYear) {
        new TransactionTemplate(tm).executeWithoutResult(s -> registry.upsertYears(
                List.of(new IndicatorYear(code, fiscalYear, srdi2026())), null, "annual-report"));
    }

    <B extends AbstractMockHttpServletRequestBuilder<B>> JsonNode call(B b, String user, int status) throws Exception {
        MvcResult r = mvc.perform(b.with(csrf()).with(httpBasic(user, PW))).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as("%s as %s: %s", b, user, body).isEqualTo(status);
        return body.isEmpty() || !body.startsWith("{") && !body.startsWith("[") ? null : JSON.readTree(body);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String state(long caseId) {
        return jdbc.sql("select state from cult_case where id = ?").param(caseId).query(String.class).single();
    }

    String titleState(long titleId) {
        return jdbc.sql("select coalesce(c.state, 'IN_FORCE') from enterprise_title t left join title_case c on c.title_id = t.id "
                + "where t.id = ?").param(titleId).query(String.class).single();
    }

    long openTodos(String recipient, String kind, String subject) {
        return jdbc.sql("select count(*) from notification where recipient = ? and kind = ? and subject_ref = ? and status = 'OPEN'")
                .params(recipient, kind, subject).query(Long.class).single();
    }

    long openTodos(String kind, String subject) {
        return jdbc.sql("select count(*) from notification where kind = ? and subject_ref = ? and status = 'OPEN'")
                .params(kind, subject).query(Long.class).single();
    }

    List<String> trail(String entityType, String id) {
        return jdbc.sql("select action || '@' || actor from audit_event where entity_type = ? and entity_id = ? order by id")
                .params(entityType, id).query(String.class).list();
    }

    /** Every open expert review of a case submitted by its expert (through the REST API, as the expert). */
    void expertsReview(long caseId, int score) throws Exception {
        List<Object[]> open = jdbc.sql("select id, reviewer from cult_review where case_id = ? and stage = 'EXPERT' "
                + "and submitted_at is null order by id").param(caseId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        assertThat(open).as("experts drawn for case %s", caseId).hasSize(2);
        for (Object[] v : open) {
            assertThat(v[1]).as("never an expert of the firm's park").isNotEqualTo("expert2");
            assertThat(openTodos((String) v[1], "CULT_EXPERT_REVIEW", "cult_review:" + v[0])).isEqualTo(1);
            call(json(post("/api/v1/cultivation/reviews/" + v[0]), "{\"score\":" + score
                    + ",\"opinion\":\"PASS\",\"comment\":\"专精特新特征明显\"}"), (String) v[1], 200);
            assertThat(openTodos((String) v[1], "CULT_EXPERT_REVIEW", "cult_review:" + v[0])).isZero();
        }
    }

    // ------------------------------------------------------------------ the flow

    @Test
    void a_round_from_discovery_to_re_review_three_years_later() throws Exception {
        today(LocalDate.of(2026, 11, 23));
        String a = firm("甲精密");
        String b = firm("乙智能");
        String c = firm("丙材料");
        Scope official = new Scope("official", Role.OFFICIAL, Set.of(), null, null);

        // ---- discovery: the engine grades the firms; discovery proposes them for the SRDI pool, the official accepts A
        for (String code : List.of(a, b, c)) {
            StoredGrade g = grading.gradeFirm(official, code, LocalDate.of(2026, 11, 23), RuleChoice.auto(), ApplicationType.NEW);
            assertThat(pool.discover(g.runId(), LocalDate.of(2026, 11, 23)).proposed()).isPositive();
        }
        long entry = jdbc.sql("select id from cult_pool_entry where credit_code = ? and tier = 'SRDI' and status = 'PROPOSED'")
                .param(a).query(Long.class).single();
        assertThat(jdbc.sql("select reason from cult_pool_entry where id = ?").param(entry).query(String.class).single())
                .contains("专精特新").contains("SRDI");
        call(json(post("/api/v1/cultivation/pool/" + entry + "/accept"), "{\"reason\":\"具备申报条件，重点培育\"}"), "official", 200);
        assertThat(call(get("/api/v1/cultivation/pool"), userOf(a), 200).findValuesAsString("status")).contains("ACTIVE");

        // ---- round: SRDI, district → municipal → expert review, blind, 2 experts per case, 5 days of notice
        JsonNode round = call(json(post("/api/v1/cultivation/rounds"), "{\"tier\":\"SRDI\",\"name\":\"2026 年第二批专精特新认定（全流程测试）\","
                + "\"opensOn\":\"2026-11-23\",\"closesOn\":\"2026-12-20\",\"stages\":[\"DISTRICT\",\"MUNICIPAL\",\"EXPERT\"],"
                + "\"blind\":true,\"expertsPerCase\":2,\"noticeDays\":5}"), "official", 201);
        roundId = round.get("id").asLong();
        call(post("/api/v1/cultivation/rounds/" + roundId + "/open"), "official", 200);

        // ---- applications: self-evaluated by the engine, evidence, declaration, submitted
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        Map<String, Long> caseOf = new LinkedHashMap<>();
        for (String code : List.of(a, b, c)) {
            String u = userOf(code);
            JsonNode draft = call(post("/api/v1/cultivation/rounds/" + roundId + "/cases"), u, 201);
            long id = draft.get("id").asLong();
            caseOf.put(code, id);
            assertThat(draft.get("selfStatus").asText()).isEqualTo("PASS");
            call(multipart("/api/v1/cultivation/cases/" + id + "/evidence").file(new MockMultipartFile("file", "研发费用专项审计报告.pdf",
                    "application/pdf", pdf)), u, 201);
            call(post("/api/v1/cultivation/cases/" + id + "/declaration"), u, 200);
            assertThat(call(post("/api/v1/cultivation/cases/" + id + "/submit"), u, 200).get("state").asText()).isEqualTo("DISTRICT_REVIEW");
            assertThat(openTodos("park-lijia", "CULT_DISTRICT_REVIEW", "cult_case:" + id)).isEqualTo(1);
        }
        long ca = caseOf.get(a);
        long cb = caseOf.get(b);
        long cc = caseOf.get(c);

        // ---- district review by the park operator; municipal review by the official
        for (long id : caseOf.values()) {
            assertThat(call(json(post("/api/v1/cultivation/cases/" + id + "/pass"), "{\"score\":85,\"comment\":\"材料齐全\"}"),
                    "park-lijia", 200).get("state").asText()).isEqualTo("MUNICIPAL_REVIEW");
        }
        assertThat(call(json(post("/api/v1/cultivation/cases/" + ca + "/pass"), "{\"score\":88,\"comment\":\"复审通过\"}"), "official", 200)
                .get("state").asText()).isEqualTo("EXPERT_REVIEW");
        // B and C returned for correction with a deadline
        for (long id : List.of(cb, cc)) {
            JsonNode returned = call(json(post("/api/v1/cultivation/cases/" + id + "/return"),
                    "{\"reason\":\"请补充近两年知识产权证明\",\"deadline\":\"2026-11-30\"}"), "official", 200);
            assertThat(returned.get("state").asText()).isEqualTo("RETURNED");
        }
        assertThat(openTodos(userOf(b), "CULT_RETURNED", "cult_case:" + cb)).isEqualTo(1);
        // B corrects in time (new evidence, declaration signed again) and goes back to the municipal review
        today(LocalDate.of(2026, 11, 26));
        call(multipart("/api/v1/cultivation/cases/" + cb + "/evidence").file(new MockMultipartFile("file", "知识产权证明.pdf",
                "application/pdf", pdf)), userOf(b), 201);
        call(post("/api/v1/cultivation/cases/" + cb + "/declaration"), userOf(b), 200);
        assertThat(call(post("/api/v1/cultivation/cases/" + cb + "/submit"), userOf(b), 200).get("state").asText())
                .isEqualTo("MUNICIPAL_REVIEW");
        assertThat(openTodos(userOf(b), "CULT_RETURNED", "cult_case:" + cb)).isZero();
        assertThat(call(json(post("/api/v1/cultivation/cases/" + cb + "/pass"), "{\"score\":86,\"comment\":\"补正后通过\"}"), "official", 200)
                .get("state").asText()).isEqualTo("EXPERT_REVIEW");

        // ---- C misses its correction deadline: the deadline day itself still counts, the next day the job closes it
        today(LocalDate.of(2026, 11, 30));
        assertThat(cultivationJobs.run(LocalDate.of(2026, 11, 30))).extracting(CaseView::id).doesNotContain(cc);
        today(LocalDate.of(2026, 12, 1));
        assertThat(call(post("/api/v1/cultivation/cases/" + cc + "/submit"), userOf(c), 409).get("error_en").asText())
                .contains("correction deadline 2026-11-30 has passed");
        assertThat(cultivationJobs.run(LocalDate.of(2026, 12, 1))).extracting(CaseView::id).contains(cc);
        assertThat(state(cc)).isEqualTo("WITHDRAWN");
        assertThat(cultivationJobs.run(LocalDate.of(2026, 12, 2))).extracting(CaseView::id).doesNotContain(cc); // once
        assertThat(openTodos(userOf(c), "CULT_RETURNED", "cult_case:" + cc)).isZero();
        assertThat(jdbc.sql("select title_zh from notification where recipient = ? and kind = 'CULT_CORRECTION_MISSED'")
                .param(userOf(c)).query(String.class).single()).contains("补正期限 2026-11-30 已过").contains("视为撤回");
        JsonNode closed = call(json(post("/api/v1/cultivation/cases/" + cc + "/submit"), "{}"), userOf(c), 409);
        assertThat(closed.get("error_zh").asText()).contains("已撤回").contains("无（已结束）");
        assertThat(trail("cult_case", String.valueOf(cc))).endsWith("CASE_EXPIRE_CORRECTION@system");
        assertThat(jdbc.sql("select after_state from audit_event where entity_type = 'cult_case' and entity_id = ? "
                        + "and action = 'CASE_EXPIRE_CORRECTION'").param(String.valueOf(cc)).query(String.class).single())
                .contains("WITHDRAWN").contains("correction deadline 2026-11-30 missed");

        // ---- expert review: 2 random experts each, none of the firms' park; the last review moves the case to decision
        expertsReview(ca, 88);
        expertsReview(cb, 84);
        assertThat(state(ca)).isEqualTo("DECISION");
        assertThat(state(cb)).isEqualTo("DECISION");
        assertThat(openTodos("official", "CULT_DECISION", "cult_case:" + ca)).isEqualTo(1);
        for (long id : List.of(ca, cb)) {
            call(json(post("/api/v1/cultivation/cases/" + id + "/approve"), "{\"reason\":\"专家评审通过，拟认定\"}"), "official", 200);
        }

        // ---- public notice from Dec 1 to Dec 5; the bank objects to A, whose case pauses
        assertThat(call(post("/api/v1/cultivation/rounds/" + roundId + "/notice"), "official", 200)).hasSize(2);
        today(LocalDate.of(2026, 12, 2));
        JsonNode notice = call(get("/api/v1/cultivation/notice?round=" + roundId), "bank", 200);
        assertThat(notice.findValuesAsString("noticeUntil")).containsOnly("2026-12-05");
        call(json(post("/api/v1/cultivation/cases/" + ca + "/objections"), "{\"reason\":\"本企业不能对自己提出异议\"}"), userOf(a), 403);
        assertThat(call(json(post("/api/v1/cultivation/cases/" + ca + "/objections"), "{\"reason\":\"该企业存在逾期未还贷款\"}"), "bank", 201)
                .get("state").asText()).isEqualTo("OBJECTED");
        assertThat(openTodos("official", "CULT_OBJECTION", "cult_case:" + ca)).isEqualTo(1);

        // ---- after the notice: B is recognised, A waits for the objection; dismissed, A is recognised too
        today(LocalDate.of(2026, 12, 6));
        JsonNode first = call(post("/api/v1/cultivation/rounds/" + roundId + "/recognise"), "official", 200);
        assertThat(first.findValuesAsString("id")).containsExactly(String.valueOf(cb));
        assertThat(state(ca)).isEqualTo("OBJECTED");
        assertThat(call(json(post("/api/v1/cultivation/cases/" + ca + "/objections/resolve"),
                "{\"upheld\":false,\"reason\":\"经银行核实贷款已结清\"}"), "official", 200).get("state").asText()).isEqualTo("NOTICE");
        assertThat(openTodos("official", "CULT_OBJECTION", "cult_case:" + ca)).isZero();
        assertThat(call(post("/api/v1/cultivation/rounds/" + roundId + "/recognise"), "official", 200).findValuesAsString("id"))
                .containsExactly(String.valueOf(ca));
        long ta = jdbc.sql("select title_id from cult_case where id = ?").param(ca).query(Long.class).single();
        long tb = jdbc.sql("select title_id from cult_case where id = ?").param(cb).query(Long.class).single();
        for (long t : List.of(ta, tb)) {
            assertThat(jdbc.sql("select recognised_on from enterprise_title where id = ?").param(t).query(LocalDate.class).single())
                    .isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(jdbc.sql("select expires_on from enterprise_title where id = ?").param(t).query(LocalDate.class).single())
                    .isEqualTo(LocalDate.of(2029, 12, 5));
        }
        List<String> experts = jdbc.sql("select 'REVIEW_SUBMIT@' || reviewer from cult_review where case_id = ? and stage = 'EXPERT' "
                + "order by id").param(ca).query(String.class).list();
        assertThat(trail("cult_case", String.valueOf(ca))).containsExactly("CASE_CREATE@" + userOf(a), "CASE_EVIDENCE@" + userOf(a),
                "CASE_DECLARATION@" + userOf(a), "CASE_SUBMIT@" + userOf(a), "CASE_PASS@park-lijia", "CASE_PASS@official",
                "CASE_ASSIGN_EXPERTS@system", experts.get(0), experts.get(1), "CASE_REVIEWS_COMPLETE@system",
                "CASE_APPROVE@official", "CASE_PUBLISH@official", "CASE_OBJECT@bank", "CASE_DISMISS_OBJECTION@official",
                "CASE_RECOGNISE@official");
        assertThat(trail("cult_case", String.valueOf(cb))).contains("CASE_RETURN@official", "CASE_RESUBMIT@" + userOf(b));

        // ---- after recognition: B files its fiscal-2026 data in April; A does not
        today(LocalDate.of(2027, 4, 15));
        update(b, 2026);
        today(LocalDate.of(2027, 5, 1));
        TitleJobs.Result reminders = titleJobs.run(LocalDate.of(2027, 5, 1), Set.of(a, b));
        assertThat(reminders.reminded()).isEqualTo(1);
        assertThat(jdbc.sql("select due_on from notification where recipient = ? and kind = 'TITLE_UPDATE_R30'").param(userOf(a))
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(jdbc.sql("select count(*) from notification where recipient = ? and kind like 'TITLE_UPDATE_%'").param(userOf(b))
                .query(Long.class).single()).isZero();
        // the day after the deadline (May 31 under cn-2026): A is flagged and told, B is not
        today(LocalDate.of(2027, 6, 1));
        TitleJobs.Result flagged = titleJobs.run(LocalDate.of(2027, 6, 1), Set.of(a, b));
        assertThat(flagged.flaggedFirms()).isEqualTo(1);
        assertThat(titleState(ta)).isEqualTo("FLAGGED");
        assertThat(titleState(tb)).isEqualTo("IN_FORCE");
        assertThat(jdbc.sql("select count(*) from notification where recipient = ? and kind = 'TITLE_UPDATE_MISSED' and status = 'OPEN'")
                .param(userOf(a)).query(Long.class).single()).isEqualTo(1);
        assertThat(trail("title", String.valueOf(ta))).containsExactly("TITLE_FLAG_UPDATE_MISSED@system");
        // B keeps updating: fiscal 2027 and 2028
        today(LocalDate.of(2028, 4, 20));
        update(b, 2027);
        today(LocalDate.of(2029, 4, 20));
        update(b, 2028);

        // ---- the re-review window (180 days before the expiry of 2029-12-05): officials get the to-do for B
        today(LocalDate.of(2029, 6, 10));
        titleJobs.run(LocalDate.of(2029, 6, 10), Set.of(a, b));
        assertThat(openTodos("official", "TITLE_REVIEW_DUE", "title:" + tb)).isEqualTo(1);
        assertThat(titleState(tb)).isEqualTo("IN_FORCE");
        // A: the update was missed, so no re-review — refused in both languages, then declined
        JsonNode refused = call(json(post("/api/v1/titles/" + ta + "/review/open"), "{}"), "official", 409);
        assertThat(refused.get("error_zh").asText()).contains("丧失复核资格");
        assertThat(refused.get("error_en").asText()).contains("lost re-review eligibility");
        call(json(post("/api/v1/titles/" + ta + "/review/decline"), "{\"reason\":\"2027 年未按期更新年度数据\"}"), userOf(a), 403);
        assertThat(call(json(post("/api/v1/titles/" + ta + "/review/decline"), "{\"reason\":\"2027 年未按期更新年度数据\"}"), "official", 200)
                .get("state").asText()).isEqualTo("REVIEW_FAILED");
        // B: re-review opened, re-graded by the engine with application type REVIEW, passed: validity + 3 years
        assertThat(call(json(post("/api/v1/titles/" + tb + "/review/open"), "{\"reason\":\"到期复核\"}"), "official", 200)
                .get("state").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(openTodos(userOf(b), "TITLE_REVIEW_OPENED", "title:" + tb)).isEqualTo(1);
        JsonNode graded = call(post("/api/v1/titles/" + tb + "/review/grade"), "official", 200);
        assertThat(graded.get("reviewStatus").asText()).isEqualTo("PASS");
        long run = jdbc.sql("select review_run_id from title_case where title_id = ?").param(tb).query(Long.class).single();
        String snapshot = jdbc.sql("select snapshot from grade_record where run_id = ? and credit_code = ?").params(run, b)
                .query(String.class).single();
        assertThat(snapshot).contains("\"application_type\":\"REVIEW\"").contains("\"assessment_date\":\"2029-06-10\"");
        assertThat(jdbc.sql("select assessment_date from grade_run where id = ?").param(run).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2029, 6, 10));
        assertThat(call(json(post("/api/v1/titles/" + tb + "/review/decision"), "{\"pass\":true}"), "official", 200).get("state").asText())
                .isEqualTo("IN_FORCE");
        assertThat(jdbc.sql("select expires_on from enterprise_title where id = ?").param(tb).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2032, 12, 5));
        assertThat(openTodos("TITLE_REVIEW_DUE", "title:" + tb)).isZero();

        // ---- the day after expiry: A lapses (registry EXPIRED), B stays in force
        today(LocalDate.of(2029, 12, 5));
        titleJobs.run(LocalDate.of(2029, 12, 5), Set.of(a, b)); // (their innovative-SME titles, expired in September, lapse)
        assertThat(titleState(ta)).isEqualTo("REVIEW_FAILED");
        today(LocalDate.of(2029, 12, 6));
        assertThat(titleJobs.run(LocalDate.of(2029, 12, 6), Set.of(a, b)).lapsed()).isEqualTo(1);
        assertThat(titleState(ta)).isEqualTo("LAPSED");
        assertThat(jdbc.sql("select status from enterprise_title where id = ?").param(ta).query(String.class).single()).isEqualTo("EXPIRED");
        assertThat(titleState(tb)).isEqualTo("IN_FORCE");
        assertThat(trail("title", String.valueOf(ta))).containsExactly("TITLE_FLAG_UPDATE_MISSED@system",
                "TITLE_DECLINE_REVIEW@official", "TITLE_LAPSE@system");
        assertThat(trail("title", String.valueOf(tb))).containsExactly("TITLE_OPEN_REVIEW@official", "TITLE_REVIEW_GRADED@official",
                "TITLE_PASS_REVIEW@official");

        // ---- each firm follows its case on its own page
        String pageA = mvc.perform(get("/cultivation/my").with(httpBasic(userOf(a), PW))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(pageA).contains("data-case=\"" + ca + "\"").contains("data-state=\"RECOGNISED\"")
                .contains("data-title=\"" + ta + "\" data-state=\"LAPSED\"").contains("data-deadline=\"2030-05-31\"");
        String pageB = mvc.perform(get("/cultivation/my?lang=en").with(httpBasic(userOf(b), PW))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(pageB).contains("data-title=\"" + tb + "\" data-state=\"IN_FORCE\"").contains("2032-12-05")
                .contains("Next yearly data update due 2030-05-31 (fiscal 2029 data");
        String pageC = mvc.perform(get("/cultivation/cases/" + cc).with(httpBasic(userOf(c), PW))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(pageC).contains("已撤回").contains("逾期未补正");
    }
}

package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.registry.Title;
import cn.srdi.engine.model.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole round end to end through the REST API and the service: discovery → application with
 * self-evaluation and evidence → district review by the park → random blind expert review →
 * decision → notice with an objection (paused, then dismissed) → recognition into the registry →
 * the recognised list as XLSX and PDF; plus return for correction, illegal transitions, scopes.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class CultivationIT {

    static final String PW = "srdi2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CultivationService service;
    @Autowired
    PoolService pool;
    @Autowired
    RegistryStore registry;

    Long roundId;

    @AfterEach
    void cleanUp() {
        service.clock(Clock.system(ZoneId.of("Asia/Shanghai")));
        if (roundId != null) {
            List<Long> titles = jdbc.sql("select title_id from cult_case where round_id = ? and title_id is not null").param(roundId)
                    .query(Long.class).list();
            for (String t : List.of("cult_review", "cult_evidence", "cult_objection")) {
                jdbc.sql("delete from " + t + " where case_id in (select id from cult_case where round_id = ?)").param(roundId).update();
            }
            jdbc.sql("delete from cult_case where round_id = ?").param(roundId).update();
            jdbc.sql("delete from cult_round where id = ?").param(roundId).update();
            titles.forEach(id -> jdbc.sql("delete from enterprise_title where id = ?").param(id).update());
        }
        jdbc.sql("delete from cult_conflict where username = 'expert4'").update();
    }

    <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> JsonNode call(B b,
            String user, int status) throws Exception {
        MvcResult r = mvc.perform(b.with(httpBasic(user, PW))).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as("%s %s as %s: %s", b, body, user, body).isEqualTo(status);
        return body.isEmpty() || !body.startsWith("{") && !body.startsWith("[") ? null : JSON.readTree(body);
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String firmCode() {
        return jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
    }

    Tier tierTheFirmLacks(String code) {
        LocalDate today = service.today();
        for (Tier t : List.of(Tier.SRDI, Tier.LITTLE_GIANT, Tier.INNOVATIVE)) {
            if (registry.titles(code).stream().noneMatch(x -> x.tier() == t && x.inForceOn(today))) {
                return t;
            }
        }
        throw new IllegalStateException("the demo firm holds every title");
    }

    @Test
    void discovery_proposes_near_misses_with_reasons_and_is_idempotent() {
        long run = jdbc.sql("select max(id) from grade_run where kind = 'REGION' and status = 'DONE'").query(Long.class).single();
        List<PoolEntry> proposed = pool.list(Scope.system(), null, null);
        assertThat(proposed).isNotEmpty();
        assertThat(proposed).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        // near misses fail their rung by 1..N gates and name the gates
        List<PoolEntry> near = proposed.stream().filter(p -> p.gapCount() != null && p.gapCount() > 0).toList();
        assertThat(near).isNotEmpty().allSatisfy(p -> {
            assertThat(p.gapCount()).isBetween(1, service.properties().nearMissGates());
            assertThat(p.reason()).contains("差 " + p.gapCount() + " 项").contains("short of");
        });
        int before = proposed.size();
        PoolService.Discovery again = pool.discover(run, LocalDate.of(2026, 6, 1));
        assertThat(again.proposed()).isZero();
        assertThat(again.historyPoints()).isPositive();
        assertThat(pool.list(Scope.system(), null, null)).hasSize(before);
        PoolEntry any = near.get(0);
        assertThat(pool.gaps(Scope.system(), any.id())).extracting(CultivationStore.Gap::gapCount).contains(any.gapCount());
    }

    @Test
    void pool_decisions_plans_and_firm_requests() throws Exception {
        PoolEntry p = pool.list(Scope.system(), null, PoolEntry.PROPOSED).get(0);
        call(json(post("/api/v1/cultivation/pool/" + p.id() + "/dismiss"), "{}"), "official", 400);
        JsonNode accepted = call(json(post("/api/v1/cultivation/pool/" + p.id() + "/accept"), "{\"reason\":\"重点培育\"}"), "official", 200);
        assertThat(accepted.get("status").asText()).isEqualTo("ACTIVE");
        call(json(post("/api/v1/cultivation/pool/" + p.id() + "/accept"), "{}"), "official", 409);
        call(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/cultivation/pool/" + p.id() + "/plan"),
                "{\"owner\":\"official\",\"goals\":\"2027年达到专精特新条件\",\"notes\":\"走访两次\"}"), "official", 200);
        call(json(post("/api/v1/cultivation/pool/" + p.id() + "/actions"), "{\"dueOn\":\"2027-03-01\",\"description\":\"研发费用归集辅导\"}"),
                "official", 201);
        JsonNode entry = call(get("/api/v1/cultivation/pool/" + p.id()), "official", 200);
        assertThat(entry.get("entry").get("goals").asText()).isEqualTo("2027年达到专精特新条件");
        assertThat(entry.get("actions").get(0).get("description").asText()).isEqualTo("研发费用归集辅导");
        // a firm sees only its own entries, the bank none
        JsonNode own = call(get("/api/v1/cultivation/pool"), "firm", 200);
        own.forEach(n -> assertThat(n.get("creditCode").asText()).isEqualTo(firmCode()));
        call(get("/api/v1/cultivation/pool"), "bank", 403);
        jdbc.sql("update cult_pool_entry set status = 'PROPOSED', owner = null, goals = null, notes = null, decided_by = null, "
                + "decided_at = null, decision_note = null where id = ?").param(p.id()).update();
        jdbc.sql("delete from cult_plan_action where entry_id = ?").param(p.id()).update();
    }

    @Test
    void a_whole_round_from_application_to_recognition() throws Exception {
        String code = firmCode();
        Tier tier = tierTheFirmLacks(code);
        LocalDate today = service.today();
        JsonNode round = call(json(post("/api/v1/cultivation/rounds"), "{\"tier\":\"" + tier + "\",\"name\":\"IT 批次\",\"opensOn\":\""
                + today.minusDays(1) + "\",\"closesOn\":\"" + today.plusDays(20) + "\",\"stages\":[\"DISTRICT\",\"EXPERT\"],"
                + "\"blind\":true,\"expertsPerCase\":2,\"noticeDays\":5}"), "official", 201);
        roundId = round.get("id").asLong();
        call(post("/api/v1/cultivation/rounds/" + roundId + "/cases"), "firm", 409); // not open yet
        call(post("/api/v1/cultivation/rounds/" + roundId + "/open"), "firm", 403);
        call(post("/api/v1/cultivation/rounds/" + roundId + "/open"), "official", 200);

        // application: a draft self-evaluated by the engine, failing criteria visible before submitting
        JsonNode draft = call(post("/api/v1/cultivation/rounds/" + roundId + "/cases"), "firm", 201);
        long id = draft.get("id").asLong();
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        JsonNode detail = call(get("/api/v1/cultivation/cases/" + id), "firm", 200);
        assertThat(detail.get("criteria").size()).isPositive();
        assertThat(detail.get("criteria").get(0).get("status").asText()).isIn("PASS", "FAIL", "REVIEW", "NOT_APPLICABLE", "MISSING");
        call(post("/api/v1/cultivation/rounds/" + roundId + "/cases"), "firm", 409); // once per round

        // evidence: checked name, size and sniffed type
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        call(multipart("/api/v1/cultivation/cases/" + id + "/evidence").file(new MockMultipartFile("file", "../../etc/审计报告.pdf",
                "application/pdf", pdf)), "firm", 201);
        call(multipart("/api/v1/cultivation/cases/" + id + "/evidence").file(new MockMultipartFile("file", "tool.pdf",
                "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))), "firm", 415);
        call(multipart("/api/v1/cultivation/cases/" + id + "/evidence").file(new MockMultipartFile("file", ".htaccess",
                "application/pdf", pdf)), "firm", 400);
        JsonNode ev = call(get("/api/v1/cultivation/cases/" + id), "firm", 200).get("evidence");
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).get("fileName").asText()).isEqualTo("审计报告.pdf");
        MvcResult file = mvc.perform(get("/api/v1/cultivation/cases/" + id + "/evidence/" + ev.get(0).get("id").asLong())
                .with(httpBasic("firm", PW))).andReturn();
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(pdf);

        // submit needs the declaration
        call(post("/api/v1/cultivation/cases/" + id + "/submit"), "firm", 400);
        call(post("/api/v1/cultivation/cases/" + id + "/declaration"), "firm", 200);
        assertThat(call(post("/api/v1/cultivation/cases/" + id + "/submit"), "firm", 200).get("state").asText())
                .isEqualTo("DISTRICT_REVIEW");

        // district review by the firm's park; another park cannot even see it
        call(json(post("/api/v1/cultivation/cases/" + id + "/pass"), "{}"), "park-dadi", 404);
        call(json(post("/api/v1/cultivation/cases/" + id + "/approve"), "{}"), "official", 409); // illegal here
        service.declareConflict(new Scope("expert4", Role.EXPERT, Set.of(), null, null), "expert4", code, "曾任该企业顾问");
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'park-lijia' and kind = 'CULT_DISTRICT_REVIEW' "
                + "and subject_ref = ? and status = 'OPEN'").param("cult_case:" + id).query(Long.class).single()).isEqualTo(1);
        JsonNode passed = call(json(post("/api/v1/cultivation/cases/" + id + "/pass"), "{\"score\":88,\"comment\":\"材料齐全\"}"),
                "park-lijia", 200);
        assertThat(passed.get("state").asText()).isEqualTo("EXPERT_REVIEW");

        // experts drawn: 2, never of the firm's park, never with a declared conflict; blind
        List<CultivationStore.Review> reviews = service.store().reviews(id).stream()
                .filter(v -> v.stage() == ReviewStage.EXPERT).toList();
        assertThat(reviews).hasSize(2);
        String park = jdbc.sql("select park_id from enterprise where credit_code = ?").param(code).query(String.class).single();
        for (CultivationStore.Review v : reviews) {
            assertThat(v.reviewer()).isNotEqualTo("expert4");
            String expertPark = jdbc.sql("select park_id from cult_expert where username = ?").param(v.reviewer())
                    .query(String.class).optional().orElse(null);
            assertThat(expertPark).isNotEqualTo(park);
            String body = mvc.perform(get("/api/v1/cultivation/reviews").with(httpBasic(v.reviewer(), PW))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).contains("\"id\":" + id).doesNotContain(code)
                    .doesNotContain(jdbc.sql("select name from enterprise where credit_code = ?").param(code).query(String.class).single());
        }
        call(get("/api/v1/cultivation/cases/" + id), "expert4", 404);
        // each drawn expert has a to-do (notification module), closed when the review is submitted
        for (CultivationStore.Review v : reviews) {
            assertThat(jdbc.sql("select status from notification where recipient = ? and kind = 'CULT_EXPERT_REVIEW' and subject_ref = ?")
                    .params(v.reviewer(), "cult_review:" + v.id()).query(String.class).single()).isEqualTo("OPEN");
        }
        assertThat(jdbc.sql("select count(*) from notification where kind = 'CULT_DISTRICT_REVIEW' and subject_ref = ? and status = 'OPEN'")
                .param("cult_case:" + id).query(Long.class).single()).isZero();
        call(json(post("/api/v1/cultivation/reviews/" + reviews.get(0).id()), "{\"score\":90,\"opinion\":\"PASS\",\"comment\":\"创新能力强\"}"),
                reviews.get(1).reviewer(), 404); // not its review
        call(json(post("/api/v1/cultivation/reviews/" + reviews.get(0).id()), "{\"score\":130,\"opinion\":\"PASS\",\"comment\":\"x\"}"),
                reviews.get(0).reviewer(), 400);
        assertThat(call(json(post("/api/v1/cultivation/reviews/" + reviews.get(0).id()),
                "{\"score\":90,\"opinion\":\"PASS\",\"comment\":\"创新能力强\"}"), reviews.get(0).reviewer(), 200).get("state").asText())
                .isEqualTo("EXPERT_REVIEW");
        assertThat(call(json(post("/api/v1/cultivation/reviews/" + reviews.get(1).id()),
                "{\"score\":84,\"opinion\":\"PASS\",\"comment\":\"市场占有率较高\"}"), reviews.get(1).reviewer(), 200).get("state").asText())
                .isEqualTo("DECISION");
        assertThat(jdbc.sql("select count(*) from notification where kind = 'CULT_EXPERT_REVIEW' and subject_ref like 'cult_review:%' "
                + "and status = 'OPEN' and subject_ref in (?, ?)").params("cult_review:" + reviews.get(0).id(),
                "cult_review:" + reviews.get(1).id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'official' and kind = 'CULT_DECISION' "
                + "and subject_ref = ? and status = 'OPEN'").param("cult_case:" + id).query(Long.class).single()).isEqualTo(1);

        // decision, notice, objection
        call(json(post("/api/v1/cultivation/cases/" + id + "/approve"), "{\"reason\":\"拟认定\"}"), "official", 200);
        call(post("/api/v1/cultivation/rounds/" + roundId + "/notice"), "official", 200);
        JsonNode onNotice = call(get("/api/v1/cultivation/notice?round=" + roundId), "bank", 200);
        assertThat(onNotice).hasSize(1);
        assertThat(onNotice.get(0).get("noticeUntil").asText()).isEqualTo(today.plusDays(4).toString());
        call(json(post("/api/v1/cultivation/cases/" + id + "/objections"), "{\"reason\":\"x\"}"), "firm", 403); // not its own
        call(json(post("/api/v1/cultivation/cases/" + id + "/objections"), "{}"), "bank", 400);
        assertThat(call(json(post("/api/v1/cultivation/cases/" + id + "/objections"), "{\"reason\":\"存在未结清的欠税\"}"), "bank", 201)
                .get("state").asText()).isEqualTo("OBJECTED");
        // paused: nothing to recognise even after the notice ended
        service.clock(Clock.fixed(today.plusDays(6).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")));
        call(post("/api/v1/cultivation/rounds/" + roundId + "/recognise"), "official", 409);
        assertThat(call(json(post("/api/v1/cultivation/cases/" + id + "/objections/resolve"),
                "{\"upheld\":false,\"reason\":\"经税务部门核实已结清\"}"), "official", 200).get("state").asText()).isEqualTo("NOTICE");

        // recognition: title in the registry, 3 years
        JsonNode recognised = call(post("/api/v1/cultivation/rounds/" + roundId + "/recognise"), "official", 200);
        assertThat(recognised.get(0).get("state").asText()).isEqualTo("RECOGNISED");
        LocalDate on = today.plusDays(6);
        Title title = registry.titles(code).stream().filter(t -> t.tier() == tier && on.equals(t.recognisedOn())).findFirst().orElseThrow();
        assertThat(title.expiresOn()).isEqualTo(on.plusYears(3).minusDays(1));
        assertThat(title.inForceOn(on)).isTrue();

        // an end state refuses everything, bilingually
        JsonNode err = call(json(post("/api/v1/cultivation/cases/" + id + "/reject"), "{\"reason\":\"x\"}"), "official", 409);
        assertThat(err.get("error_zh").asText()).contains("已认定").contains("无（已结束）");
        assertThat(err.get("error_en").asText()).contains("recognised").contains("none (closed)");

        // exports
        MvcResult pdfList = mvc.perform(get("/api/v1/cultivation/rounds/" + roundId + "/recognised.pdf").with(httpBasic("official", PW)))
                .andReturn();
        assertThat(new String(pdfList.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        MvcResult xlsx = mvc.perform(get("/api/v1/cultivation/rounds/" + roundId + "/recognised.xlsx").with(httpBasic("official", PW)))
                .andReturn();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(1).getCellText(2)).isEqualTo("统一社会信用代码");
            assertThat(rows.get(2).getCellText(2)).isEqualTo(code);
            assertThat(rows.get(2).getCellText(6)).isEqualTo(title.expiresOn().toString());
        }

        // every transition audited with its actor
        List<String> actions = jdbc.sql("select action || ':' || actor from audit_event where entity_type = 'cult_case' and entity_id = ? "
                + "order by id").param(String.valueOf(id)).query(String.class).list();
        assertThat(actions).contains("CASE_CREATE:firm", "CASE_SUBMIT:firm", "CASE_PASS:park-lijia", "CASE_REVIEWS_COMPLETE:system",
                "CASE_APPROVE:official", "CASE_PUBLISH:official", "CASE_OBJECT:bank", "CASE_DISMISS_OBJECTION:official",
                "CASE_RECOGNISE:official");
    }

    @Test
    void a_returned_case_goes_back_to_the_stage_that_returned_it() {
        Scope official = new Scope("official", Role.OFFICIAL, Set.of(), null, null);
        LocalDate today = service.today();
        Round r = service.createRound(official, new CultivationService.RoundInput("SRDI", "IT 退回", today, today.plusDays(9), "auto",
                null, List.of("MUNICIPAL"), false, 1, 5));
        roundId = r.id();
        service.setRoundStatus(official, r.id(), Round.OPEN);
        String code = jdbc.sql("select e.credit_code from enterprise e join indicator_year y on y.credit_code = e.credit_code "
                + "where not exists (select 1 from enterprise_title t where t.credit_code = e.credit_code and t.tier = 'SRDI') "
                + "order by e.credit_code desc fetch first 1 rows only").query(String.class).single();
        Scope firm = new Scope("it-firm", Role.ENTERPRISE, Set.of(), code, null);
        CaseView c = service.apply(firm, r.id());
        service.sign(firm, c.id());
        assertThat(service.submit(firm, c.id()).state()).isEqualTo(CaseState.MUNICIPAL_REVIEW);
        assertThatThrownBy(() -> service.returnForCorrection(official, c.id(), " ", null)).hasMessageContaining("required");
        CaseView returned = service.returnForCorrection(official, c.id(), "缺少知识产权证明", today.plusDays(7));
        assertThat(returned.state()).isEqualTo(CaseState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("缺少知识产权证明");
        assertThat(returned.returnDeadline()).isEqualTo(today.plusDays(7));
        assertThat(service.todo(firm, pool)).extracting(Todo.Item::kind).contains("RETURNED");
        assertThatThrownBy(() -> service.reject(official, c.id(), "逾期")).hasMessageContaining("has not passed");
        // a 3-year ban (titles module) refuses the firm at submission
        jdbc.sql("insert into title_ban (credit_code, tier, ground, reason, starts_on, ends_on, created_by, created_at) "
                + "values (?, 'SRDI', 'DATA_FRAUD', 'IT', ?, ?, 'it', current_timestamp)")
                .params(code, java.sql.Date.valueOf(today.minusDays(1)), java.sql.Date.valueOf(today.plusYears(3))).update();
        try {
            assertThatThrownBy(() -> service.submit(firm, c.id())).hasMessageContaining("三年内").hasMessageContaining("3-year ban");
        } finally {
            jdbc.sql("delete from title_ban where credit_code = ? and created_by = 'it'").param(code).update();
        }
        CaseView again = service.submit(firm, c.id());
        assertThat(again.state()).isEqualTo(CaseState.MUNICIPAL_REVIEW);
        assertThat(again.returnReason()).isNull();
        assertThatThrownBy(() -> service.withdraw(new Scope("other", Role.ENTERPRISE, Set.of(), "91500000000000000X", null), c.id(), "x"))
                .hasMessageContaining("#" + c.id());
        assertThat(service.withdraw(firm, c.id(), "不申报了").state()).isEqualTo(CaseState.WITHDRAWN);
    }

    @Test
    void the_demo_has_cases_in_every_state() {
        List<String> states = jdbc.sql("select distinct state from cult_case").query(String.class).list();
        for (CaseState s : CaseState.values()) {
            assertThat(states).as("demo case in state %s", s).contains(s.name());
        }
    }

    String page(String path, String user, int status) throws Exception {
        MvcResult r = mvc.perform(get(path).with(httpBasic(user, PW))).andReturn();
        assertThat(r.getResponse().getStatus()).as("%s as %s", path, user).isEqualTo(status);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void the_pages_show_each_role_its_part() throws Exception {
        String firstRound = service.rounds().get(service.rounds().size() - 1).name();
        assertThat(page("/cultivation", "official", 200)).contains("申报批次").contains(firstRound).contains("new-round");
        assertThat(page("/cultivation?lang=en", "official", 200)).contains("Application rounds");
        assertThat(page("/cultivation/cases?state=DISTRICT_REVIEW", "official", 200)).contains("data-state=\"DISTRICT_REVIEW\"");
        assertThat(page("/cultivation/pool", "official", 200)).contains("data-entry=");
        assertThat(page("/cultivation/notice", "bank", 200)).contains("data-case=");
        page("/cultivation", "firm", 302);
        String my = page("/cultivation/my", "firm", 200);
        assertThat(my).contains("本企业的申报");
        long own = jdbc.sql("select id from cult_case where credit_code = ? order by id fetch first 1 rows only").param(firmCode())
                .query(Long.class).single();
        assertThat(page("/cultivation/cases/" + own, "firm", 200)).contains("criteria").contains("退回补正");
        long other = jdbc.sql("select id from cult_case where credit_code <> ? order by id fetch first 1 rows only").param(firmCode())
                .query(Long.class).single();
        page("/cultivation/cases/" + other, "firm", 404);
        page("/cultivation/my", "official", 403);
        String reviews = page("/cultivation/reviews", "expert", 200);
        assertThat(reviews).contains("我的评审任务");
        long assigned = jdbc.sql("select count(*) from cult_review where reviewer = 'expert' and stage = 'EXPERT'").query(Long.class).single();
        if (assigned > 0) {
            assertThat(reviews).contains("data-review=");
        }
        page("/cultivation/pool", "expert", 403);
    }
}

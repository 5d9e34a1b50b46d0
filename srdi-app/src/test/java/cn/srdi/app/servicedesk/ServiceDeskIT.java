package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.srdi.app.identity.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests end to end through the REST API on a clock the test moves: intake, routing (park rule
 * before region rule), working-day deadlines, escalation to the supervisor then the coordinator,
 * the pause while waiting for the firm, decline to the coordinator, resolve, rating, reopen window,
 * closing by itself; scopes; rate limits; attachments; the demo's year of requests.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ServiceDeskIT {

    static final String PW = "srdi2026";
    /** Monday 23 November 2026, 10:00 in Chongqing: no holiday for the next weeks. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 23, 10, 0);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    ServiceDesk desk;
    @Autowired
    IntakeLimiter limiter;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void monday() {
        clock.set(MONDAY);
        limiter.reset();
    }

    @AfterEach
    void realTime() {
        clock.reset();
        limiter.reset();
    }

    JsonNode call(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    MvcResult submit(String body, String category) throws Exception {
        String c = category == null ? "" : ",\"category\":\"" + category + "\"";
        return mvc.perform(post("/api/v1/servicedesk/requests").with(httpBasic("firm", PW)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"" + body + "\"" + c + "}")).andReturn();
    }

    MvcResult act(String user, long id, String action, String bodyJson) throws Exception {
        return mvc.perform(post("/api/v1/servicedesk/requests/" + id + "/actions/" + action).with(httpBasic(user, PW))
                .contentType(MediaType.APPLICATION_JSON).content(bodyJson == null ? "{}" : bodyJson)).andReturn();
    }

    JsonNode ok(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isBetween(200, 201);
        return call(r);
    }

    ServiceRequest row(long id) {
        return desk.storeFind(id);
    }

    @Test
    void aPermitRequestOfALijiaFirmRunsItsWholeLifeOnWorkingDayDeadlines() throws Exception {
        JsonNode created = ok(submit("新建生产线需要办理环评审批和排污许可，请协调加快", null));
        long id = created.get("id").asLong();
        assertThat(created.get("category").asText()).isEqualTo("PERMITS");
        assertThat(created.get("suggestedCategory").asText()).isEqualTo("PERMITS");
        assertThat(created.get("department").asText()).isEqualTo("LIJIA_DESK"); // the park's rule wins over the region's
        ServiceRequest r = row(id);
        // Monday does not count: accept by the end of Tuesday, first reply by the end of Thursday, resolve by the end of 14 Dec
        assertThat(r.acceptDueAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 0, 0));
        assertThat(r.replyDueAt()).isEqualTo(LocalDateTime.of(2026, 11, 27, 0, 0));
        assertThat(r.resolveDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 15, 0, 0));
        assertThat(r.slaStage()).isEqualTo("ACCEPT");
        assertThat(r.nextCheckAt()).isEqualTo(r.nearAt()).isBefore(r.dueAt());
        // a to-do for every member of the department
        assertThat(todos("lijia-handler", "SD_ACCEPT", id)).isEqualTo(1);

        // another department sees nothing of it and cannot act on it
        assertThat(mvc.perform(get("/api/v1/servicedesk/requests/" + id).with(httpBasic("handler", PW))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(act("handler", id, "accept", null).getResponse().getStatus()).isEqualTo(404);
        // the firm may not accept its own request
        assertThat(act("firm", id, "accept", null).getResponse().getStatus()).isEqualTo(403);

        // nothing to do before the near instant
        clock.set(r.nearAt().minusMinutes(1));
        desk.sweep();
        assertThat(row(id).escalation()).isZero();
        // near: the department's supervisor is alerted
        clock.set(r.nearAt().plusMinutes(1));
        assertThat(desk.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(row(id).escalation()).isEqualTo(1);
        assertThat(row(id).nextCheckAt()).isEqualTo(r.dueAt());
        assertThat(todos("lijia-chief", "SD_ESCALATION1", id)).isEqualTo(1);
        assertThat(todos("coordinator", "SD_ESCALATION2", id)).isZero();
        // overdue: the coordinator
        clock.set(r.dueAt().plusMinutes(30));
        desk.sweep();
        assertThat(row(id).escalation()).isEqualTo(2);
        assertThat(row(id).nextCheckAt()).isNull();
        assertThat(todos("coordinator", "SD_ESCALATION2", id)).isEqualTo(1);
        assertThat(todos("svc-handler", "SD_ESCALATION2", id)).isEqualTo(1);
        // the coordinator now sees it (escalated to it), the department still handles it
        assertThat(mvc.perform(get("/api/v1/servicedesk/requests/" + id).with(httpBasic("svc-handler", PW))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);

        JsonNode accepted = ok(act("lijia-handler", id, "accept", null));
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(row(id).acceptLate()).isTrue();
        assertThat(row(id).slaStage()).isEqualTo("REPLY");
        assertThat(row(id).escalation()).isZero(); // a new stage starts unescalated
        assertThat(row(id).dueAt()).isEqualTo(r.replyDueAt());

        // asking the firm for more pauses the clock (and is the first reply, on time)
        assertThat(act("lijia-handler", id, "ask_more", "{}").getResponse().getStatus()).isEqualTo(400); // a note is required
        ok(act("lijia-handler", id, "ask_more", "{\"note\":\"请补充环评报告\"}"));
        ServiceRequest waiting = row(id);
        assertThat(waiting.status()).isEqualTo(RequestStatus.WAITING_FIRM);
        assertThat(waiting.replyLate()).isFalse();
        assertThat(waiting.dueAt()).isNull();
        assertThat(waiting.nextCheckAt()).isNull();
        // the firm answers on Friday morning: Thursday and Friday did not count, so resolution moves by two working days
        clock.set(LocalDateTime.of(2026, 11, 27, 9, 0));
        ok(act("firm", id, "supply", "{\"note\":\"已上传环评报告\"}"));
        ServiceRequest resumed = row(id);
        assertThat(resumed.status()).isEqualTo(RequestStatus.REPLIED);
        assertThat(resumed.slaStage()).isEqualTo("RESOLVE");
        assertThat(resumed.resolveDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 17, 0, 0));
        assertThat(resumed.dueAt()).isEqualTo(resumed.resolveDueAt());

        clock.advance(Duration.ofHours(5));
        ok(act("lijia-handler", id, "resolve", "{\"note\":\"已协调审批局，环评已受理\"}"));
        ServiceRequest resolved = row(id);
        assertThat(resolved.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(resolved.resolveLate()).isFalse();
        assertThat(resolved.confirmDueAt()).isEqualTo(resolved.resolvedAt().plusDays(7));
        assertThat(resolved.nextCheckAt()).isEqualTo(resolved.confirmDueAt());
        assertThat(todos("firm", "SD_FIRM", id)).isEqualTo(1);

        assertThat(act("firm", id, "confirm", "{\"rating\":6}").getResponse().getStatus()).isEqualTo(400);
        JsonNode closed = ok(act("firm", id, "confirm", "{\"rating\":4,\"comment\":\"办理及时\"}"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("rating").asInt()).isEqualTo(4);
        assertThat(todos("firm", "SD_FIRM", id)).isZero();

        // an illegal transition is refused in both languages
        MvcResult again = act("firm", id, "confirm", "{\"rating\":5}");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        JsonNode err = call(again);
        assertThat(err.get("error_zh").asText()).contains("已关闭").contains("确认并评价");
        assertThat(err.get("error_en").asText()).contains("not allowed");

        // history and audit trail
        List<String> actions = desk.detail(cn.srdi.app.identity.Scope.system(), id).events().stream().map(RequestEvent::action).toList();
        assertThat(actions).containsExactly("SUBMIT", "ESCALATE", "ESCALATE", "ACCEPT", "ASK_MORE", "SUPPLY", "RESOLVE", "CONFIRM");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'service_request' and entity_id = ?")
                .param(row(id).refNo()).query(Long.class).single()).isEqualTo(8);
    }

    long todos(String user, String kind, long id) {
        return jdbc.sql("select count(*) from notification where recipient = ? and kind = ? and subject_ref = ? and status = 'OPEN'")
                .params(user, kind, "sd-request:" + id).query(Long.class).single();
    }

    @Test
    void aDeclinedRequestGoesToTheCoordinatorWhoTransfersIt() throws Exception {
        long id = ok(submit("公司流动资金紧张，希望对接银行办理信用贷款", null)).get("id").asLong();
        assertThat(row(id).departmentId()).isEqualTo("FIN");
        MvcResult noReason = act("fin-handler", id, "decline", "{}");
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(call(noReason).get("error_en").asText()).contains("reason");
        ok(act("fin-handler", id, "decline", "{\"note\":\"该企业需求属于产业政策，不属于本局职责\"}"));
        assertThat(row(id).departmentId()).isEqualTo("SVC");
        assertThat(row(id).status()).isEqualTo(RequestStatus.SUBMITTED);
        // the declining department no longer sees it
        assertThat(mvc.perform(get("/api/v1/servicedesk/requests/" + id).with(httpBasic("fin-handler", PW))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        // the coordinator cannot decline, it re-routes
        assertThat(act("svc-handler", id, "decline", "{\"note\":\"x\"}").getResponse().getStatus()).isEqualTo(409);
        assertThat(act("svc-handler", id, "transfer", "{\"note\":\"转经信委\",\"department\":\"NOPE\"}").getResponse().getStatus())
                .isEqualTo(400);
        ok(act("svc-handler", id, "transfer", "{\"note\":\"转经信委办理\",\"department\":\"ECON\"}"));
        assertThat(row(id).departmentId()).isEqualTo("ECON");
        ok(act("econ-handler", id, "accept", null));
        assertThat(row(id).acceptLate()).isFalse();
    }

    @Test
    void aResolvedRequestClosesByItselfAfterSevenDaysAndCannotBeReopenedThen() throws Exception {
        long id = ok(submit("请解读专精特新的认定条件", null)).get("id").asLong();
        String dept = row(id).departmentId();
        String handler = jdbc.sql("select username from app_user where department = ? and username like '%handler' fetch first 1 rows only")
                .param(dept).query(String.class).single();
        ok(act(handler, id, "accept", null));
        ok(act(handler, id, "reply", "{\"note\":\"已收悉\"}"));
        ok(act(handler, id, "resolve", "{\"note\":\"已解读\"}"));
        // reopened within the window: the resolve clock restarts
        clock.advance(Duration.ofDays(2));
        ok(act("firm", id, "reopen", "{\"note\":\"还有疑问\"}"));
        ServiceRequest reopened = row(id);
        assertThat(reopened.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.slaStage()).isEqualTo("RESOLVE");
        assertThat(reopened.resolveDueAt()).isAfter(clock.instant().atZone(MovableClock.ZONE).toLocalDateTime().plusDays(14));
        ok(act(handler, id, "resolve", "{\"note\":\"已再次解读\"}"));
        LocalDateTime confirmBy = row(id).confirmDueAt();
        clock.set(confirmBy.minusMinutes(1));
        desk.sweep();
        assertThat(row(id).status()).isEqualTo(RequestStatus.RESOLVED);
        clock.set(confirmBy.plusMinutes(1));
        MvcResult late = act("firm", id, "reopen", "{\"note\":\"再看看\"}");
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(call(late).get("error_zh").asText()).contains("确认期");
        desk.sweep();
        ServiceRequest closed = row(id);
        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.rating()).isNull();
        assertThat(closed.nextCheckAt()).isNull();
    }

    @Test
    void manyRequestsFallingDueTogetherAreEscalatedInOneSetBasedPassWithOneToDoPerSupervisor() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < ServiceDesk.TODOS_PER_RECIPIENT + 5; i++) {
            if (i % 10 == 0) {
                limiter.reset();
            }
            ids.add(ok(submit("申请流动资金贷款第" + i + "笔", "FINANCE")).get("id").asLong());
        }
        ServiceRequest first = row(ids.get(0));
        clock.set(first.nearAt().plusMinutes(1));
        assertThat(desk.sweep()).isGreaterThanOrEqualTo(ids.size());
        for (long id : ids) {
            ServiceRequest r = row(id);
            assertThat(r.escalation()).isEqualTo(1);
            assertThat(r.nextCheckAt()).isEqualTo(r.dueAt());
            assertThat(desk.detail(cn.srdi.app.identity.Scope.system(), id).events()).extracting(RequestEvent::action)
                    .containsExactly("SUBMIT", "ESCALATE");
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'REQUEST_ESCALATE' and entity_id = ?")
                    .param(r.refNo()).query(Long.class).single()).isEqualTo(1);
            assertThat(todos("fin-chief", "SD_ESCALATION1", id)).isZero();
        }
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'fin-chief' and kind = 'SD_ESCALATION1' "
                + "and subject_ref like 'sd-escalations:%' and status = 'OPEN'").query(Long.class).single()).isEqualTo(1);
        // a second sweep at the same instant changes nothing; past the deadline every one goes to the coordinator
        assertThat(desk.sweep()).isZero();
        clock.set(first.dueAt().plusMinutes(1));
        desk.sweep();
        for (long id : ids) {
            assertThat(row(id).escalation()).isEqualTo(2);
            assertThat(row(id).nextCheckAt()).isNull();
        }
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager txm;

    long escalationAudits(String refNo) {
        return jdbc.sql("select count(*) from audit_event where action = 'REQUEST_ESCALATE' and entity_id = ?")
                .param(refNo).query(Long.class).single();
    }

    @Test
    void aRequestAUserChangesWhileTheSweepRunsKeepsTheChangeAndIsNotEscalated() throws Exception {
        long a = ok(submit("申请流动资金贷款，请银行尽快联系", "FINANCE")).get("id").asLong();
        long b = ok(submit("申请设备更新贷款贴息", "FINANCE")).get("id").asLong();
        LocalDateTime at = row(a).nearAt().plusMinutes(1);
        clock.set(at);
        // the sweep has read the due rows ...
        List<ServiceDesk.Due> due = desk.dueRows(at, 100_000).stream().filter(d -> d.id() == a || d.id() == b).toList();
        assertThat(due).extracting(ServiceDesk.Due::level).containsExactly(1, 1);
        // ... when a handler accepts one of them (committed): a new stage, unescalated, a new row version
        String handler = jdbc.sql("select username from app_user where department = ? and username like '%handler' "
                + "fetch first 1 rows only").param(row(a).departmentId()).query(String.class).single();
        ok(act(handler, a, "accept", null));
        ServiceRequest accepted = row(a);
        assertThat(accepted.slaStage()).isEqualTo("REPLY");
        Integer changed = new org.springframework.transaction.support.TransactionTemplate(txm).execute(s -> desk.escalate(at, due));
        assertThat(changed).isEqualTo(1);
        // the accepted request keeps what the handler did: not escalated, no history event, audit record or to-do
        ServiceRequest afterA = row(a);
        assertThat(afterA.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(afterA.escalation()).isZero();
        assertThat(afterA.rowVersion()).isEqualTo(accepted.rowVersion());
        assertThat(afterA.nextCheckAt()).isEqualTo(accepted.nextCheckAt()).isAfter(at);
        assertThat(desk.detail(cn.srdi.app.identity.Scope.system(), a).events()).extracting(RequestEvent::action)
                .containsExactly("SUBMIT", "ACCEPT");
        assertThat(escalationAudits(afterA.refNo())).isZero();
        assertThat(todos("fin-chief", "SD_ESCALATION1", a)).isZero();
        // the other one is escalated once, with its event, audit record and to-do
        ServiceRequest afterB = row(b);
        assertThat(afterB.escalation()).isEqualTo(1);
        assertThat(afterB.nextCheckAt()).isEqualTo(afterB.dueAt());
        assertThat(desk.detail(cn.srdi.app.identity.Scope.system(), b).events()).extracting(RequestEvent::action)
                .containsExactly("SUBMIT", "ESCALATE");
        assertThat(escalationAudits(afterB.refNo())).isEqualTo(1);
        assertThat(todos("fin-chief", "SD_ESCALATION1", b)).isEqualTo(1);
        // the next sweep at the same instant: nothing more for either
        desk.sweep();
        assertThat(row(a).escalation()).isZero();
        assertThat(row(b).rowVersion()).isEqualTo(afterB.rowVersion());
        assertThat(escalationAudits(afterB.refNo())).isEqualTo(1);
    }

    @Test
    void chunksEscalatedInParallelGiveEachRequestOneEventAndAuditRecordAndEachRecipientOneCountingToDo() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * (ServiceDesk.TODOS_PER_RECIPIENT + 5); i++) {
            if (i % 10 == 0) {
                limiter.reset();
            }
            ids.add(ok(submit("申请技改项目贷款第" + i + "笔", "FINANCE")).get("id").asLong());
        }
        LocalDateTime at = row(ids.get(0)).nearAt().plusMinutes(1);
        clock.set(at);
        // no counting to-do of the supervisor open from earlier tests
        jdbc.sql("update notification set status = 'DONE' where recipient = 'fin-chief' and subject_ref like 'sd-escalations:%'")
                .update();
        // two chunks of more than TODOS_PER_RECIPIENT rows each, on two threads (each its own transaction)
        List<ServiceDesk.Due> due = desk.dueRows(at, 100_000).stream().filter(d -> ids.contains(d.id())).toList();
        assertThat(due).hasSize(ids.size());
        assertThat(desk.escalateInChunks(at, due, ids.size() / 2)).isEqualTo(ids.size());
        for (long id : ids) {
            ServiceRequest r = row(id);
            assertThat(r.escalation()).isEqualTo(1);
            assertThat(desk.detail(cn.srdi.app.identity.Scope.system(), id).events()).extracting(RequestEvent::action)
                    .containsExactly("SUBMIT", "ESCALATE");
            assertThat(escalationAudits(r.refNo())).isEqualTo(1);
        }
        // whichever chunk came second found the first one's to-do: one to-do naming a count, not two
        assertThat(jdbc.sql("select count(*) from notification where recipient = 'fin-chief' and kind = 'SD_ESCALATION1' "
                + "and subject_ref like 'sd-escalations:%' and status = 'OPEN'").query(Long.class).single()).isEqualTo(1);
        for (long id : ids) {
            assertThat(todos("fin-chief", "SD_ESCALATION1", id)).isZero();
        }
    }

    @Autowired
    cn.srdi.app.calendar.Calendars calendars;

    @Test
    void aHolidayAddedToTheCalendarMovesTheStoredDeadlinesOfOpenRequests() throws Exception {
        long id = ok(submit("希望对接银行办理贷款", null)).get("id").asLong();
        assertThat(row(id).acceptDueAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 0, 0));
        java.time.LocalDate tuesday = java.time.LocalDate.of(2026, 11, 24);
        try {
            calendars.putDay(new cn.srdi.app.calendar.CalendarDay(tuesday, cn.srdi.app.calendar.DayKind.HOLIDAY, "测试假日", "test holiday"));
            ServiceRequest moved = row(id);
            assertThat(moved.acceptDueAt()).isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 0));
            assertThat(moved.dueAt()).isEqualTo(moved.acceptDueAt());
            assertThat(moved.nextCheckAt()).isEqualTo(moved.nearAt());
        } finally {
            calendars.deleteDay(tuesday);
        }
        assertThat(row(id).acceptDueAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 0, 0));
    }

    @Test
    void eachRoleSeesOnlyItsScopeOfRequests() throws Exception {
        ok(submit("希望对接银行贷款", null));
        String own = jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
        JsonNode mine = ok(mvc.perform(get("/api/v1/servicedesk/requests?size=200").with(httpBasic("firm", PW))).andReturn());
        assertThat(mine.get("total").asLong()).isPositive();
        mine.get("items").forEach(i -> assertThat(i.get("creditCode").asText()).isEqualTo(own));
        JsonNode fin = ok(mvc.perform(get("/api/v1/servicedesk/requests?size=200").with(httpBasic("fin-handler", PW))).andReturn());
        fin.get("items").forEach(i -> assertThat(i.get("department").asText()).isEqualTo("FIN"));
        JsonNode dadi = ok(mvc.perform(get("/api/v1/servicedesk/requests?size=200").with(httpBasic("park-dadi", PW))).andReturn());
        assertThat(dadi.get("total").asLong()).isPositive();
        dadi.get("items").forEach(i -> assertThat(i.get("parkId").asText()).isIn("DADI", "TIANHAIXING"));
        long all = ok(mvc.perform(get("/api/v1/servicedesk/requests").with(httpBasic("official", PW))).andReturn()).get("total").asLong();
        assertThat(all).isGreaterThan(dadi.get("total").asLong()).isGreaterThan(mine.get("total").asLong());
        for (String u : List.of("bank", "expert")) {
            assertThat(mvc.perform(get("/api/v1/servicedesk/requests").with(httpBasic(u, PW))).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
        }
        // departments' statistics are scoped too
        JsonNode stats = ok(mvc.perform(get("/api/v1/servicedesk/stats?by=department").with(httpBasic("fin-handler", PW))).andReturn());
        stats.forEach(r -> assertThat(r.get("key").asText()).isIn("FIN", "TOTAL"));
        // only firms raise requests
        assertThat(mvc.perform(post("/api/v1/servicedesk/requests").with(httpBasic("official", PW)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"x\"}")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void intakeIsRateLimitedPerFirmWithABilingual429() throws Exception {
        int limit = desk.properties().rate().perFirm();
        for (int i = 0; i < limit; i++) {
            ok(submit("第" + i + "次咨询政策", null));
        }
        MvcResult r = submit("再次咨询政策", null);
        assertThat(r.getResponse().getStatus()).isEqualTo(429);
        assertThat(r.getResponse().getHeader("Retry-After")).isNotBlank();
        JsonNode e = call(r);
        assertThat(e.get("error_zh").asText()).contains("提交过于频繁");
        assertThat(e.get("error_en").asText()).contains("too many requests");
        // bad input is refused before any token is taken, bilingually
        limiter.reset();
        MvcResult empty = submit("  ", null);
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(call(empty).get("error_zh").asText()).contains("body");
        MvcResult badCat = submit("x", "FOOD");
        assertThat(badCat.getResponse().getStatus()).isEqualTo(400);
        assertThat(call(badCat).get("error_en").asText()).contains("FOOD");
    }

    @Test
    void attachmentsAreCheckedByContentAndOnlyTheRequestsReadersDownloadThem() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("files", "invoice.pdf", "application/pdf", new byte[] {'M', 'Z', 1, 2});
        long before = jdbc.sql("select count(*) from sd_request").query(Long.class).single();
        MvcResult refused = firmMultipart("/m/requests", fake, "body", "请协调贷款");
        assertThat(refused.getResponse().getStatus()).isEqualTo(415);
        assertThat(jdbc.sql("select count(*) from sd_request").query(Long.class).single()).isEqualTo(before);
        MockMultipartFile pdf = new MockMultipartFile("files", "报表.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
        MvcResult created = firmMultipart("/m/requests", pdf, "body", "请协调贷款，附财务报表");
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll(".*/requests/(\\d+).*", "$1"));
        ServiceDesk.AttachmentInfo a = desk.attachments(id).get(0);
        assertThat(a.fileName()).isEqualTo("报表.pdf");
        assertThat(a.sha256()).hasSize(64);
        onlyTheRoutedDepartmentDownloads("/servicedesk/requests/" + id + "/attachments/" + a.id(), "%PDF-1.4");
    }

    /** The finance department reads the attachment (as sent, not sniffed by the browser); other departments and parks get 404. */
    void onlyTheRoutedDepartmentDownloads(String path, String contentStart) throws Exception {
        MvcResult fin = mvc.perform(get(path).with(httpBasic("fin-handler", PW))).andReturn();
        assertThat(fin.getResponse().getStatus()).isEqualTo(200);
        assertThat(fin.getResponse().getContentAsString()).startsWith(contentStart);
        assertThat(fin.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(mvc.perform(get(path).with(httpBasic("handler", PW))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(path).with(httpBasic("park-dadi", PW))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** A multipart POST by the demo firm's user in its session (with the CSRF token). */
    MvcResult firmMultipart(String url, MockMultipartFile file, String... params) throws Exception {
        var req = multipart(url).file(file);
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req.with(user(firmUser()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn();
    }

    @Test
    void theApiTakesAttachmentsAsMultipartAndServesThemToTheRequestsReadersOnly() throws Exception {
        long before = jdbc.sql("select count(*) from sd_request").query(Long.class).single();
        MockMultipartFile fake = new MockMultipartFile("files", "invoice.pdf", "application/pdf", new byte[] {'M', 'Z', 1, 2});
        MvcResult refused = firmMultipart("/api/v1/servicedesk/requests", fake, "body", "请协调贷款");
        assertThat(refused.getResponse().getStatus()).isEqualTo(415);
        assertThat(call(refused).get("error_zh").asText()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from sd_request").query(Long.class).single()).isEqualTo(before);
        MockMultipartFile pdf = new MockMultipartFile("files", "报表.pdf", "application/pdf", "%PDF-1.4 api".getBytes());
        MvcResult created = firmMultipart("/api/v1/servicedesk/requests", pdf, "category", "FINANCE", "body", "请协调贷款，附财务报表");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long id = call(created).get("id").asLong();
        assertThat(call(created).get("category").asText()).isEqualTo("FINANCE");
        ServiceDesk.AttachmentInfo a = desk.attachments(id).get(0);
        assertThat(a.fileName()).isEqualTo("报表.pdf");
        onlyTheRoutedDepartmentDownloads("/api/v1/servicedesk/requests/" + id + "/attachments/" + a.id(), "%PDF-1.4 api");
        // the department asks for more; the firm supplies a file through the API's multipart action
        assertThat(mvc.perform(post("/api/v1/servicedesk/requests/" + id + "/actions/ACCEPT").contentType("application/json")
                .content("{}").with(httpBasic("fin-handler", PW))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/api/v1/servicedesk/requests/" + id + "/actions/ASK_MORE").contentType("application/json")
                .content("{\"note\":\"请补充近三年财务报表\"}").with(httpBasic("fin-handler", PW))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        MockMultipartFile more = new MockMultipartFile("files", "2025年报.pdf", "application/pdf", "%PDF-1.7 more".getBytes());
        MvcResult supplied = firmMultipart("/api/v1/servicedesk/requests/" + id + "/actions/SUPPLY", more, "note", "已补充");
        assertThat(supplied.getResponse().getStatus()).isEqualTo(200);
        assertThat(desk.attachments(id)).extracting(ServiceDesk.AttachmentInfo::fileName).containsExactly("报表.pdf", "2025年报.pdf");
    }

    @Autowired
    UserAccounts accounts;

    org.springframework.security.core.userdetails.UserDetails firmUser() {
        return accounts.loadUserByUsername("firm");
    }

    @Test
    @org.junit.jupiter.api.Order(1) // before this class's sweeps move the clock weeks on
    void theDemoHoldsAYearOfRequestsInEveryStateWithEscalationsRatingsAndReopens() {
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.sql("select status, count(*) from sd_request group by status")
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        for (RequestStatus s : RequestStatus.values()) {
            assertThat(byStatus.getOrDefault(s.name(), 0L)).as("demo requests in %s", s).isPositive();
        }
        assertThat(jdbc.sql("select count(*) from sd_request_event where action = 'ESCALATE'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from sd_request_event where action = 'DECLINE'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from sd_request_event where action = 'AUTO_CLOSE'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from sd_request where reopen_count > 0").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from sd_request where rating is not null").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from sd_request where accept_late = true").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from sd_request where accept_late = false").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(distinct category) from sd_request").query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from enterprise e where not exists (select 1 from sd_firm_code c "
                + "where c.credit_code = e.credit_code)").query(Long.class).single()).isZero();
    }

    @Test
    void theDatabaseComputesTheSameReferenceNumbersAsTheIntakeReturns() {
        // every stored request (the demo's year and this class's): the generated column against RequestStore.refNo
        List<String[]> rows = jdbc.sql("select id, created_at, ref_no from sd_request")
                .query((rs, n) -> new String[] {RequestStore.refNo(rs.getTimestamp(2).toLocalDateTime(), rs.getLong(1)),
                        rs.getString(3)}).list();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r[1]).isEqualTo(r[0]));
        // ids past six digits are not cut (lpad would truncate them), the date's digits keep their zeros
        for (long id : new long[] {1, 999_999, 1_000_000, 123_456_789_012L}) {
            LocalDateTime at = LocalDateTime.of(2027, 1, 5, 23, 59, 59);
            String sql = "select " + db.migration.V53__servicedesk_ref_no_generated.EXPRESSION
                    + " from (select cast(? as bigint) as id, cast(? as timestamp) as created_at) t";
            assertThat(jdbc.sql(sql).params(id, java.sql.Timestamp.valueOf(at)).query(String.class).single())
                    .as("ref_no of id %d", id).isEqualTo(RequestStore.refNo(at, id));
        }
        assertThat(RequestStore.refNo(LocalDateTime.of(2027, 1, 5, 0, 0), 42)).isEqualTo("SQ20270105-000042");
    }

    @Autowired
    Departments departments;

    /** What the intake returned is what is stored, with its clock row, one SUBMIT event, one audit record and the department's to-dos. */
    void storedCompletely(ServiceRequest r) {
        assertThat(desk.storeFind(r.id())).isEqualTo(r);
        assertThat(desk.detail(cn.srdi.app.identity.Scope.system(), r.id()).events()).extracting(RequestEvent::action)
                .containsExactly("SUBMIT");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REQUEST_SUBMIT' and entity_id = ?")
                .param(r.refNo()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select recipient from notification where kind = 'SD_ACCEPT' and subject_ref = ? order by recipient")
                .param("sd-request:" + r.id()).query(String.class).list())
                .isNotEmpty().isEqualTo(departments.members(r.departmentId()));
    }

    @Test
    void firmsRaisingAtTheSameMomentEachGetTheirOwnCompleteRequest() throws Exception {
        List<String> firms = jdbc.sql("select credit_code from enterprise order by credit_code fetch first 24 rows only")
                .query(String.class).list();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(firms.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<ServiceRequest>> raised = new java.util.ArrayList<>();
            for (int i = 0; i < firms.size(); i++) {
                int n = i;
                cn.srdi.app.identity.Scope firm = new cn.srdi.app.identity.Scope("gc-firm-" + n, cn.srdi.app.identity.Role.ENTERPRISE,
                        java.util.Set.of(), firms.get(n), null);
                raised.add(pool.submit(() -> {
                    go.await();
                    return desk.submit(firm, new ServiceDesk.Intake(n % 2 == 0 ? null : "TALENT", null, "第" + n + "家企业申请贷款贴息"),
                            List.of(), "10.1.0." + n);
                }));
            }
            go.countDown();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (int i = 0; i < firms.size(); i++) {
                ServiceRequest r = raised.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.creditCode()).as("each caller gets its own request").isEqualTo(firms.get(i));
                assertThat(r.body()).isEqualTo("第" + i + "家企业申请贷款贴息");
                assertThat(r.category()).isEqualTo(i % 2 == 0 ? Category.FINANCE : Category.TALENT);
                assertThat(r.createdBy()).isEqualTo("gc-firm-" + i);
                storedCompletely(r);
                ids.add(r.id());
            }
            assertThat(ids).hasSize(firms.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchOfIntakesFailsAnUnknownFirmAloneAndLinksAttachmentsToTheirOwnEvents() {
        String firm = jdbc.sql("select credit_code from enterprise order by credit_code fetch first 1 rows only").query(String.class).single();
        String unknown = "91500000MA00000000";
        assertThat(jdbc.sql("select count(*) from enterprise where credit_code = ?").param(unknown).query(Long.class).single()).isZero();
        LocalDateTime now = desk.now();
        AttachmentCheck.Checked pdf = AttachmentCheck.check("报表.pdf", "%PDF-1.4 batch".getBytes(StandardCharsets.UTF_8), 1 << 20);
        List<ServiceDesk.Prepared> batch = List.of(
                desk.prepare(firm, "gc-a", new ServiceDesk.Intake(null, "政策咨询", "咨询高新技术企业认定政策"), List.of(), "10.2.0.1", now, true),
                desk.prepare(unknown, "gc-b", new ServiceDesk.Intake(null, "申请贷款", "申请贷款"), List.of(), "10.2.0.2", now, true),
                desk.prepare(firm, "gc-c", new ServiceDesk.Intake("FINANCE", "申请贴息贷款", "申请贴息贷款，附报表"), List.of(pdf), "10.2.0.3", now, true));
        List<GroupCommit.Outcome<ServiceRequest>> out = new org.springframework.transaction.support.TransactionTemplate(txm)
                .execute(s -> desk.writeAll(batch));
        assertThat(out).hasSize(3);
        assertThat(out.get(1).value()).isNull();
        assertThat(out.get(1).error()).isInstanceOf(cn.srdi.app.web.BilingualException.class)
                .hasMessageContaining(unknown);
        assertThat(((cn.srdi.app.web.BilingualException) out.get(1).error()).status().value()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from sd_request where credit_code = ?").param(unknown).query(Long.class).single()).isZero();
        ServiceRequest a = out.get(0).value();
        ServiceRequest c = out.get(2).value();
        storedCompletely(a);
        storedCompletely(c);
        assertThat(a.category()).isEqualTo(Category.POLICY);
        ServiceDesk.AttachmentInfo file = desk.attachments(c.id()).get(0);
        assertThat(file.fileName()).isEqualTo("报表.pdf");
        assertThat(file.eventId()).as("the attachment names its request's SUBMIT event")
                .isEqualTo(desk.detail(cn.srdi.app.identity.Scope.system(), c.id()).events().get(0).id());
        assertThat(desk.attachments(a.id())).isEmpty();
    }
}

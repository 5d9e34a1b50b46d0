package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake routes from cached rules ({@link Departments#route}): a rule set or deleted is used by
 * the very next request, a rule written in a transaction that rolls back is never used, rules
 * written with SQL of one's own are used after {@link Departments#forgetRouting}; and what the
 * intake answers (built from what it wrote, not read back) is what is stored.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RoutingCacheIT {

    @Autowired
    Departments departments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager txm;
    @Autowired
    MockMvc mvc;
    @Autowired
    IntakeLimiter limiter;

    final JsonMapper json = JsonMapper.builder().build();

    @org.junit.jupiter.api.BeforeEach
    void fullBuckets() {
        limiter.reset();
    }

    @AfterEach
    void demoRules() {
        // back to the demo's rule for MARKET (region-wide → COMMERCE), none for LIJIA
        jdbc.sql("delete from sd_routing_rule where category = 'MARKET'").update();
        jdbc.sql("insert into sd_routing_rule (category, park_id, department_id) values ('MARKET', null, 'COMMERCE')").update();
        departments.forgetRouting();
        limiter.reset();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aChangedRuleIsUsedByTheNextRouteAndARolledBackOneNever() {
        assertThat(departments.route(Category.MARKET, "LIJIA")).isEqualTo("COMMERCE");
        assertThat(departments.route(Category.PERMITS, "LIJIA")).isEqualTo("LIJIA_DESK"); // the park's rule first
        assertThat(departments.route(Category.PERMITS, null)).isEqualTo("APPROVAL");

        Departments.Rule park = departments.setRule(Category.MARKET, "LIJIA", "LIJIA_DESK");
        assertThat(departments.route(Category.MARKET, "LIJIA")).isEqualTo("LIJIA_DESK");
        assertThat(departments.route(Category.MARKET, null)).isEqualTo("COMMERCE");
        departments.setRule(Category.MARKET, null, "ECON");
        assertThat(departments.route(Category.MARKET, "XIYONG")).isEqualTo("ECON");
        departments.deleteRule(park.id());
        assertThat(departments.route(Category.MARKET, "LIJIA")).isEqualTo("ECON");

        // a rule set in a transaction that fails is not used, neither inside it after the cache was filled elsewhere nor after
        TransactionTemplate tx = new TransactionTemplate(txm);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            departments.setRule(Category.MARKET, null, "FIN");
            assertThat(departments.route(Category.MARKET, null)).isEqualTo("FIN"); // its own change, seen inside
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(departments.route(Category.MARKET, null)).isEqualTo("ECON");

        // SQL of one's own: used once the cache is told
        jdbc.sql("update sd_routing_rule set department_id = 'HR' where category = 'MARKET' and park_id is null").update();
        departments.forgetRouting();
        assertThat(departments.route(Category.MARKET, null)).isEqualTo("HR");
    }

    @Test
    void theIntakeAnswersWhatItStoredAndRoutesByTheCurrentRule() throws Exception {
        departments.setRule(Category.MARKET, null, "ECON");
        MvcResult r = mvc.perform(post("/api/v1/servicedesk/requests").with(httpBasic("firm", "srdi2026"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"新产品希望进入政府采购目录并参加展会，请提供市场拓展方面的支持。\"}")).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode created = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(created.get("department").asText()).isEqualTo("ECON");
        assertThat(created.get("category").asText()).isEqualTo("MARKET");
        long id = created.get("id").asLong();
        assertThat(created.get("refNo").asText()).matches("SQ\\d{8}-0*" + id);
        JsonNode stored = json.readTree(mvc.perform(get("/api/v1/servicedesk/requests/" + id).with(httpBasic("firm", "srdi2026")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("request");
        assertThat(created).isEqualTo(stored);
        assertThat(stored.get("acceptDueAt").isNull()).isFalse();
        assertThat(stored.get("slaStage").asText()).isEqualTo("ACCEPT");
        // one accept to-do for each enabled member of the department, nothing for others
        List<String> members = departments.members("ECON");
        assertThat(members).isNotEmpty();
        assertThat(jdbc.sql("select recipient from notification where kind = 'SD_ACCEPT' and subject_ref = ? and status = 'OPEN' "
                + "order by recipient").param("sd-request:" + id).query(String.class).list()).isEqualTo(members);
        // the stored SLA columns are those the old insert-then-update wrote: next check at the near instant of the accept stage
        assertThat(jdbc.sql("select count(*) from sd_request r join sd_request_clock c on c.request_id = r.id where r.id = ? "
                + "and c.next_check_at = r.near_at and r.due_at = r.accept_due_at and c.escalation = 0 and r.sla_stage = 'ACCEPT'").param(id).query(Long.class).single()).isEqualTo(1);
    }
}

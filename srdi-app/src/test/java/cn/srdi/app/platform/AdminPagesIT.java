package cn.srdi.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.srdi.app.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AdminPagesIT {

    static final String PASSWORD = "srdi2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;

    final JsonMapper json = JsonMapper.builder().build();

    String body(String url, String user) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Records events on an entity of its own, so that other tests' events do not matter. */
    String recordTwoChangesOfAFreshEntity() {
        String id = "it-" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            audit.recordAs("admin-it", "CREATED", "it-entity", id, null, Map.of("name", "甲", "size", 1));
            audit.recordAs("admin-it", "CHANGED", "it-entity", id, Map.of("name", "甲", "size", 1),
                    Map.of("name", "乙", "size", 1));
        });
        return id;
    }

    @Test
    void theAdministratorSeesTheDemoLoadInTheAuditTrail() throws Exception {
        String html = body("/audit?entityType=region", "admin");
        assertThat(html).contains("DEMO_LOADED").contains("liangjiang").contains("id=\"audit-table\"");
    }

    @Test
    void theAuditPageFiltersByEntityAndShowsBeforeAndAfterOfEachChangedField() throws Exception {
        String id = recordTwoChangesOfAFreshEntity();
        String html = body("/audit?entityType=it-entity&entityId=" + id + "&lang=en", "admin");
        assertThat(html).contains("Events: 2 · page 1 of 1");
        assertThat(html).contains("<del>甲</del>").contains("<ins>乙</ins>");
        assertThat(html.indexOf("CHANGED")).as("newest first").isLessThan(html.lastIndexOf("CREATED"));
        assertThat(html.substring(html.indexOf("id=\"audit-table\""))).doesNotContain("DEMO_LOADED");
    }

    @Test
    void theAuditApiPagesNewestFirstAndFiltersByActor() throws Exception {
        String id = recordTwoChangesOfAFreshEntity();
        JsonNode page = json.readTree(body("/api/v1/audit?entityType=it-entity&entityId=" + id + "&size=1", "admin"));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("events")).hasSize(1);
        assertThat(page.get("events").get(0).get("action").asString()).isEqualTo("CHANGED");
        JsonNode second = json.readTree(body("/api/v1/audit?entityType=it-entity&entityId=" + id + "&size=1&page=1", "admin"));
        assertThat(second.get("events").get(0).get("action").asString()).isEqualTo("CREATED");
        JsonNode byActor = json.readTree(body("/api/v1/audit?actor=admin-it&size=500", "admin"));
        assertThat(byActor.get("events").findValuesAsString("actor")).isNotEmpty().containsOnly("admin-it");
    }

    @Test
    void onlyTheAdministratorMayReadTheAuditTrailOrTheUserList() throws Exception {
        for (String user : new String[] {"official", "park-lijia", "firm", "bank", "handler", "expert"}) {
            mvc.perform(get("/audit").with(httpBasic(user, PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users").with(httpBasic(user, PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/audit").with(httpBasic(user, PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
    }

    @Test
    void theUserListShowsEveryDemoUserWithRoleAndScopeButNoPasswordHash() throws Exception {
        String html = body("/admin/users?lang=en", "admin");
        for (String user : new String[] {"admin", "official", "park-lijia", "park-dadi", "firm", "bank", "handler", "expert"}) {
            assertThat(html).contains("data-username=\"" + user + "\"");
        }
        int dadi = html.indexOf("data-username=\"park-dadi\"");
        String dadiRow = html.substring(dadi, html.indexOf("</tr>", dadi));
        assertThat(dadiRow).contains("Park operator").contains(">DADI<").contains(">TIANHAIXING<").doesNotContain("LIJIA");
        assertThat(html).doesNotContain("{bcrypt}").doesNotContain("$2a$");
    }

    @Test
    void theAuditTrailExportsToExcel() throws Exception {
        byte[] xlsx = mvc.perform(get("/audit.xlsx?entityType=region").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(3)).isEqualTo("action");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(3))).contains("DEMO_LOADED");
        }
    }
}

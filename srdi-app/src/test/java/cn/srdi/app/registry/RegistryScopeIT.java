package cn.srdi.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistryScopeIT {

    static final String PW = "srdi2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    JsonNode json(String user, String path, int status) throws Exception {
        String body = mvc.perform(get(path).with(httpBasic(user, PW))).andExpect(status().is(status)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(body);
    }

    String firmIn(String park) {
        return jdbc.sql("select credit_code from enterprise where park_id = ? order by credit_code fetch first 1 rows only")
                .param(park).query(String.class).single();
    }

    String firmOfUser(String user) {
        return jdbc.sql("select credit_code from app_user where username = ?").param(user).query(String.class).single();
    }

    @Test
    void aParkOperatorCannotReadAFirmOfAnotherParkNorFindItInTheList() throws Exception {
        String dadi = firmIn("DADI");
        JsonNode err = json("park-lijia", "/api/v1/enterprises/" + dadi, 404);
        assertThat(err.get("error_en").asString()).contains("outside your scope");
        json("park-lijia", "/api/v1/enterprises/" + dadi + "/titles", 404);
        json("park-lijia", "/api/v1/enterprises/" + dadi + "/indicators", 404);
        json("park-lijia", "/api/v1/enterprises/" + dadi + "/changes", 404);
        assertThat(json("park-lijia", "/api/v1/enterprises?park=DADI", 200).get("total").asLong()).isZero();
        assertThat(json("park-lijia", "/api/v1/enterprises?q=" + dadi, 200).get("total").asLong()).isZero();
        JsonNode all = json("park-lijia", "/api/v1/enterprises?size=200", 200);
        long lijia = jdbc.sql("select count(*) from enterprise where park_id = 'LIJIA'").query(Long.class).single();
        assertThat(all.get("total").asLong()).isEqualTo(lijia);
        for (JsonNode f : all.get("items")) {
            assertThat(f.get("park_id").asString()).isEqualTo("LIJIA");
        }
        mvc.perform(get("/firms/" + dadi).with(httpBasic("park-lijia", PW))).andExpect(status().isNotFound());
        json("park-dadi", "/api/v1/enterprises/" + dadi, 200);
        JsonNode parks = json("park-lijia", "/api/v1/parks", 200);
        for (JsonNode p : parks) {
            if (!"LIJIA".equals(p.get("id").asString())) {
                assertThat(p.get("firms").asLong()).isZero();
            }
        }
    }

    @Test
    void aFirmUserReadsOnlyItsOwnFirm() throws Exception {
        String own = firmOfUser("firm");
        String other = firmIn("DADI");
        assertThat(json("firm", "/api/v1/enterprises/" + own, 200).get("credit_code").asString()).isEqualTo(own);
        json("firm", "/api/v1/enterprises/" + own + "/indicators", 200);
        json("firm", "/api/v1/enterprises/" + other, 404);
        JsonNode list = json("firm", "/api/v1/enterprises", 200);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("credit_code").asString()).isEqualTo(own);
        mvc.perform(get("/firms").with(httpBasic("firm", PW))).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/firms/" + own));
        mvc.perform(get("/firms/" + other).with(httpBasic("firm", PW))).andExpect(status().isNotFound());
        json("firm", "/api/v1/imports", 403);
    }

    @Test
    void theBankSeesMaskedContactsAndIsRefusedIndicators() throws Exception {
        String code = firmIn("LIJIA");
        String phone = jdbc.sql("select contact_phone from enterprise where credit_code = ?").param(code).query(String.class).single();
        JsonNode firm = json("bank", "/api/v1/enterprises/" + code, 200);
        assertThat(firm.get("contact_phone").asString()).contains("*").isNotEqualTo(phone);
        assertThat(firm.get("revenue").isNull()).isTrue();
        JsonNode listed = json("bank", "/api/v1/enterprises?q=" + code, 200).get("items").get(0);
        assertThat(listed.get("contact_phone").asString()).contains("*");
        assertThat(json("official", "/api/v1/enterprises/" + code, 200).get("contact_phone").asString()).isEqualTo(phone);
        json("bank", "/api/v1/enterprises/" + code + "/indicators", 403);
        json("bank", "/api/v1/enterprises/" + code + "/changes", 403);
        json("handler", "/api/v1/enterprises/" + code + "/indicators", 403);
        assertThat(json("handler", "/api/v1/enterprises/" + code, 200).get("contact_phone").asString()).isEqualTo(phone);
        String page = mvc.perform(get("/firms/" + code).with(httpBasic("bank", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(phone).contains("联系方式已脱敏").doesNotContain("id=\"firm-changes\"");
    }

    @Test
    void theExpertIsRefusedTheRegistry() throws Exception {
        json("expert", "/api/v1/enterprises", 403);
        json("expert", "/api/v1/enterprises/" + firmIn("LIJIA"), 403);
        json("expert", "/api/v1/parks", 403);
        mvc.perform(get("/firms").with(httpBasic("expert", PW))).andExpect(status().isForbidden());
        mvc.perform(get("/firms/export.xlsx").with(httpBasic("expert", PW))).andExpect(status().isForbidden());
    }

    @Test
    void theListFiltersByIndustryTitleAndExpiryAndPaginatesOnTheServer() throws Exception {
        JsonNode c = json("official", "/api/v1/enterprises?industry=C&size=200", 200);
        long manufacturing = jdbc.sql("select count(*) from enterprise where industry_code like 'C%'").query(Long.class).single();
        assertThat(c.get("total").asLong()).isEqualTo(manufacturing).isPositive();
        JsonNode p1 = json("official", "/api/v1/enterprises?size=7&page=1&sort=name", 200);
        assertThat(p1.get("items").size()).isEqualTo(7);
        assertThat(p1.get("page").asInt()).isEqualTo(1);
        JsonNode srdi = json("official", "/api/v1/enterprises?tier=SRDI&size=200", 200);
        for (JsonNode f : srdi.get("items")) {
            boolean has = false;
            for (JsonNode t : f.get("titles")) {
                has |= "SRDI".equals(t.get("tier").asString());
            }
            assertThat(has).isTrue();
        }
        JsonNode soon = json("official", "/api/v1/enterprises?expiring=90&size=200", 200);
        java.time.LocalDate today = java.time.LocalDate.now(cn.srdi.app.audit.AuditTrail.ZONE);
        long expected = jdbc.sql("select count(distinct credit_code) from enterprise_title where status = 'ACTIVE' "
                + "and expires_on >= ? and expires_on <= ?").params(java.sql.Date.valueOf(today),
                java.sql.Date.valueOf(today.plusDays(90))).query(Long.class).single();
        assertThat(soon.get("total").asLong()).isEqualTo(expected);
        json("official", "/api/v1/enterprises?industry=Q99x", 400);
        json("official", "/api/v1/enterprises?tier=nonsense", 400);
    }
}

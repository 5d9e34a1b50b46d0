package cn.srdi.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.srdi.app.identity.UserAccounts;
import cn.srdi.app.registry.RegistryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class GradingWebIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegistryStore registry;
    @Autowired
    PlatformTransactionManager tm;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String demoFirmIn(String park) {
        return jdbc.sql("select e.credit_code from enterprise e join grade_record g on g.credit_code = e.credit_code "
                + "where e.park_id = ? order by e.credit_code fetch first 1 rows only").param(park).query(String.class).single();
    }

    String ownFirm() {
        return jdbc.sql("select credit_code from app_user where username = 'firm'").query(String.class).single();
    }

    @AfterEach
    void removeTheFirmsThisTestCreated() {
        TestFirms.deleteCreated(jdbc);
    }

    @Test
    void theFirmGradeFragmentShowsEveryRungWithConditionsAndTheGapInChinese() throws Exception {
        String code = demoFirmIn("LIJIA");
        mvc.perform(get("/firms/{c}/grade", code).with(as("official")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"firm-grade\"")))
                .andExpect(content().string(containsString("最新评价")))
                .andExpect(content().string(containsString("科技和创新型中小企业")))
                .andExpect(content().string(containsString("专精特新中小企业")))
                .andExpect(content().string(containsString("SRDI26.RD")))
                .andExpect(content().string(containsString("立即评价")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void theFirmGradePageWrapsTheFragmentInTheLayoutInEnglish() throws Exception {
        String code = demoFirmIn("LIJIA");
        mvc.perform(get("/firms/{c}/grading", code).param("lang", "en").with(as("official")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Latest grade")))
                .andExpect(content().string(containsString("technology and innovation SME")))
                .andExpect(content().string(containsString("Grade history")))
                .andExpect(content().string(not(containsString("最新评价"))));
    }

    @Test
    void gradeNowFromTheFragmentStoresANewGradeAndShowsItsChartOfHistory() throws Exception {
        String code = ownFirm();
        long before = jdbc.sql("select count(*) from grade_record where credit_code = ?").param(code).query(Long.class).single();
        mvc.perform(post("/firms/{c}/grade", code).param("date", "2026-06-01").param("rules", "auto").with(as("firm")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart")))
                .andExpect(content().string(containsString("单户评价")));
        assertThat(jdbc.sql("select count(*) from grade_record where credit_code = ?").param(code).query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void gradeNowForAFirmWithoutIndicatorsShowsTheMessageInTheFragment() throws Exception {
        String code = TestFirms.create(registry, tm, "LIJIA", 2025, null);
        mvc.perform(post("/firms/{c}/grade", code).param("date", "2026-06-01").param("lang", "en").with(as("park-lijia")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has no indicators for fiscal 2025")));
    }

    @Test
    void aParkOperatorCannotReadOrGradeAFirmOfAnotherPark() throws Exception {
        String dadi = demoFirmIn("DADI");
        mvc.perform(get("/firms/{c}/grade", dadi).with(as("park-lijia"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grades/firms/{c}", dadi).with(as("park-lijia"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/grades/firms/{c}", dadi).with(as("park-lijia")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grades/firms/{c}/history", dadi).with(as("park-lijia"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grades/firms/{c}", dadi).with(as("park-dadi"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.credit_code").value(dadi));
    }

    @Test
    void aFirmUserReadsOnlyItsOwnGrades() throws Exception {
        String own = ownFirm();
        String other = demoFirmIn("DADI");
        mvc.perform(get("/api/v1/grades/firms/{c}", own).with(as("firm"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.credit_code").value(own))
                .andExpect(jsonPath("$.eligible_tier").exists())
                .andExpect(jsonPath("$.tiers.TECH_INNOVATIVE.status").exists())
                .andExpect(jsonPath("$.rules_digest").isString());
        mvc.perform(get("/api/v1/grades/firms/{c}", other).with(as("firm"))).andExpect(status().isNotFound());
        mvc.perform(get("/firms/{c}/grade", other).with(as("firm"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grades/runs").with(as("firm"))).andExpect(status().isForbidden());
    }

    @Test
    void bankHandlerAndExpertAreRefusedGrades() throws Exception {
        String code = demoFirmIn("LIJIA");
        for (String u : List.of("bank", "handler", "expert")) {
            mvc.perform(get("/firms/{c}/grade", code).with(as(u))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/grades/firms/{c}", code).with(as(u))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error_en").exists());
            mvc.perform(post("/api/v1/grades/firms/{c}", code).with(as(u)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/grading").with(as("bank"))).andExpect(status().isForbidden());
        mvc.perform(get("/sandbox").with(as("park-lijia"))).andExpect(status().isForbidden());
    }

    @Test
    void theApiGradesNowAndReproducesTheStoredGrade() throws Exception {
        String code = demoFirmIn("DADI");
        String body = mvc.perform(post("/api/v1/grades/firms/{c}", code).param("date", "2026-06-01").with(as("admin")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rule_sets[0]").value("cn-2026"))
                .andReturn().getResponse().getContentAsString();
        long runId = Long.parseLong(body.replaceAll(".*\"run_id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/grades/runs/{id}/reproduce/{c}", runId, code).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.equal").value(true))
                .andExpect(jsonPath("$.sameRules").value(true));
        mvc.perform(get("/api/v1/grades/firms/{c}/history", code).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].run_id").value(runId));
        mvc.perform(get("/api/v1/grades/runs").with(as("official"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("REGION"));
    }

    @Test
    void theRegionPageShowsRunsAndThePyramidInBothLanguages() throws Exception {
        mvc.perform(get("/grading").with(as("official")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("全区评价")))
                .andExpect(content().string(containsString("梯度分布")))
                .andExpect(content().string(containsString("funnel")));
        mvc.perform(get("/grading").param("lang", "en").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Region grading")))
                .andExpect(content().string(containsString("Pyramid of run")));
        long id = jdbc.sql("select max(id) from grade_run where kind = 'REGION' and status = 'DONE'").query(Long.class).single();
        mvc.perform(get("/grading/runs/{id}/progress", id).with(as("official")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("run-" + id)))
                .andExpect(content().string(not(containsString("every 1s"))));
    }

    @Test
    void theSandboxPageListsTheKeysOfTheRuleSetAndReportsABadKeyWithTheEnginesMessage() throws Exception {
        mvc.perform(get("/sandbox").param("date", "2026-06-01").with(as("official")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("政策沙盘")))
                .andExpect(content().string(containsString("SRDI26.RD.min_ratio")));
        mvc.perform(get("/sandbox/keys").param("rules", "cn-2022").param("date", "2026-06-01").with(as("official")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("SRDI.RD.min_ratio")))
                .andExpect(content().string(not(containsString("SRDI26.RD.min_ratio"))));
        mvc.perform(post("/sandbox").param("date", "2026-06-01").param("rules", "auto").param("extra", "NO.SUCH=1")
                        .param("lang", "en").with(as("official")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no rule set has this key")));
    }

    @Test
    void aSandboxRunFromThePageShowsTheComparisonAndExportsTheChangedFirms() throws Exception {
        var result = mvc.perform(post("/sandbox").param("date", "2026-06-01").param("rules", "auto")
                        .param("k.SRDI26.PLATFORM.min_score", "40").with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/sandbox/*"))
                .andReturn();
        String url = result.getResponse().getRedirectedUrl();
        mvc.perform(get(url).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cn-2026:SRDI26.PLATFORM.min_score=40")))
                .andExpect(content().string(containsString("各梯度获得与失去资格的企业")));
        mvc.perform(get(url).param("lang", "en").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Firms gaining and losing each rung")));
        mvc.perform(get(url + "/changes.xlsx").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        String id = url.substring(url.lastIndexOf('/') + 1);
        mvc.perform(get("/api/v1/sandbox/{id}/changes", id).with(as("official")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber());
    }

    @Test
    void theSandboxApiComparesAndRefusesABadValue() throws Exception {
        mvc.perform(post("/api/v1/sandbox").contentType(MediaType.APPLICATION_JSON).with(as("official")).with(csrf())
                        .content("{\"assessment_date\":\"2026-06-01\",\"rules\":\"auto\",\"settings\":{\"SRDI26.RD.min_ratio\":\"2.5\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lost").value(0))
                .andExpect(jsonPath("$.tiers[1].tier").value("SRDI"));
        mvc.perform(post("/api/v1/sandbox").contentType(MediaType.APPLICATION_JSON).with(as("official")).with(csrf())
                        .content("{\"assessment_date\":\"2026-06-01\",\"settings\":{\"SRDI26.RD.min_ratio\":\"x\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_en", containsString("expected a number")));
        mvc.perform(post("/api/v1/sandbox").contentType(MediaType.APPLICATION_JSON).with(as("park-lijia")).with(csrf())
                        .content("{\"assessment_date\":\"2026-06-01\"}"))
                .andExpect(status().isForbidden());
    }
}

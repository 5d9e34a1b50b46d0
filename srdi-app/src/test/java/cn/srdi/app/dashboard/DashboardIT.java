package cn.srdi.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.SrdiUser;
import cn.srdi.app.identity.UserAccounts;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards over fixtures of a fresh park: five firms with known titles and a finished
 * region grade run of their own. Each test runs in a transaction that is rolled back, so the
 * shared demo region is left as it was.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Transactional
class DashboardIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    Fixtures f;
    long run;
    String a;
    String b;
    String c;
    String d;
    String e;

    @BeforeEach
    void fixtures() {
        f = new Fixtures(jdbc);
        a = f.firm("甲科技", "C3670", "VEHICLES");
        b = f.firm("乙科技", "C3670", "VEHICLES");
        c = f.firm("丙科技", "C3841", "VEHICLES");
        d = f.firm("丁科技", "C3670", "VEHICLES");
        e = f.firm("戊软件", "I6510", "DIGITAL");
        var t = f.today;
        f.title(a, "INNOVATIVE", t.minusYears(1), t.plusYears(2), "ACTIVE");
        f.title(a, "SRDI", t.minusDays(200), t.plusYears(2), "ACTIVE");
        f.title(b, "INNOVATIVE", t.minusYears(5), t.minusYears(2), "EXPIRED");
        f.title(c, "SRDI", t.minusYears(1), t.plusYears(2), "REVOKED");
        f.title(d, "LITTLE_GIANT", t.minusYears(3).plusDays(30), t.plusDays(30), "ACTIVE");
        f.title(e, "INNOVATIVE", t.minusYears(3), t.minusDays(1), "ACTIVE"); // lapsed yesterday
        run = f.run();
        f.grade(run, a, "C3670", "SRDI", "PASS", null, "FAIL", "LITTLE_GIANT", 2,
                "CHAMPION:CH.RANK;LITTLE_GIANT:LG.MARKET;LITTLE_GIANT:LG.REVENUE_FLOOR?");
        f.grade(run, b, "C3670", "INNOVATIVE", "PASS", null, "FAIL", "SRDI", 3, "SRDI:SRDI.NICHE;SRDI:SRDI.RD;SRDI:SRDI.SCALE");
        f.grade(run, c, "C3841", "LITTLE_GIANT", "PASS", null, "FAIL", null, null, null);
        f.grade(run, d, "C3670", "NONE", "FAIL", null, "FAIL", "INNOVATIVE", 1, "INNOVATIVE:INN.QUALIFY;SRDI:SRDI.RD");
        f.grade(run, e, "I6510", "TECH_INNOVATIVE", null, "PASS", "PASS", "SRDI", 5, "SRDI:SRDI26.RD");
    }

    SrdiUser demo(String name) {
        return (SrdiUser) accounts.loadUserByUsername(name);
    }

    @Test
    void pyramidCountsTitlesInForceAndFirmsEligibleByTheGradeOfTheFixtures() throws Exception {
        mvc.perform(get("/api/v1/dashboard/pyramid").param("park", f.park).param("run", String.valueOf(run))
                        .with(user(demo("admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.id").value(run))
                .andExpect(jsonPath("$.total.firms").value(5))
                .andExpect(jsonPath("$.total.graded").value(5))
                .andExpect(jsonPath("$.total.candidates").value(2))
                .andExpect(jsonPath("$.total.expiring").value(1))
                // held: A's INNOVATIVE and SRDI, D's LITTLE_GIANT; expired, revoked and lapsed titles do not count
                .andExpect(jsonPath("$.total.rungs[0].tier").value("INNOVATIVE"))
                .andExpect(jsonPath("$.total.rungs[0].held").value(1))
                .andExpect(jsonPath("$.total.rungs[1].held").value(0))
                .andExpect(jsonPath("$.total.rungs[2].held").value(1))
                .andExpect(jsonPath("$.total.rungs[3].held").value(1))
                .andExpect(jsonPath("$.total.rungs[4].held").value(0))
                // eligible: cumulative up the ladder (A, B, C pass INNOVATIVE; A, C pass SRDI; C is a little giant)
                .andExpect(jsonPath("$.total.rungs[0].eligible").value(3))
                .andExpect(jsonPath("$.total.rungs[1].eligible").value(1))
                .andExpect(jsonPath("$.total.rungs[2].eligible").value(2))
                .andExpect(jsonPath("$.total.rungs[3].eligible").value(1))
                .andExpect(jsonPath("$.total.rungs[4].eligible").value(1))
                .andExpect(jsonPath("$.byPark.length()").value(1))
                .andExpect(jsonPath("$.byPark[0].id").value(f.park))
                .andExpect(jsonPath("$.byFocusIndustry[0].id").value("DIGITAL"))
                .andExpect(jsonPath("$.byFocusIndustry[0].firms").value(1))
                .andExpect(jsonPath("$.byFocusIndustry[1].id").value("VEHICLES"))
                .andExpect(jsonPath("$.byFocusIndustry[1].firms").value(4))
                .andExpect(jsonPath("$.bySection[0].id").value("C"))
                .andExpect(jsonPath("$.bySection[0].rungs[3].eligible").value(1))
                .andExpect(jsonPath("$.bySection[1].id").value("I"));
        // the industry filter: 门类 I holds only E
        mvc.perform(get("/api/v1/dashboard/pyramid").param("park", f.park).param("industry", "I")
                        .param("run", String.valueOf(run)).with(user(demo("official"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.firms").value(1))
                .andExpect(jsonPath("$.total.rungs[1].eligible").value(1))
                .andExpect(jsonPath("$.total.rungs[4].eligible").value(1))
                .andExpect(jsonPath("$.total.rungs[0].eligible").value(0));
        // the focus filter: VEHICLES holds the other four
        mvc.perform(get("/api/v1/dashboard/pyramid").param("park", f.park).param("industry", "VEHICLES")
                        .param("run", String.valueOf(run)).with(user(demo("official"))))
                .andExpect(jsonPath("$.total.firms").value(4))
                .andExpect(jsonPath("$.total.rungs[2].eligible").value(2));
    }

    @Test
    void theCurrentRegionGradeIsTheLatestFinishedRegionRun() throws Exception {
        long running = f.run();
        jdbc.sql("update grade_run set status = 'RUNNING' where id = ?").param(running).update();
        mvc.perform(get("/api/v1/dashboard/pyramid").param("park", f.park).with(user(f.operator())))
                .andExpect(jsonPath("$.run.id").value(run))
                .andExpect(jsonPath("$.total.graded").value(5));
        mvc.perform(get("/api/v1/dashboard/pyramid").param("run", String.valueOf(running)).with(user(demo("admin"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aParkOperatorSeesOnlyTheNumbersAndFirmsOfItsOwnParks() throws Exception {
        SrdiUser op = f.operator();
        mvc.perform(get("/api/v1/dashboard/pyramid").param("run", String.valueOf(run)).with(user(op)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.firms").value(5))
                .andExpect(jsonPath("$.byPark.length()").value(1))
                .andExpect(jsonPath("$.byPark[0].id").value(f.park));
        mvc.perform(get("/api/v1/dashboard/pyramid").param("park", "LIJIA").with(user(op)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboard/candidates").with(user(op)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].creditCode").value(d))
                .andExpect(jsonPath("$.rows[0].failing.length()").value(1))
                .andExpect(jsonPath("$.rows[0].failing[0].id").value("INN.QUALIFY"))
                .andExpect(jsonPath("$.rows[1].creditCode").value(a))
                // only the gates of the next rung, REVIEW marked
                .andExpect(jsonPath("$.rows[1].failing.length()").value(2))
                .andExpect(jsonPath("$.rows[1].failing[1].id").value("LG.REVENUE_FLOOR"))
                .andExpect(jsonPath("$.rows[1].failing[1].review").value(true))
                .andExpect(jsonPath("$.rows[1].failing[0].nameZh").value(not("LG.MARKET")));
        // the region sees the demo firms too; the demo park operator none of the fixtures
        String region = mvc.perform(get("/api/v1/dashboard/pyramid").with(user(demo("official"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(region).contains("\"LIJIA\"").contains(f.park);
        mvc.perform(get("/api/v1/dashboard/pyramid").with(user(demo("park-lijia"))))
                .andExpect(jsonPath("$.byPark.length()").value(1))
                .andExpect(jsonPath("$.byPark[0].id").value("LIJIA"));
        mvc.perform(get("/api/v1/dashboard/expiring").param("days", "3650").with(user(demo("park-lijia"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(d))));
        mvc.perform(get("/dashboard/candidates").with(user(demo("park-dadi"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(a))));
    }

    @Test
    void financeSeesThePyramidAndPlanProgressButNoFirmNames() throws Exception {
        SrdiUser bank = demo("bank");
        mvc.perform(get("/api/v1/dashboard/pyramid").param("run", String.valueOf(run)).with(user(bank)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.firms").isNumber());
        mvc.perform(get("/dashboard").with(user(bank))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/dashboard/candidates"))));
        mvc.perform(get("/api/v1/dashboard/plans").with(user(bank))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dashboard/candidates").with(user(bank)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error_en").exists());
        mvc.perform(get("/dashboard/candidates").with(user(bank))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/candidates.xlsx").with(user(bank))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/dashboard/expiring").with(user(bank))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dashboard/plans").with(user(bank)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"x\",\"nameEn\":\"x\",\"startYear\":2026,\"endYear\":2027}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void enterpriseHandlerAndExpertAreRefusedTheDashboards() throws Exception {
        for (String who : List.of("firm", "handler", "expert")) {
            mvc.perform(get("/dashboard").with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/dashboard/pyramid").with(user(demo(who)))).andExpect(status().isForbidden());
            mvc.perform(get("/plans").with(user(demo(who)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void editingAPlanIsAuditedWithBeforeAndAfterAndChangesItsProgress() throws Exception {
        int y = f.today.getYear();
        String body = "{\"nameZh\":\"测试计划\",\"nameEn\":\"Test plan\",\"startYear\":" + y + ",\"endYear\":" + (y + 1)
                + ",\"targets\":{\"INNOVATIVE\":{\"" + y + "\":4}}}";
        String created = mvc.perform(post("/api/v1/dashboard/plans").with(user(demo("official"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        // the operator of the fixtures' park: one firm (A) holds an innovative title in force today
        mvc.perform(get("/api/v1/dashboard/plans/" + id + "/progress").with(user(f.operator())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metrics[0].metric").value("INNOVATIVE"))
                .andExpect(jsonPath("$.metrics[0].current.actual").value(1))
                .andExpect(jsonPath("$.metrics[0].current.target").value(4))
                .andExpect(jsonPath("$.metrics[0].percent").value(25.0));
        mvc.perform(put("/api/v1/dashboard/plans/" + id).with(user(demo("official"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(":4}", ":2}")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/dashboard/plans/" + id + "/progress").with(user(f.operator())))
                .andExpect(jsonPath("$.metrics[0].percent").value(50.0))
                // baseline (end of last year): A's and E's innovative titles; from 2 to 2 → 2 expected, 1 held
                .andExpect(jsonPath("$.metrics[0].baseline").value(2))
                .andExpect(jsonPath("$.metrics[0].expected").value(2.0))
                .andExpect(jsonPath("$.metrics[0].status").value("BEHIND"));
        // the htmx form: rename and a new target, then deactivate
        mvc.perform(post("/plans/" + id).with(user(demo("admin"))).with(csrf()).header("HX-Request", "true")
                        .param("nameZh", "测试计划二").param("nameEn", "Test plan 2")
                        .param("startYear", String.valueOf(y)).param("endYear", String.valueOf(y + 1))
                        .param("t_INNOVATIVE_" + y, "1").param("t_SRDI_" + (y + 1), "9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"saved\"")));
        mvc.perform(post("/plans/" + id + "/deactivate").with(user(demo("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<String[]> events = jdbc.sql("select action, actor, before_state, after_state from audit_event "
                        + "where entity_type = 'action_plan' and entity_id = ? order by id")
                .param(String.valueOf(id))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        assertThat(events).extracting(ev -> ev[0])
                .containsExactly("PLAN_CREATED", "PLAN_UPDATED", "PLAN_UPDATED", "PLAN_DEACTIVATED");
        assertThat(events.get(1)[1]).isEqualTo("official");
        assertThat(events.get(1)[2]).contains("\"" + y + "\":4");
        assertThat(events.get(1)[3]).contains("\"" + y + "\":2");
        assertThat(events.get(2)[3]).contains("测试计划二").contains("\"" + (y + 1) + "\":9");
        assertThat(events.get(3)[3]).contains("\"active\":false");
        mvc.perform(get("/api/v1/dashboard/plans/" + id).with(user(demo("bank"))))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.targets.INNOVATIVE['" + y + "']").value(1));
    }

    @Test
    void aPlanEditWithBadYearsIsRefusedWithABilingualMessageAndNothingChanges() throws Exception {
        mvc.perform(post("/api/v1/dashboard/plans").with(user(demo("admin"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameZh\":\"坏\",\"nameEn\":\"bad\",\"startYear\":2030,\"endYear\":2026}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error_zh").value(containsString("年份")));
        mvc.perform(post("/plans").with(user(demo("official"))).with(csrf())
                        .param("nameZh", "坏").param("nameEn", "bad").param("startYear", "2026").param("endYear", "2027")
                        .param("t_SRDI_2026", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alert error")));
        assertThat(jdbc.sql("select count(*) from action_plan where name_en = 'bad'").query(Long.class).single()).isZero();
        mvc.perform(put("/api/v1/dashboard/plans/1").with(user(demo("park-lijia"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameZh\":\"x\",\"nameEn\":\"x\",\"startYear\":2026,\"endYear\":2027}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExpiringListHonoursItsWindow() throws Exception {
        String g = f.firm("己科技", "C3670", "VEHICLES");
        f.title(g, "SRDI", f.today.minusYears(2), f.today.plusDays(120), "ACTIVE");
        f.title(g, "INNOVATIVE", f.today.minusYears(2), f.today.plusDays(60), "REVOKED");
        SrdiUser op = f.operator();
        mvc.perform(get("/api/v1/dashboard/expiring").with(user(op)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].creditCode").value(d))
                .andExpect(jsonPath("$.rows[0].daysLeft").value(30));
        mvc.perform(get("/api/v1/dashboard/expiring").param("days", "150").with(user(op)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[1].creditCode").value(g))
                .andExpect(jsonPath("$.rows[1].tier").value("SRDI"));
        mvc.perform(get("/api/v1/dashboard/expiring").param("days", "10").with(user(op)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/dashboard/expiring").param("days", "150").with(user(op)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(g)))
                .andExpect(content().string(containsString(d)));
    }

    @Test
    void exportsAreWorkbooksWithTheRowsOfTheirFilters() throws Exception {
        String g = f.firm("己科技", "C3670", "VEHICLES");
        f.title(g, "SRDI", f.today.minusYears(2), f.today.plusDays(120), "ACTIVE");
        SrdiUser op = f.operator();
        List<List<String>> expiring = sheet(mvc.perform(get("/dashboard/expiring.xlsx").param("days", "150").with(user(op)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), 0);
        assertThat(expiring).hasSize(3);
        assertThat(expiring.get(1).get(0)).isEqualTo(d);
        assertThat(expiring.get(2).get(0)).isEqualTo(g);
        List<List<String>> candidates = sheet(mvc.perform(get("/dashboard/candidates.xlsx").param("rung", "LITTLE_GIANT")
                .with(user(op))).andReturn().getResponse().getContentAsByteArray(), 0);
        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(1).get(0)).isEqualTo(a);
        assertThat(candidates.get(1).get(8)).isEqualTo("LG.MARKET,LG.REVENUE_FLOOR");
        byte[] pyramid = mvc.perform(get("/dashboard/export.xlsx").param("park", f.park).with(user(demo("bank"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rungs = sheet(pyramid, 0);
        assertThat(rungs).hasSize(6);
        assertThat(rungs.get(1).get(0)).isEqualTo("INNOVATIVE");
        List<List<String>> parks = sheet(pyramid, 1);
        assertThat(parks).hasSize(2);
        assertThat(parks.get(1).get(0)).isEqualTo(f.park);
        assertThat(parks.get(1).get(2)).isEqualTo("6"); // five fixtures and G
    }

    static List<List<String>> sheet(byte[] xlsx, int index) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheets().toList().get(index);
            try (var rows = s.openStream()) {
                return rows.map(DashboardIT::cells).collect(Collectors.toList());
            }
        }
    }

    static List<String> cells(Row r) {
        return java.util.stream.IntStream.range(0, r.getCellCount())
                .mapToObj(i -> r.getCellText(i) == null ? "" : r.getCellText(i)).toList();
    }

    @Test
    void pagesRenderInChineseByDefaultAndInEnglishOnRequest() throws Exception {
        SrdiUser admin = demo("admin");
        mvc.perform(get("/dashboard").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("梯度金字塔")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")));
        mvc.perform(get("/dashboard").param("lang", "en").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Titles held vs eligible")))
                .andExpect(content().string(not(containsString("已获称号"))));
        mvc.perform(get("/dashboard").param("park", f.park).header("HX-Request", "true").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dash-body\"")))
                .andExpect(content().string(not(containsString("<html"))));
        long plan = jdbc.sql("select min(id) from action_plan").query(Long.class).single();
        for (String url : List.of("/dashboard/candidates", "/dashboard/expiring", "/plans", "/plans/" + plan,
                "/plans/new", "/plans/" + plan + "/edit")) {
            mvc.perform(get(url).with(user(admin))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("lang=\"zh-CN\"")));
            mvc.perform(get(url).param("lang", "en").with(user(admin))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("lang=\"en\"")))
                    .andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(get("/dashboard/candidates").param("park", f.park).with(user(admin)))
                .andExpect(content().string(containsString("/firms/" + d)))
                .andExpect(content().string(containsString("title=\"LG.MARKET\"")));
        mvc.perform(get("/plans/" + plan).param("lang", "en").with(user(admin)))
                .andExpect(content().string(containsString("Target")));
    }

    @Test
    void userRoleCheckUsesTheRealSecurityChain() throws Exception {
        mvc.perform(get("/api/v1/dashboard/pyramid")).andExpect(status().isUnauthorized());
        mvc.perform(get("/dashboard").with(user(Fixtures.user(Role.OFFICIAL)))).andExpect(status().isOk());
    }
}

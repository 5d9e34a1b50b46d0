package cn.srdi.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.srdi.app.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeded calendar, its API and page, and the administrator's audited edits. Edits use the
 * far year 2150 and are undone afterwards, so other tests see the shipped calendar.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class CalendarIT {

    static final String PASSWORD = "srdi2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    Calendars calendars;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void undo() {
        jdbc.sql("delete from calendar_day where cal_date >= ?").param(java.sql.Date.valueOf(LocalDate.of(2150, 1, 1))).update();
        jdbc.sql("delete from calendar_year where cal_year >= 2150").update();
        calendars.reload();
    }

    JsonNode read(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theMigrationSeedsTheShippedCalendarAndEveryRoleReadsIt() throws Exception {
        assertThat(jdbc.sql("select count(*) from calendar_day").query(Long.class).single()).isEqualTo(72L);
        assertThat(calendars.current().coveredYears()).contains(2025, 2026);
        JsonNode day = read(mvc.perform(get("/api/v1/calendar/days/2026-02-14").with(httpBasic("firm", PASSWORD))).andExpect(status().isOk()));
        assertThat(day.get("working").asBoolean()).isTrue();
        assertThat(day.get("kind").asString()).isEqualTo("WORKDAY");
        assertThat(day.get("nameZh").asString()).isEqualTo("春节");
        JsonNode years = read(mvc.perform(get("/api/v1/calendar").with(httpBasic("expert", PASSWORD))).andExpect(status().isOk()));
        assertThat(years.toString()).contains("\"year\":2026,\"covered\":true").contains("\"workingDays\":248");
        JsonNode d = read(mvc.perform(get("/api/v1/calendar/deadline?start=2026-09-30T10:00&days=3").with(httpBasic("handler", PASSWORD)))
                .andExpect(status().isOk()));
        assertThat(d.get("dueDate").asString()).isEqualTo("2026-10-10");
        assertThat(d.get("covered").asBoolean()).isTrue();
        JsonNode uncovered = read(mvc.perform(get("/api/v1/calendar/deadline?start=2026-12-31T10:00&days=1").with(httpBasic("firm", PASSWORD))));
        assertThat(uncovered.get("covered").asBoolean()).isFalse();
        assertThat(uncovered.get("warningZh").asString()).contains("尚未录入");
        assertThat(uncovered.get("warningEn").asString()).contains("not in the calendar");
    }

    @Test
    void badInputIsAClearBilingual400() throws Exception {
        JsonNode e = read(mvc.perform(get("/api/v1/calendar/days/2026-13-01").with(httpBasic("firm", PASSWORD))).andExpect(status().isBadRequest()));
        assertThat(e.get("error_zh").asString()).contains("2026-13-01").contains("YYYY-MM-DD");
        assertThat(e.get("error_en").asString()).contains("2026-13-01");
        e = read(mvc.perform(put("/api/v1/calendar/days/2150-03-04").with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"WORKDAY\",\"nameZh\":\"x\"}")).andExpect(status().isBadRequest()));
        assertThat(e.get("error_en").asString()).contains("2150-03-04").contains("Saturday or Sunday");
        e = read(mvc.perform(get("/api/v1/calendar/deadline?start=2026-09-30T10:00&days=-2").with(httpBasic("firm", PASSWORD)))
                .andExpect(status().isBadRequest()));
        assertThat(e.get("error_zh").asString()).contains("负数");
        e = read(mvc.perform(post("/api/v1/calendar/import").with(httpBasic("admin", PASSWORD)).contentType("text/csv")
                .content("date,kind,name_zh,name_en\n2150-01-01,HOLIDAY,元旦,New Year\n2150-01-0x,HOLIDAY,元旦,New Year\n"))
                .andExpect(status().isBadRequest()));
        assertThat(e.get("error_en").asString()).contains("line 3").contains("2150-01-0x").contains("nothing was imported");
        assertThat(calendars.current().covers(2150)).isFalse();
        assertThat(jdbc.sql("select count(*) from calendar_day where cal_date >= ?").param(java.sql.Date.valueOf(LocalDate.of(2150, 1, 1)))
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheAdministratorEdits() throws Exception {
        for (String user : List.of("official", "firm", "handler", "park-lijia")) {
            mvc.perform(put("/api/v1/calendar/days/2150-01-01").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"HOLIDAY\"}")).andExpect(status().isForbidden());
            mvc.perform(post("/calendar/years").with(httpBasic(user, PASSWORD)).with(csrf()).param("year", "2150").param("notice", "x"))
                    .andExpect(status().isForbidden());
        }
        assertThat(calendars.current().exception(LocalDate.of(2150, 1, 1))).isEmpty();
        assertThat(calendars.current().covers(2150)).isFalse();
    }

    @Test
    void theAdministratorAddsAYearAndDeadlinesFollowAtOnceAudited() throws Exception {
        // 2150-01-01 is a Thursday; the 2150 notice makes Thursday and Friday holidays and Sunday 01-04 a make-up day
        assertThat(calendars.current().addWorkingDays(TestCalendars.bj("2149-12-31T10:00"), 1).dueDate()).isEqualTo(LocalDate.of(2150, 1, 1));
        String csv = "date,kind,name_zh,name_en\n2150-01-01,HOLIDAY,元旦,New Year's Day\n2150-01-02,HOLIDAY,元旦,New Year's Day\n"
                + "2150-01-04,WORKDAY,元旦,New Year's Day\n";
        JsonNode r = read(mvc.perform(post("/api/v1/calendar/import?notice=国办发明电〔2149〕1号").with(httpBasic("admin", PASSWORD))
                .contentType("text/csv").content(csv)).andExpect(status().isOk()));
        assertThat(r.get("days").asInt()).isEqualTo(3);
        assertThat(calendars.current().covers(2150)).isTrue();
        Deadline d = calendars.current().addWorkingDays(TestCalendars.bj("2150-01-01T10:00"), 1);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2150, 1, 4));
        assertThat(events.stream(CalendarChanged.class).toList()).singleElement()
                .satisfies(e -> assertThat(e.years()).containsExactly(2150));
        assertThat(audit.latest("calendar_year", "2150", 5)).anySatisfy(ev -> {
            assertThat(ev.action()).isEqualTo("CALENDAR_YEAR_IMPORTED");
            assertThat(ev.actor()).isEqualTo("admin");
            assertThat(ev.after()).contains("国办发明电〔2149〕1号").contains("2150-01-04");
        });
        // one day changed and removed through the API, each audited with before and after
        mvc.perform(put("/api/v1/calendar/days/2150-01-05").with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"HOLIDAY\",\"nameZh\":\"补休\",\"nameEn\":\"Extra day off\"}")).andExpect(status().isOk());
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2150, 1, 5))).isFalse();
        mvc.perform(delete("/api/v1/calendar/days/2150-01-05").with(httpBasic("admin", PASSWORD))).andExpect(status().isNoContent());
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2150, 1, 5))).isTrue();
        assertThat(audit.latest("calendar_day", "2150-01-05", 5)).extracting(AuditTrail.Event::action)
                .containsExactly("CALENDAR_DAY_REMOVED", "CALENDAR_DAY_ADDED");
        // withdrawing the coverage flags deadlines again
        mvc.perform(delete("/api/v1/calendar/years/2150").with(httpBasic("admin", PASSWORD))).andExpect(status().isNoContent());
        assertThat(calendars.current().addWorkingDays(TestCalendars.bj("2150-01-01T10:00"), 1).covered()).isFalse();
    }

    @Test
    void thePageShowsTheYearTheWarningAndTheAdminForms() throws Exception {
        String firm = mvc.perform(get("/calendar?year=2026&start=2026-09-30T10:00&days=3").with(httpBasic("firm", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(firm).contains("id=\"cal-covered\"").contains("2026-10-11 00:00").contains("data-date=\"2026-02-14\"")
                .doesNotContain("id=\"cal-admin\"");
        String uncovered = mvc.perform(get("/calendar?year=2027&start=2026-12-31T10:00&days=1&lang=en").with(httpBasic("firm", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(uncovered).contains("id=\"cal-uncovered\"").contains("id=\"calc-warning\"").contains("Monday–Friday");
        String admin = mvc.perform(get("/calendar").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("id=\"cal-admin\"").contains("id=\"import-form\"");
        // an admin's page form: a bad make-up day is refused with the message, nothing saved
        mvc.perform(post("/calendar/days").with(httpBasic("admin", PASSWORD)).with(csrf()).param("date", "2150-03-04")
                .param("kind", "WORKDAY")).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("error").toString()).contains("2150-03-04"));
        assertThat(calendars.current().exception(LocalDate.of(2150, 3, 4))).isEmpty();
    }
}

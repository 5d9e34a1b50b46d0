package cn.srdi.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistryPagesIT {

    static final String PW = "srdi2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String page(String user, String path, int status) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, PW))).andExpect(status().is(status)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String lijiaFirm() {
        return jdbc.sql("select credit_code from enterprise where park_id = 'LIJIA' order by credit_code fetch first 1 rows only")
                .query(String.class).single();
    }

    @Test
    void theFirmListRendersInChineseAndEnglishWithFiltersAndExport() throws Exception {
        String zh = page("official", "/firms", 200);
        assertThat(zh).contains("企业库").contains("导出 XLSX").contains("共 ").contains("礼嘉专精特新产业园");
        String en = page("official", "/firms?lang=en", 200);
        assertThat(en).contains("Firm registry").contains("Export XLSX").contains("Lijia SRDI Park");
        String name = jdbc.sql("select name from enterprise where credit_code = ?").param(lijiaFirm()).query(String.class).single();
        String found = page("official", "/firms?q=" + lijiaFirm(), 200);
        assertThat(found).contains(name).contains("共 1 家企业");
    }

    @Test
    void anHtmxRequestGetsOnlyTheResultTable() throws Exception {
        String body = mvc.perform(get("/firms?park=LIJIA&sort=name&dir=desc").header("HX-Request", "true")
                        .with(httpBasic("official", PW))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("id=\"firm-results\"").doesNotContain("<html").doesNotContain("firm-filters");
    }

    @Test
    void theExportStreamsEveryMatchingFirmAsXlsx() throws Exception {
        byte[] xlsx = mvc.perform(get("/firms/export.xlsx?park=LIJIA").with(httpBasic("park-lijia", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long lijia = jdbc.sql("select count(*) from enterprise where park_id = 'LIJIA'").query(Long.class).single();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize((int) lijia + 1);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("统一社会信用代码");
        }
        byte[] bank = mvc.perform(get("/firms/export.xlsx").with(httpBasic("bank", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bank))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellCount()).as("no indicator columns for finance").isEqualTo(14);
            assertThat(rows.get(1).getCellText(11)).contains("*");
        }
    }

    @Test
    void theFirmPageShowsCardTitlesIndicatorsAndTheGradePlaceholder() throws Exception {
        String code = lijiaFirm();
        String zh = page("official", "/firms/" + code, 200);
        assertThat(zh).contains("企业档案").contains(code).contains("称号").contains("年度指标").contains("营业收入(上年)")
                .contains("研发费用占营业收入比重(%)").contains("展开全部指标").contains("变更记录").contains("审计事件")
                .contains("id=\"firm-grade\"").contains("hx-get=\"/firms/" + code + "/grade\"").contains("数字经济");
        String en = page("official", "/firms/" + code + "?lang=en", 200);
        assertThat(en).contains("Firm record").contains("Yearly indicators").contains("R&amp;D share of revenue (%)")
                .contains("Change history");
        String handler = page("handler", "/firms/" + code, 200);
        assertThat(handler).contains("企业档案").contains("您的角色不能查看企业的年度指标").doesNotContain("营业收入(上年)");
    }

    @Test
    void anUnknownFirmIsABilingual404() throws Exception {
        String zh = page("official", "/firms/91500000MA5U000000", 404);
        assertThat(zh).contains("不存在或不在您的权限范围内");
        String en = page("official", "/firms/91500000MA5U000000?lang=en", 404);
        assertThat(en).contains("does not exist or is outside your scope");
        String api = page("official", "/api/v1/enterprises/91500000MA5U000000", 404);
        assertThat(api).contains("error_zh").contains("error_en");
    }

    @Test
    void theImportPageRendersForImportersAndIsRefusedToOthers() throws Exception {
        assertThat(page("official", "/imports", 200)).contains("数据导入").contains("上传并预览").contains("历史导入");
        assertThat(page("park-lijia", "/imports?lang=en", 200)).contains("Imports").contains("Upload and preview")
                .contains("your parks only: LIJIA");
        page("bank", "/imports", 403);
    }
}

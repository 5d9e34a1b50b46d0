package cn.srdi.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.srdi.app.registry.imports.ImportService;
import cn.srdi.engine.synth.Park;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistryImportIT {

    static final String PW = "srdi2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportService imports;

    @org.junit.jupiter.api.AfterEach
    void removeImportedFirms() {
        ImportFiles.removeImportedFirms(jdbc);
    }

    JsonNode upload(String user, String name, byte[] content, int expectedStatus) throws Exception {
        MvcResult r = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name,
                        "application/octet-stream", content)).with(httpBasic(user, PW)))
                .andExpect(status().is(expectedStatus)).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode postJson(String user, String path, int expectedStatus) throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, PW))).andExpect(status().is(expectedStatus)).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode getJson(String user, String path, int expectedStatus) throws Exception {
        MvcResult r = mvc.perform(get(path).with(httpBasic(user, PW))).andExpect(status().is(expectedStatus)).andReturn();
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long firms(List<String> codes) {
        return jdbc.sql("select count(*) from enterprise where credit_code in (:c)").param("c", codes)
                .query(Long.class).single();
    }

    long years(List<String> codes, int fy) {
        return jdbc.sql("select count(*) from indicator_year where fiscal_year = :y and credit_code in (:c)")
                .param("y", fy).param("c", codes).query(Long.class).single();
    }

    static List<String> codes(ImportFiles f) {
        return f.rows.stream().map(ImportFiles.Row::code).toList();
    }

    @Test
    void aGoodCsvIsPreviewedThenCommittedAndItsFirmsAndYearsArePresent() throws Exception {
        ImportFiles f = ImportFiles.generate(101, 12, 2025, null);
        JsonNode preview = upload("admin", "region.csv", f.csv(), 200);
        JsonNode b = preview.get("batch");
        assertThat(b.get("status").asString()).isEqualTo("PREVIEW");
        assertThat(b.get("rows_total").asInt()).isEqualTo(12);
        assertThat(b.get("rows_valid").asInt()).isEqualTo(12);
        assertThat(b.get("rows_rejected").asInt()).isZero();
        assertThat(b.get("firms_new").asInt()).isEqualTo(12);
        assertThat(b.get("years_new").asInt()).isEqualTo(12);
        assertThat(preview.get("sample").size()).isEqualTo(12);
        assertThat(firms(codes(f))).as("nothing written before the commit").isZero();

        long id = b.get("id").asLong();
        JsonNode done = postJson("admin", "/api/v1/imports/" + id + "/commit", 200);
        assertThat(done.get("status").asString()).isEqualTo("COMMITTED");
        assertThat(done.get("rows_inserted").asInt()).isEqualTo(12);
        assertThat(firms(codes(f))).isEqualTo(12);
        assertThat(years(codes(f), 2025)).isEqualTo(12);
        ImportFiles.Row first = f.rows.get(0);
        String park = jdbc.sql("select park_id from enterprise where credit_code = ?").param(first.code())
                .query(String.class).optional().orElse(null);
        assertThat(park).isEqualTo(first.park() == null ? null : first.park().name());
        String revenue = first.cells()[f.column("revenue_y1")];
        JsonNode ind = getJson("admin", "/api/v1/enterprises/" + first.code() + "/indicators", 200);
        assertThat(ind.get(0).get("fiscal_year").asInt()).isEqualTo(2025);
        assertThat(ind.get(0).get("values").get("revenue_y1").asString()).isEqualTo(revenue);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT_COMMITTED' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        // a second commit is refused
        postJson("admin", "/api/v1/imports/" + id + "/commit", 409);
    }

    @Test
    void aGoodXlsxWithChineseHeadersIsCommittedToo() throws Exception {
        ImportFiles f = ImportFiles.generate(102, 9, 2024, null);
        f.header.set(f.column("credit_code"), "统一社会信用代码");
        f.header.set(f.column("name"), "企业名称");
        f.header.set(f.column("park"), "园区");
        f.header.set(f.column("fiscal_year"), "财务年度");
        for (ImportFiles.Row r : f.rows) {
            if (r.park() != null) {
                r.cells()[f.header.indexOf("园区")] = r.park().zh();
            }
        }
        JsonNode preview = upload("official", "region.xlsx", f.xlsx(), 200);
        assertThat(preview.get("batch").get("format").asString()).isEqualTo("XLSX");
        assertThat(preview.get("batch").get("rows_valid").asInt()).isEqualTo(9);
        long id = preview.get("batch").get("id").asLong();
        postJson("official", "/api/v1/imports/" + id + "/commit", 200);
        assertThat(years(codes(f), 2024)).isEqualTo(9);
        ImportFiles.Row withPark = f.rows.stream().filter(r -> r.park() != null).findFirst().orElseThrow();
        assertThat(jdbc.sql("select park_id from enterprise where credit_code = ?").param(withPark.code())
                .query(String.class).single()).isEqualTo(withPark.park().name());
    }

    @Test
    void reImportingAFirmYearUpdatesItAndRecordsBeforeAndAfter() throws Exception {
        ImportFiles f = ImportFiles.generate(103, 5, 2025, null);
        long id = upload("admin", "a.csv", f.csv(), 200).get("batch").get("id").asLong();
        postJson("admin", "/api/v1/imports/" + id + "/commit", 200);
        ImportFiles.Row row = f.rows.get(0);
        int col = f.column("employees_y1");
        String before = row.cells()[col];
        String after = String.valueOf(Integer.parseInt(before) + 7);
        row.cells()[col] = after;
        f.rows.get(1).cells()[f.column("name")] = "改名后的企业有限公司";
        JsonNode preview = upload("admin", "b.csv", f.csv(), 200);
        assertThat(preview.get("batch").get("firms_new").asInt()).isZero();
        assertThat(preview.get("batch").get("years_update").asInt()).isEqualTo(5);
        long id2 = preview.get("batch").get("id").asLong();
        JsonNode done = postJson("admin", "/api/v1/imports/" + id2 + "/commit", 200);
        assertThat(done.get("rows_updated").asInt()).isEqualTo(1);
        assertThat(done.get("rows_inserted").asInt()).isZero();
        JsonNode changes = getJson("admin", "/api/v1/enterprises/" + row.code() + "/changes", 200);
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).get("field").asString()).isEqualTo("employees_y1");
        assertThat(changes.get(0).get("before").asString()).isEqualTo(before);
        assertThat(changes.get(0).get("after").asString()).isEqualTo(after);
        assertThat(changes.get(0).get("import_id").asLong()).isEqualTo(id2);
        assertThat(jdbc.sql("select name from enterprise where credit_code = ?").param(f.rows.get(1).code())
                .query(String.class).single()).isEqualTo("改名后的企业有限公司");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FIRM_UPDATED' and entity_id = ?")
                .param(f.rows.get(1).code()).query(Long.class).single()).isEqualTo(1);
        String page = mvc.perform(get("/firms/" + row.code()).with(httpBasic("admin", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("employees_y1").contains(before).contains(after);
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedWithABilingualMessageAndListedAsRejected() throws Exception {
        ImportFiles f = ImportFiles.generate(104, 3, 2025, null);
        f.rows.get(0).cells()[f.column("name")] = "重庆两江精密制造有限公司";
        String text = new String(f.csv(), StandardCharsets.UTF_8);
        JsonNode err = upload("admin", "gbk.csv", text.getBytes(Charset.forName("GBK")), 400);
        assertThat(err.get("error_zh").asString()).contains("gbk.csv").contains("UTF-8");
        assertThat(err.get("error_en").asString()).contains("gbk.csv").contains("UTF-8");
        assertThat(err.get("error_en").asString()).doesNotContain("srdi-import-");
        assertThat(firms(codes(f))).isZero();
        String last = jdbc.sql("select status from import_batch where file_name = 'gbk.csv' order by id desc fetch first 1 rows only")
                .query(String.class).single();
        assertThat(last).isEqualTo("REJECTED");
    }

    @Test
    void filesWithoutARequiredColumnOrWithoutRowsOrThatAreNotXlsxAreRefused() throws Exception {
        ImportFiles f = ImportFiles.generate(105, 3, 2025, null);
        f.header.set(f.column("credit_code"), "something_else");
        JsonNode err = upload("admin", "nocode.csv", f.csv(), 400);
        assertThat(err.get("error_zh").asString()).contains("缺少必填列").contains("credit_code");
        assertThat(err.get("error_en").asString()).contains("lacks required column").contains("credit_code");

        ImportFiles empty = ImportFiles.generate(105, 0, 2025, null);
        JsonNode none = upload("admin", "header-only.csv", empty.csv(), 400);
        assertThat(none.get("error_en").asString()).contains("no data rows");

        JsonNode notXlsx = upload("admin", "fake.xlsx", "credit_code,name\n".getBytes(StandardCharsets.UTF_8), 400);
        assertThat(notXlsx.get("error_zh").asString()).contains("XLSX");
        assertThat(notXlsx.get("error_en").asString()).contains("not a valid XLSX");

        JsonNode blank = upload("admin", "empty.csv", new byte[0], 400);
        assertThat(blank.get("error_en").asString()).contains("empty");
    }

    @Test
    void rowsWithABadCreditCodeFiscalYearOrParkAreListedPerRowAndColumnAndLeftOutOfTheCommit() throws Exception {
        ImportFiles f = ImportFiles.generate(106, 6, 2025, null);
        String good = f.rows.get(0).code();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        f.rows.get(0).cells()[0] = bad;                                  // row 2: check character
        f.rows.get(1).cells()[f.column("fiscal_year")] = "20x5";           // row 3: not a year
        f.rows.get(2).cells()[f.column("fiscal_year")] = "2031";           // row 4: in the future
        f.rows.get(3).cells()[f.column("park")] = "月球园区";               // row 5: unknown park
        f.rows.get(4).cells()[f.column("fiscal_year")] = "";               // row 6: blank fiscal year
        JsonNode preview = upload("admin", "bad-rows.csv", f.csv(), 200);
        JsonNode b = preview.get("batch");
        assertThat(b.get("rows_total").asInt()).isEqualTo(6);
        assertThat(b.get("rows_valid").asInt()).isEqualTo(1);
        assertThat(b.get("rows_rejected").asInt()).isEqualTo(5);
        List<String> seen = new ArrayList<>();
        for (JsonNode p : preview.get("problems")) {
            seen.add(p.get("row").asInt() + ":" + p.get("column").asString());
            assertThat(p.get("zh").asString()).isNotBlank();
            assertThat(p.get("en").asString()).isNotBlank();
        }
        assertThat(seen).contains("2:credit_code", "3:fiscal_year", "4:fiscal_year", "5:park", "6:fiscal_year");
        JsonNode cc = preview.get("problems").get(0);
        assertThat(cc.get("value").asString()).isEqualTo(bad);
        assertThat(cc.get("zh").asString()).contains("校验码");
        assertThat(cc.get("en").asString()).contains("check character");

        long id = b.get("id").asLong();
        String page = mvc.perform(get("/imports/" + id + "?lang=en").with(httpBasic("admin", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("5 rows have problems and will NOT be imported").contains("check character");
        postJson("admin", "/api/v1/imports/" + id + "/commit", 200);
        assertThat(firms(codes(f).subList(1, 5))).isZero();
        assertThat(years(List.of(f.rows.get(5).code()), 2025)).isEqualTo(1);
        assertThat(firms(List.of(bad))).isZero();
    }

    @Test
    void theSameFirmTwiceInOneFiscalYearIsADuplicateButTwoFiscalYearsAreFine() throws Exception {
        ImportFiles f = ImportFiles.generate(107, 2, 2025, null);
        String[] copy = f.rows.get(0).cells().clone();
        f.rows.add(new ImportFiles.Row(copy, f.rows.get(0).park()));
        String[] other = f.rows.get(1).cells().clone();
        other[f.column("fiscal_year")] = "2024";
        f.rows.add(new ImportFiles.Row(other, f.rows.get(1).park()));
        JsonNode preview = upload("admin", "dups.csv", f.csv(), 200);
        assertThat(preview.get("batch").get("rows_valid").asInt()).isEqualTo(3);
        assertThat(preview.get("batch").get("rows_rejected").asInt()).isEqualTo(1);
        assertThat(preview.get("problems").get(0).get("row").asInt()).isEqualTo(4);
        long id = preview.get("batch").get("id").asLong();
        postJson("admin", "/api/v1/imports/" + id + "/commit", 200);
        assertThat(jdbc.sql("select count(*) from indicator_year where credit_code = ?").param(f.rows.get(1).code())
                .query(Long.class).single()).isEqualTo(2);
    }

    private String snapshot() {
        String firms = jdbc.sql("select credit_code, name, industry_code, park_id, updated_at from enterprise order by credit_code")
                .query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4) + rs.getString(5))
                .list().stream().collect(Collectors.joining("|"));
        String years = jdbc.sql("select credit_code, fiscal_year, data, updated_at from indicator_year order by credit_code, fiscal_year")
                .query((rs, n) -> rs.getString(1) + rs.getInt(2) + rs.getString(3) + rs.getString(4))
                .list().stream().collect(Collectors.joining("|"));
        long changes = jdbc.sql("select count(*) from indicator_change").query(Long.class).single();
        return firms.hashCode() + "/" + firms.length() + "/" + years.hashCode() + "/" + years.length() + "/" + changes;
    }

    @Test
    void aFailureInjectedMidCommitLeavesTheRegistryExactlyAsBeforeAndMarksTheBatchFailed() throws Exception {
        // an update of existing firm-years and new firms in one batch, more rows than one commit chunk
        ImportFiles existing = ImportFiles.generate(108, 3, 2025, null);
        long first = upload("admin", "base.csv", existing.csv(), 200).get("batch").get("id").asLong();
        postJson("admin", "/api/v1/imports/" + first + "/commit", 200);
        ImportFiles f = ImportFiles.generate(108, 2500, 2025, null);
        f.set("employees_y1", v -> String.valueOf(Integer.parseInt(v) + 1));
        long id = upload("admin", "big.csv", f.csv(), 200).get("batch").get("id").asLong();
        String before = snapshot();
        imports.failCommitsAfter(2000);
        JsonNode err;
        try {
            err = postJson("admin", "/api/v1/imports/" + id + "/commit", 500);
        } finally {
            imports.failCommitsAfter(-1);
        }
        assertThat(err.get("error_en").asString()).contains("nothing was written");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(firms(codes(f).subList(3, 2500))).isZero();
        JsonNode batch = getJson("admin", "/api/v1/imports/" + id, 200).get("batch");
        assertThat(batch.get("status").asString()).isEqualTo("FAILED");
        assertThat(batch.get("error").asString()).contains("simulated failure");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT_FAILED' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDatabaseConstraintViolationDuringTheCommitRollsEverythingBack() throws Exception {
        ImportFiles f = ImportFiles.generate(109, 30, 2025, null);
        long id = upload("admin", "fk.csv", f.csv(), 200).get("batch").get("id").asLong();
        // the last staged row names a park that does not exist: the enterprise insert violates its foreign key
        jdbc.sql("update import_row set park_id = 'NO_SUCH_PARK' where import_id = ? and row_no = 31").param(id).update();
        String before = snapshot();
        postJson("admin", "/api/v1/imports/" + id + "/commit", 500);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(firms(codes(f))).isZero();
        assertThat(getJson("admin", "/api/v1/imports/" + id, 200).get("batch").get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void aDiscardedPreviewWritesNothingAndCannotBeCommittedAfterwards() throws Exception {
        ImportFiles f = ImportFiles.generate(110, 4, 2025, null);
        long id = upload("admin", "discard.csv", f.csv(), 200).get("batch").get("id").asLong();
        assertThat(postJson("admin", "/api/v1/imports/" + id + "/discard", 200).get("status").asString()).isEqualTo("DISCARDED");
        postJson("admin", "/api/v1/imports/" + id + "/commit", 409);
        assertThat(firms(codes(f))).isZero();
        assertThat(jdbc.sql("select count(*) from import_row where import_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aFileWithoutFiscalYearColumnCountsEachRowForTheYearBeforeItsAssessmentDate() throws Exception {
        ImportFiles f = ImportFiles.generate(111, 3, 2023, null);
        int c = f.column("fiscal_year");
        f.header.remove(c);
        List<ImportFiles.Row> rows = new ArrayList<>(f.rows);
        f.rows.clear();
        for (ImportFiles.Row r : rows) {
            f.rows.add(new ImportFiles.Row(java.util.Arrays.copyOf(r.cells(), r.cells().length - 1), r.park()));
        }
        JsonNode preview = upload("admin", "nofy.csv", f.csv(), 200);
        assertThat(preview.get("batch").get("fiscal_years").asString()).isEqualTo("2023");
        assertThat(preview.get("batch").get("notice_en").asString()).contains("no fiscal_year column");
    }

    @Test
    void aParkOperatorImportsOnlyFirmsOfItsOwnParks() throws Exception {
        ImportFiles lijia = ImportFiles.generate(112, 2, 2025, Park.LIJIA);
        ImportFiles dadi = ImportFiles.generate(113, 2, 2025, Park.DADI);
        lijia.rows.addAll(dadi.rows);
        JsonNode preview = upload("park-lijia", "mixed.csv", lijia.csv(), 200);
        assertThat(preview.get("batch").get("rows_valid").asInt()).isEqualTo(2);
        assertThat(preview.get("batch").get("rows_rejected").asInt()).isEqualTo(2);
        assertThat(preview.get("problems").get(0).get("column").asString()).isEqualTo("park");
        // the demo firms of DADI cannot be overwritten by the LIJIA operator even without a park cell
        String dadiFirm = jdbc.sql("select credit_code from enterprise where park_id = 'DADI' order by credit_code fetch first 1 rows only")
                .query(String.class).single();
        ImportFiles steal = ImportFiles.generate(114, 1, 2025, null);
        steal.rows.get(0).cells()[0] = dadiFirm;
        steal.rows.get(0).cells()[steal.column("park")] = "";
        JsonNode p2 = upload("park-lijia", "steal.csv", steal.csv(), 200);
        assertThat(p2.get("batch").get("rows_valid").asInt()).isZero();
        // a park operator sees its own imports only; the expert and the bank may not import
        long adminBatch = upload("admin", "admin.csv", ImportFiles.generate(115, 1, 2025, null).csv(), 200)
                .get("batch").get("id").asLong();
        getJson("park-lijia", "/api/v1/imports/" + adminBatch, 404);
        upload("bank", "x.csv", lijia.csv(), 403);
        upload("expert", "x.csv", lijia.csv(), 403);
    }

    @Test
    void theUploadPageShowsAPreviewAndCommitsThroughTheBrowserFlow() throws Exception {
        ImportFiles f = ImportFiles.generate(116, 3, 2025, null);
        MvcResult up = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "page.xlsx",
                        "application/octet-stream", f.xlsx())).with(httpBasic("admin", PW)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = up.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/");
        String page = mvc.perform(get(location).with(httpBasic("admin", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("导入预览").contains("全部 3 行均有效").contains(f.rows.get(0).code());
        mvc.perform(post(location + "/commit").with(httpBasic("admin", PW)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String result = mvc.perform(get(location + "?lang=en").with(httpBasic("admin", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).contains("Import result").contains("Committed: every valid row");
        assertThat(firms(codes(f))).isEqualTo(3);

        String bad = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "bad.csv", "text/csv",
                        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).with(httpBasic("admin", PW)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("缺少必填列").contains("bad.csv");
    }
}

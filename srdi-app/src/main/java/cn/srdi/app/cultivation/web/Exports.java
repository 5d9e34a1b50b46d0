package cn.srdi.app.cultivation.web;

import cn.srdi.app.cultivation.CaseView;
import cn.srdi.app.cultivation.CultivationService;
import cn.srdi.app.cultivation.Round;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.print.PdfDocuments;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The recognised list of a round (认定名单) in the official layout: 序号, 企业名称, 统一社会信用代码,
 * 所在园区, 认定层级, 认定日期, 有效期至; as XLSX and as a printable PDF with Chinese fonts.
 */
@Component
class Exports {

    static final List<String> HEADERS = List.of("序号", "企业名称", "统一社会信用代码", "所在园区", "认定层级", "认定日期", "有效期至");

    private final CultivationService service;
    private final PdfDocuments pdf;

    Exports(CultivationService service, PdfDocuments pdf) {
        this.service = service;
        this.pdf = pdf;
    }

    List<List<String>> rows(Scope scope, Round r) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (CaseView c : service.recognised(scope, r.id())) {
            rows.add(List.of(String.valueOf(n++), c.firmName(), c.creditCode() == null ? "" : c.creditCode(), c.parkId() == null ? "" : c.parkId(),
                    r.tier().zh(), String.valueOf(c.recognisedOn()),
                    c.recognisedOn() == null ? "" : String.valueOf(c.recognisedOn().plusYears(3).minusDays(1))));
        }
        return rows;
    }

    void xlsx(Scope scope, long roundId, HttpServletResponse response) throws IOException {
        Round r = service.round(roundId);
        List<List<String>> rows = rows(scope, r);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("recognised-round-" + roundId + ".xlsx").build().toString());
        try (OutputStream out = response.getOutputStream()) {
            Workbook wb = new Workbook(out, "SRDI", "1.0");
            Worksheet ws = wb.newWorksheet("认定名单");
            ws.value(0, 0, r.name() + " 认定名单");
            ws.style(0, 0).bold().set();
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(1, c, HEADERS.get(c));
                ws.style(1, c).bold().fillColor("EEF2F9").set();
            }
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < HEADERS.size(); c++) {
                    ws.value(i + 2, c, rows.get(i).get(c));
                }
            }
            wb.finish();
        }
    }

    ResponseEntity<byte[]> pdf(Scope scope, long roundId) {
        Round r = service.round(roundId);
        byte[] bytes = pdf.table(r.name() + " 认定名单", "共 " + rows(scope, r).size() + " 家 · 有效期三年 · 生成于 " + service.today(),
                HEADERS, rows(scope, r), new float[] {1, 6, 4, 2.5f, 3.5f, 2.5f, 2.5f});
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename("recognised-round-" + roundId + ".pdf").build()
                        .toString())
                .body(bytes);
    }
}

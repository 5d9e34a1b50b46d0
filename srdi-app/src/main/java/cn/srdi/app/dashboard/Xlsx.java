package cn.srdi.app.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes tables to an XLSX download with fastexcel (streaming, one sheet per table). */
final class Xlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One sheet: a name, a header row and rows of String, Number, LocalDate or null cells. */
    record Sheet(String name, List<String> header, List<List<Object>> rows) {
    }

    private Xlsx() {
    }

    static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c);
        }
        return r;
    }

    static void send(HttpServletResponse response, String fileName, List<Sheet> sheets) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try (OutputStream out = response.getOutputStream()) {
            write(out, sheets);
        }
    }

    static void write(OutputStream out, List<Sheet> sheets) throws IOException {
        Workbook wb = new Workbook(out, "SRDI", "1.0");
        for (Sheet s : sheets) {
            Worksheet ws = wb.newWorksheet(safeName(s.name()));
            for (int c = 0; c < s.header().size(); c++) {
                ws.value(0, c, s.header().get(c));
                ws.style(0, c).bold().fillColor("EEF2F9").set();
            }
            int r = 1;
            for (List<Object> row : s.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Boolean b) {
                        ws.value(r, c, b);
                    } else {
                        ws.value(r, c, v.toString());
                    }
                }
                r++;
            }
            ws.freezePane(0, 1);
            ws.finish();
        }
        wb.finish();
    }

    /** Sheet names: at most 31 characters, none of []:*?/\. */
    static String safeName(String name) {
        String s = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}

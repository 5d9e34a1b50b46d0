package cn.srdi.engine.output;

import cn.srdi.engine.grading.Grade;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes grade summaries (the CSV columns) to an XLSX sheet, streaming. */
public final class GradeXlsx implements AutoCloseable {
    private final Workbook wb;
    private final Worksheet ws;
    private int row;

    public GradeXlsx(OutputStream out, String sheetName) {
        wb = new Workbook(out, "srdi", "1.0");
        ws = wb.newWorksheet(sheetName);
        writeRow(GradeSummaryRow.HEADER);
        ws.freezePane(0, 1);
    }

    public void write(Grade g) {
        String[] cells = GradeSummaryRow.cells(g);
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c];
            if (v.isEmpty()) {
                continue;
            }
            if (c == 0 || ((c == 8 || c == 10 || c == 13) && !v.isEmpty())) {
                ws.value(row, c, Long.parseLong(v));
            } else {
                ws.value(row, c, v);
            }
        }
        row++;
        flushEvery();
    }

    private void writeRow(List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            ws.value(row, c, cells.get(c));
        }
        ws.range(row, 0, row, cells.size() - 1).style().bold().set();
        row++;
    }

    private void flushEvery() {
        if ((row & 0x3FFF) == 0) {
            try {
                ws.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            ws.finish();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.srdi.engine.io;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes profiles as an XLSX workbook with one sheet, streaming (rows are flushed in blocks) with
 * the org.dhatim fastexcel writer. Typed cells, as a person would enter them in a spreadsheet:
 * numbers as numeric cells (exact decimal text), flags as boolean cells, dates as date cells
 * formatted {@code yyyy-mm-dd}, everything else (codes, names, enums) as text cells. Raw rows
 * ({@link #writeRow}) are written as text cells. An XLSX sheet holds at most 1,048,576 rows
 * including the header.
 */
public final class ProfileXlsxWriter implements ProfileWriter {
    /** Rows per sheet in the XLSX format. */
    public static final int MAX_ROWS = 1_048_576;
    private static final int N = Field.ALL.length;
    private static final int FLUSH_EVERY = 1024;

    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int nextRow;

    /** Creates (or replaces) {@code file} and writes the header row. */
    public ProfileXlsxWriter(Path file) throws IOException {
        this(Files.newOutputStream(file));
    }

    /** Writes to {@code out} (closed by {@link #close()}), starting with the header row. */
    public ProfileXlsxWriter(OutputStream out) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.workbook = new Workbook(this.out, "srdi", "1.0");
        this.sheet = workbook.newWorksheet("profiles");
        for (int c = 0; c < N; c++) {
            sheet.inlineString(0, c, Field.ALL[c].id());
        }
        nextRow = 1;
    }

    @Override
    public void write(Profile p) throws IOException {
        int r = startRow();
        for (int c = 0; c < N; c++) {
            Field f = Field.ALL[c];
            if (!p.has(f)) {
                continue;
            }
            switch (f.type()) {
                case DECIMAL, SIGNED_DECIMAL, INTEGER -> sheet.value(r, c, number(p.get(f)));
                case BOOLEAN, DECLARATION -> sheet.value(r, c, p.isTrue(f));
                case DATE -> {
                    sheet.value(r, c, LocalDate.ofEpochDay(p.get(f)));
                    sheet.style(r, c).format("yyyy-mm-dd").set();
                }
                default -> sheet.inlineString(r, c, IoSupport.format(p, f));
            }
        }
        endRow();
    }

    @Override
    public void writeRow(String[] cells) throws IOException {
        if (cells.length != N) {
            throw new IllegalArgumentException("need " + N + " cells, got " + cells.length);
        }
        int r = startRow();
        for (int c = 0; c < N; c++) {
            if (cells[c] != null && !cells[c].isEmpty()) {
                sheet.inlineString(r, c, cells[c]);
            }
        }
        endRow();
    }

    /** A scaled value as a BigDecimal whose text is the exact plain decimal. */
    private static BigDecimal number(long scaled) {
        BigDecimal d = BigDecimal.valueOf(scaled, 4).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private int startRow() {
        if (nextRow >= MAX_ROWS) {
            throw new IllegalStateException("an XLSX sheet holds at most " + MAX_ROWS + " rows");
        }
        return nextRow;
    }

    private void endRow() throws IOException {
        nextRow++;
        if (nextRow % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
            workbook.close();
        } finally {
            out.close();
        }
    }
}

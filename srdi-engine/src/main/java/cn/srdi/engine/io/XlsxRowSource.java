package cn.srdi.engine.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an XLSX profile workbook, streaming, with the rows numbered as the
 * spreadsheet numbers them. Every cell becomes the text a person would type to mean the same
 * value:
 * <ul>
 *   <li>numbers as plain decimals without exponent or trailing zeros ("10000000", "2.5"); a value
 *       carrying a binary floating-point artefact (Excel stores 17 significant digits, e.g.
 *       "1234.0999999999999") is rounded to the 15 significant digits Excel displays when that
 *       gives at most 4 decimal places; a number with a percent format is written in percent
 *       (a cell showing 5% gives "5");</li>
 *   <li>numbers with a date format as ISO dates ("2026-03-01"; a date with a time of day as an ISO
 *       date-time, which the date columns reject);</li>
 *   <li>booleans as {@code true}/{@code false}; formulas as their cached value; error cells as
 *       their error text ("#N/A").</li>
 * </ul>
 * Cells to the right of the header's last column are dropped when they are blank, so that a row
 * has exactly the header's width unless it really holds extra values.
 */
public final class XlsxRowSource implements RawRowSource {
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private final Path file;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final String[] header;
    private final long headerRow;

    private XlsxRowSource(Path file, ReadableWorkbook workbook, Stream<Row> stream) {
        this.file = file;
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        Row first;
        String[] cells;
        do {
            first = fetch();
            if (first == null) {
                throw new InputFileException("文件 " + file + " 的第一个工作表为空: 缺少表头行",
                        "the first sheet of " + file + " is empty: the header row is missing");
            }
            cells = texts(first, 0);
        } while (IoSupport.allBlank(cells));
        int width = cells.length;
        while (width > 0 && cells[width - 1].isBlank()) {
            width--;
        }
        this.header = Arrays.copyOf(cells, width);
        this.headerRow = first.getRowNum();
    }

    /**
     * Opens a workbook and reads the header row of its first sheet.
     *
     * @throws InputFileException when the file cannot be read, is not a valid XLSX workbook or its
     *     first sheet has no header row
     */
    public static XlsxRowSource open(Path file) {
        byte[] head;
        try {
            head = IoSupport.head(file, 8);
        } catch (IOException e) {
            throw IoSupport.unreadable(file, e);
        }
        if (IoSupport.isOle2(head)) {
            throw new InputFileException("文件 " + file + " 是旧版 Excel(.xls)格式: 请另存为 .xlsx 或 UTF-8 CSV",
                    "file " + file + " is a legacy Excel (.xls) workbook: save it as .xlsx or UTF-8 CSV");
        }
        if (!IoSupport.isZip(head)) {
            throw notXlsx(file, null);
        }
        ReadableWorkbook wb = null;
        Stream<Row> stream = null;
        try {
            wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            Sheet sheet = wb.getSheets().findFirst().orElse(null);
            if (sheet == null) {
                throw new InputFileException("文件 " + file + " 没有工作表", "file " + file + " has no worksheet");
            }
            stream = sheet.openStream();
            return new XlsxRowSource(file, wb, stream);
        } catch (InputFileException e) {
            closeQuietly(wb, stream);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(wb, stream);
            throw notXlsx(file, e);
        }
    }

    private static InputFileException notXlsx(Path file, Exception cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new InputFileException("文件 " + file + " 不是有效的 XLSX 工作簿" + detail,
                "file " + file + " is not a valid XLSX workbook" + detail, cause);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String[] header() {
        return header.clone();
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public RawRow next() {
        while (true) {
            Row r = fetch();
            if (r == null) {
                return null;
            }
            String[] cells = texts(r, header.length);
            if (!IoSupport.allBlank(cells)) {
                return new RawRow(r.getRowNum(), cells);
            }
        }
    }

    private Row fetch() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException e) {
            // UncheckedIOException, ExcelReaderException, or the XML layer's own unchecked exceptions
            throw notXlsx(file, e);
        }
    }

    /**
     * The texts of a row: at least {@code width} cells (missing ones empty), more only when a cell
     * beyond {@code width} is not blank.
     */
    private static String[] texts(Row r, int width) {
        int n = r.getCellCount();
        int last = n;
        while (last > width && isBlankCell(r.getCell(last - 1))) {
            last--;
        }
        String[] cells = new String[Math.max(width, last)];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i < n ? text(r.getCell(i)) : "";
        }
        return cells;
    }

    private static boolean isBlankCell(Cell c) {
        return c == null || text(c).isBlank();
    }

    /** The text of one cell (see the class comment); "" for an empty or absent cell. */
    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        Object v = c.getValue();
        switch (c.getType()) {
            case EMPTY:
                return "";
            case STRING:
                return v == null ? "" : v.toString();
            case BOOLEAN:
                return v == null ? "" : ((Boolean) v ? "true" : "false");
            case ERROR:
                return c.getRawValue() == null ? "" : c.getRawValue();
            case NUMBER:
            case FORMULA:
            default:
                if (v instanceof BigDecimal d) {
                    return numberText(c, d);
                }
                if (v instanceof Boolean b) {
                    return b ? "true" : "false";
                }
                return v == null ? "" : v.toString();
        }
    }

    private static String numberText(Cell c, BigDecimal d) {
        NumberFormatKind kind = NumberFormatKind.of(c.getDataFormatId(), c.getDataFormatString());
        if (kind == NumberFormatKind.DATE) {
            try {
                LocalDateTime t = c.asDate();
                return t.toLocalTime().toNanoOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
            } catch (RuntimeException e) {
                // not a usable serial date: fall back to the number
            }
        }
        if (kind == NumberFormatKind.PERCENT) {
            return plainDecimal(d.movePointRight(2));
        }
        String fast = shortPlain(c.getRawValue());
        return fast != null ? fast : plainDecimal(d);
    }

    /**
     * The usual case without {@link BigDecimal}: {@code raw} is a plain decimal ("120", "-3.50")
     * with at most 4 significant decimals; returns it without trailing zeros, or null when the
     * general path is needed (exponent, leading zeros, more decimals, anything else).
     */
    static String shortPlain(String raw) {
        if (raw == null) {
            return null;
        }
        int n = raw.length();
        int i = raw.startsWith("-") ? 1 : 0;
        int intStart = i;
        while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && raw.charAt(intStart) == '0')) {
            return null;
        }
        int end = i;
        if (i < n) {
            if (raw.charAt(i) != '.') {
                return null;
            }
            int lastNonZero = i; // the dot: no significant decimals yet
            for (int k = i + 1; k < n; k++) {
                char ch = raw.charAt(k);
                if (ch < '0' || ch > '9') {
                    return null;
                }
                if (ch != '0') {
                    lastNonZero = k;
                }
            }
            if (lastNonZero - i > 4) {
                return null;
            }
            end = lastNonZero == i ? i : lastNonZero + 1;
        }
        if (intStart == 1 && end == 2 && raw.charAt(1) == '0') {
            return "0"; // "-0", "-0.000"
        }
        return end == n ? raw : raw.substring(0, end);
    }

    /** A number as a plain decimal string, with the floating-point clean-up of the class comment. */
    static String plainDecimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() > 4) {
            BigDecimal rounded = d.round(EXCEL_DIGITS).stripTrailingZeros();
            if (rounded.scale() <= 4) {
                s = rounded;
            }
        }
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        if (s.signum() == 0) {
            return "0";
        }
        return s.toPlainString();
    }

    @Override
    public void close() {
        closeQuietly(workbook, stream);
    }

    private static void closeQuietly(ReadableWorkbook wb, Stream<Row> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                // closing only
            }
        }
        if (wb != null) {
            try {
                wb.close();
            } catch (IOException | RuntimeException e) {
                // closing only
            }
        }
    }

    /** How a number format displays a value: as a date, as a percentage, or as a plain number. */
    enum NumberFormatKind {
        PLAIN, DATE, PERCENT;

        static NumberFormatKind of(Integer id, String format) {
            if (id != null && isBuiltInDate(id)) {
                return DATE;
            }
            if (id != null && (id == 9 || id == 10)) {
                return PERCENT;
            }
            if (format == null || format.isEmpty()) {
                return PLAIN;
            }
            // drop quoted literals, escaped characters and [..] sections (colours, locales, conditions)
            boolean date = false;
            boolean percent = false;
            for (int i = 0; i < format.length(); i++) {
                char ch = format.charAt(i);
                if (ch == '"') {
                    int end = format.indexOf('"', i + 1);
                    i = end < 0 ? format.length() : end;
                } else if (ch == '\\' || ch == '_' || ch == '*') {
                    i++;
                } else if (ch == '[') {
                    int end = format.indexOf(']', i + 1);
                    i = end < 0 ? format.length() : end;
                } else if (ch == ';') {
                    break; // the first section decides
                } else if (ch == '%') {
                    percent = true;
                } else {
                    char l = Character.toLowerCase(ch);
                    if (l == 'y' || l == 'd' || l == 'm' || l == 'h' || l == 's') {
                        date = true;
                    }
                }
            }
            return date ? DATE : percent ? PERCENT : PLAIN;
        }

        private static boolean isBuiltInDate(int id) {
            return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
        }
    }
}

package cn.srdi.engine.io;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.StringArrayHandler;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CSV profile file (GRADING.md section 8): UTF-8 with or without a byte order mark, comma
 * separated, RFC 4180 quoting (quoted cells may contain commas, quotes and line breaks). The
 * encoding is checked strictly: a byte sequence that is not UTF-8 stops the file with an
 * {@link InputFileException} naming the line and byte offset. Row numbers count every record
 * including blank ones, as a spreadsheet program shows the file; blank records are skipped.
 * Records may have any number of cells: a count different from the header's is reported per row
 * by {@link RowConverter}.
 */
public final class CsvRowSource implements RawRowSource {
    private final Path file;
    private final CsvReader<String[]> csv;
    private final CloseableIterator<String[]> records;
    private final String[] header;
    private final long headerRow;
    /** Row number of the last record taken from {@link #records}. */
    private long row;

    private CsvRowSource(Path file, CsvReader<String[]> csv) {
        this.file = file;
        this.csv = csv;
        this.records = csv.iterator();
        String[] first = null;
        while (first == null) {
            String[] cells = fetch();
            if (cells == null) {
                throw new InputFileException("文件 " + file + " 为空: 缺少表头行",
                        "file " + file + " is empty: the header row is missing");
            }
            row++;
            if (!IoSupport.allBlank(cells)) {
                first = cells;
            }
        }
        this.header = first;
        this.headerRow = row;
    }

    /**
     * Opens a CSV file and reads its header row.
     *
     * @throws InputFileException when the file cannot be read, is an Excel workbook, is not UTF-8
     *     (in its first block) or has no header row
     */
    public static CsvRowSource open(Path file) {
        byte[] head;
        try {
            head = IoSupport.head(file, 8);
        } catch (IOException e) {
            throw IoSupport.unreadable(file, e);
        }
        if (IoSupport.isZip(head) || IoSupport.isOle2(head)) {
            throw new InputFileException(
                    "文件 " + file + " 是 Excel 工作簿而不是 CSV: 请使用 .xlsx 扩展名(旧版 .xls 请先另存为 .xlsx)",
                    "file " + file + " is an Excel workbook, not CSV: name it .xlsx (save a legacy .xls as .xlsx first)");
        }
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw IoSupport.unreadable(file, e);
        }
        CsvReader<String[]> csv = CsvReader.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(StringArrayHandler.of(), new StrictUtf8Reader(in));
        try {
            return new CsvRowSource(file, csv);
        } catch (RuntimeException e) {
            closeQuietly(csv);
            throw e;
        }
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
            String[] cells = fetch();
            if (cells == null) {
                return null;
            }
            row++;
            if (!IoSupport.allBlank(cells)) {
                return new RawRow(row, cells);
            }
        }
    }

    /** The next record, or null at the end; translates parser failures into whole-file errors. */
    private String[] fetch() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | CsvParseException e) {
            throw translate(e);
        }
    }

    private InputFileException translate(RuntimeException e) {
        if (e.getCause() instanceof Error error) {
            throw error; // FastCSV wraps everything, even OutOfMemoryError
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.DecodingFailure d) {
                return notUtf8(d);
            }
        }
        if (e instanceof UncheckedIOException u) {
            return IoSupport.unreadable(file, u.getCause());
        }
        String detail = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        return new InputFileException("文件 " + file + " 不是有效的 CSV(第" + (row + 1) + "行附近): " + detail,
                "file " + file + " is not valid CSV (near row " + (row + 1) + "): " + detail, e);
    }

    private InputFileException notUtf8(StrictUtf8Reader.DecodingFailure d) {
        long offset = d.byteOffset();
        long line = 1;
        StringBuilder bad = new StringBuilder();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (long i = 0; i < offset; i++) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                if (b == '\n') {
                    line++;
                }
            }
            for (int k = 0; k < 2; k++) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                bad.append(k == 0 ? "" : " ").append(String.format("0x%02X", b));
            }
        } catch (IOException e) {
            // keep what we have; the encoding problem is the message
        }
        String bytes = bad.length() == 0 ? "" : ", " + bad;
        return new InputFileException(
                "文件 " + file + " 不是有效的 UTF-8 编码(第" + line + "行, 字节偏移 " + offset + bytes
                        + "): 请将文件另存为 UTF-8 编码(它可能是 GBK 编码)",
                "file " + file + " is not valid UTF-8 (line " + line + ", byte offset " + offset + bytes
                        + "): save it as UTF-8 (it may be GBK-encoded)",
                d);
    }

    @Override
    public void close() {
        closeQuietly(csv);
    }

    private static void closeQuietly(CsvReader<?> csv) {
        try {
            csv.close();
        } catch (IOException e) {
            // nothing to do: reading is over
        }
    }
}

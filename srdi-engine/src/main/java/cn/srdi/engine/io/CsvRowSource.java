package cn.srdi.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CSV profile file (GRADING.md section 8): UTF-8 with or without a byte order mark, comma
 * separated, RFC 4180 quoting (quoted cells may contain commas, quotes and line breaks). The
 * encoding is checked strictly: a byte sequence that is not UTF-8 stops the file with an
 * {@link InputFileException} naming the line and the byte offset. Row numbers count every record
 * including blank ones, as a spreadsheet program shows the file; blank records are skipped.
 * Records may have any number of cells: a count different from the header's is reported per row
 * by {@link RowConverter}.
 *
 * <p>The bytes are split and validated by {@link Utf8CsvScanner} in one pass, because this reader
 * is the sequential stage of a parallel grading run.
 */
public final class CsvRowSource implements RawRowSource {
    private final Path file;
    private final Utf8CsvScanner scanner;
    private final String[] header;
    private final long headerRow;
    /** Row number of the last record taken from the scanner. */
    private long row;

    private CsvRowSource(Path file, Utf8CsvScanner scanner) {
        this.file = file;
        this.scanner = scanner;
        do {
            if (!advance()) {
                throw new InputFileException("文件 " + file + " 为空: 缺少表头行",
                        "file " + file + " is empty: the header row is missing");
            }
            row++;
        } while (scanner.isBlankRecord());
        this.header = scanner.cells();
        this.headerRow = row;
    }

    /**
     * Opens a CSV file and reads its header row.
     *
     * @throws InputFileException when the file cannot be read, is an Excel workbook, is not UTF-8
     *     up to the end of the header, or has no header row
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
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw IoSupport.unreadable(file, e);
        }
        Utf8CsvScanner scanner = new Utf8CsvScanner(in);
        try {
            return new CsvRowSource(file, scanner);
        } catch (RuntimeException e) {
            closeQuietly(scanner);
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
        while (advance()) {
            row++;
            if (!scanner.isBlankRecord()) {
                return scanner.toRawRow(row);
            }
        }
        return null;
    }

    /** Scans the next record; false at the end. Translates scanner failures into whole-file errors. */
    private boolean advance() {
        try {
            return scanner.advance();
        } catch (Utf8CsvScanner.DecodingFailure e) {
            throw notUtf8(e);
        } catch (Utf8CsvScanner.SyntaxFailure e) {
            String msg = e.getMessage();
            String zh = msg.startsWith("unterminated") ? "引号未闭合(缺少结束的双引号)" : "记录过大";
            throw new InputFileException(
                    "文件 " + file + " 不是有效的 CSV: 第" + e.line() + "行开始的记录" + zh,
                    "file " + file + " is not valid CSV: the record starting on line " + e.line() + ": " + msg, e);
        } catch (IOException e) {
            throw IoSupport.unreadable(file, e);
        }
    }

    private InputFileException notUtf8(Utf8CsvScanner.DecodingFailure d) {
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
        closeQuietly(scanner);
    }

    private static void closeQuietly(Utf8CsvScanner scanner) {
        try {
            scanner.close();
        } catch (IOException e) {
            // nothing to do: reading is over
        }
    }
}

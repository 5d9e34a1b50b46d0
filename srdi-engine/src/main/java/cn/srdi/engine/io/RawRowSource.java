package cn.srdi.engine.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The first stage of reading a profile file: a streaming sequence of {@link RawRow records}, in
 * file order and in constant memory, with the header row taken off once at {@link #open}. Blank
 * rows are skipped (their row numbers are not reused). The second stage, {@link RowConverter},
 * turns each raw row into a {@link ReadResult}; it is stateless, so raw rows may be converted on
 * other threads while this source keeps reading.
 *
 * <p>A source is not thread-safe: one thread calls {@link #next()}. Whole-file problems (unreadable
 * file, wrong encoding, broken XLSX) are raised as {@link InputFileException}, by {@link #open} when
 * found in the header or the first block of the file, else by {@link #next()}.
 */
public interface RawRowSource extends AutoCloseable {

    /**
     * Opens a file: XLSX when the name ends with {@code .xlsx} (any case), CSV otherwise.
     *
     * @throws InputFileException when the file cannot be opened, is not in the expected format or
     *     has no header row
     */
    static RawRowSource open(Path file) {
        return isXlsx(file) ? XlsxRowSource.open(file) : CsvRowSource.open(file);
    }

    /** True when {@link #open} reads this file as XLSX. */
    static boolean isXlsx(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** The file being read (for messages). */
    Path file();

    /** The header cells as written in the file (untrimmed; never null). */
    String[] header();

    /** The spreadsheet row number of the header row (1 unless blank rows precede it). */
    long headerRow();

    /**
     * The next non-blank data row, or null at the end of the file.
     *
     * @throws InputFileException when the rest of the file cannot be read
     */
    RawRow next();

    /**
     * Reads up to {@code max} rows into {@code into} (appending) and returns how many were added;
     * 0 only at the end of the file. Convenient for a reader thread that hands out batches.
     */
    default int nextBatch(List<RawRow> into, int max) {
        int n = 0;
        while (n < max) {
            RawRow r = next();
            if (r == null) {
                break;
            }
            into.add(r);
            n++;
        }
        return n;
    }

    /** Releases the file; never throws. */
    @Override
    void close();
}

package cn.srdi.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One data record of an input file before conversion: its row number as a spreadsheet shows it
 * (the header being row 1 when it is the first line) and its cells as text, in file column order.
 * Cells are never null; a missing cell is the empty string.
 *
 * <p>A CSV reader hands over the record's validated UTF-8 bytes and nothing else: the cell strings
 * are built only when {@link #cells()} is first called, and {@link RowConverter} reads the bytes
 * directly (building strings only for the text columns), so that the work happens on the converting
 * thread rather than on the single reading thread. The bytes of an ordinary record (no quotes) are
 * a slice of the reader's input buffer, which is never reused once rows refer to it. A raw row is
 * meant to be used by one thread at a time: pass it between threads through a safe hand-off (a
 * concurrent queue, an executor).
 */
public final class RawRow {
    private static final String[] NO_CELLS = new String[0];

    private final long row;
    private String[] cells;
    /** UTF-8 bytes of the record, or null when built from strings. */
    final byte[] data;
    /** Start of the record's bytes in {@link #data}. */
    final int from;
    /** End (exclusive) of the record's bytes in {@link #data}. */
    final int to;
    /**
     * Null for a plain record: cells separated by commas in {@code data[from, to)}, as in the file.
     * Otherwise the end offset of each cell, cells following one another from {@link #from}
     * without separators; the top bit marks a cell with non-ASCII bytes.
     */
    final int[] ends;
    /** Number of cells. */
    private final int count;
    /** Bytes the record took in the file, line break included. */
    private final int inputBytes;

    /**
     * A row from cell texts (the array is kept, not copied).
     *
     * @param row   spreadsheet row number (1-based)
     * @param cells the cell texts, untrimmed, none null
     */
    public RawRow(long row, String[] cells) {
        this.row = row;
        this.cells = cells;
        this.data = null;
        this.from = 0;
        this.to = 0;
        this.ends = null;
        this.count = cells.length;
        int bytes = 0;
        for (String c : cells) {
            bytes += c.length() + 1;
        }
        this.inputBytes = bytes;
    }

    /** A row from validated UTF-8 cell bytes, one cell after the other in {@code data} from 0 (see {@link #ends}). */
    RawRow(long row, byte[] data, int[] ends) {
        this(row, data, ends, ends.length == 0 ? 0 : (ends[ends.length - 1] & Integer.MAX_VALUE) + ends.length);
    }

    /** As {@link #RawRow(long, byte[], int[])}, with the record's size in the file. */
    RawRow(long row, byte[] data, int[] ends, int inputBytes) {
        this.row = row;
        this.data = data;
        this.from = 0;
        this.to = ends.length == 0 ? 0 : ends[ends.length - 1] & Integer.MAX_VALUE;
        this.ends = ends;
        this.count = ends.length;
        this.inputBytes = inputBytes;
    }

    /**
     * A plain record: validated UTF-8 bytes {@code data[from, to)} holding {@code count} cells
     * separated by commas, without quotes (the array is kept, not copied, and must not change).
     */
    RawRow(long row, byte[] data, int from, int to, int count, int inputBytes) {
        this.row = row;
        this.data = data;
        this.from = from;
        this.to = to;
        this.ends = null;
        this.count = count;
        this.inputBytes = inputBytes;
    }

    /** Spreadsheet row number (1-based). */
    public long row() {
        return row;
    }

    /** Number of cells, without decoding them. */
    public int cellCount() {
        return count;
    }

    /**
     * The number of bytes this record took in a CSV file, its line break included (for progress
     * reports, without decoding the cells); for a row built from cell texts (XLSX), the number of
     * characters of its cells plus one per cell.
     */
    public int inputBytes() {
        return inputBytes;
    }

    /** The cell texts, untrimmed (decoded on the first call; the array is shared, do not modify). */
    public String[] cells() {
        String[] c = cells;
        if (c == null) {
            c = decode();
            cells = c;
        }
        return c;
    }

    /** True when the cells are held as bytes (converted without {@link #cells()}). */
    boolean hasBytes() {
        return data != null;
    }

    /** The text of one cell, untrimmed. */
    String cell(int k) {
        String[] c = cells;
        if (c != null) {
            return c[k];
        }
        if (ends != null) {
            int start = k == 0 ? from : ends[k - 1] & Integer.MAX_VALUE;
            int e = ends[k];
            return text(start, e & Integer.MAX_VALUE, e >= 0);
        }
        int start = from;
        for (int i = 0; i < k; i++) {
            start = plainEnd(start) + 1;
        }
        int end = plainEnd(start);
        return text(start, end, isAscii(start, end));
    }

    private String[] decode() {
        int n = count;
        if (n == 0) {
            return NO_CELLS;
        }
        String[] out = new String[n];
        int start = from;
        if (ends != null) {
            for (int k = 0; k < n; k++) {
                int e = ends[k];
                int end = e & Integer.MAX_VALUE;
                out[k] = text(start, end, e >= 0);
                start = end;
            }
        } else {
            for (int k = 0; k < n; k++) {
                int end = plainEnd(start);
                out[k] = text(start, end, isAscii(start, end));
                start = end + 1;
            }
        }
        return out;
    }

    /** End of the plain cell starting at {@code start}: the next comma, or the record's end. */
    private int plainEnd(int start) {
        byte[] b = data;
        int end = start;
        int stop = to;
        while (end < stop && b[end] != ',') {
            end++;
        }
        return end;
    }

    private boolean isAscii(int start, int end) {
        byte[] b = data;
        for (int i = start; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String text(int start, int end, boolean ascii) {
        return start == end ? ""
                : new String(data, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RawRow{row=" + row + ", cells=" + Arrays.toString(cells()) + "}";
    }
}

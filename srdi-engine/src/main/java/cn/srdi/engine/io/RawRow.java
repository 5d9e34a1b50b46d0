package cn.srdi.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One data record of an input file before conversion: its row number as a spreadsheet shows it
 * (the header being row 1 when it is the first line) and its cells as text, in file column order.
 * Cells are never null; a missing cell is the empty string.
 *
 * <p>A CSV reader hands over the record's UTF-8 bytes and builds the cell strings only when
 * {@link #cells()} is first called, so that this work happens on the converting thread rather
 * than on the single reading thread. A raw row is meant to be used by one thread at a time: pass
 * it between threads through a safe hand-off (a concurrent queue, an executor).
 */
public final class RawRow {
    private static final String[] NO_CELLS = new String[0];

    private final long row;
    private String[] cells;
    /** UTF-8 bytes of all cells one after the other, or null when built from strings. */
    private final byte[] data;
    /** End offset of each cell in {@link #data}; the top bit marks a cell with non-ASCII bytes. */
    private final int[] ends;

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
        this.ends = null;
    }

    /** A row from validated UTF-8 bytes, decoded on first use (see the class comment). */
    RawRow(long row, byte[] data, int[] ends) {
        this.row = row;
        this.data = data;
        this.ends = ends;
    }

    /** Spreadsheet row number (1-based). */
    public long row() {
        return row;
    }

    /** Number of cells, without decoding them. */
    public int cellCount() {
        return cells != null ? cells.length : ends.length;
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

    private String[] decode() {
        int n = ends.length;
        if (n == 0) {
            return NO_CELLS;
        }
        String[] out = new String[n];
        int start = 0;
        for (int k = 0; k < n; k++) {
            int e = ends[k];
            boolean ascii = e >= 0;
            int end = e & Integer.MAX_VALUE;
            out[k] = start == end ? ""
                    : new String(data, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            start = end;
        }
        return out;
    }

    @Override
    public String toString() {
        return "RawRow{row=" + row + ", cells=" + Arrays.toString(cells()) + "}";
    }
}

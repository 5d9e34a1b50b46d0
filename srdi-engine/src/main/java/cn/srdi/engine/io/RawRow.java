package cn.srdi.engine.io;

/**
 * One data record of an input file before conversion: its row number as a spreadsheet shows it
 * (the header being row 1 when it is the first line) and its cells as text, in file column order.
 * Cells are never null; a missing cell is the empty string. The array is owned by this record and
 * must not be modified after it is handed on.
 *
 * @param row   spreadsheet row number (1-based)
 * @param cells the cell texts, untrimmed
 */
public record RawRow(long row, String[] cells) {
}

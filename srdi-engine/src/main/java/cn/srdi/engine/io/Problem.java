package cn.srdi.engine.io;

/**
 * One problem found in an input file: where (row as a spreadsheet shows it, the header being row 1;
 * column id or header text), the offending value, and a message in Chinese and English. A warning
 * does not reject the row.
 */
public record Problem(long row, String column, String value, String zh, String en, boolean warning) {

    public static Problem error(long row, String column, String value, String zh, String en) {
        return new Problem(row, column, value, zh, en, false);
    }

    /** "第3行 revenue_y1 = "abc": 不是有效的数字 / row 3, revenue_y1 = "abc": not a valid number". */
    public String describe() {
        String where = column == null ? "" : " " + column + (value == null ? "" : " = \"" + value + "\"");
        return "第" + row + "行" + where + ": " + zh + " / row " + row + "," + where + ": " + en;
    }
}

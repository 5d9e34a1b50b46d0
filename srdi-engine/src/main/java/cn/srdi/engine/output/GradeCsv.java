package cn.srdi.engine.output;

import cn.srdi.engine.grading.Grade;
import java.util.List;

/** Writes grade summaries as CSV (UTF-8, RFC 4180 quoting), appending to a StringBuilder for speed. */
public final class GradeCsv {
    private GradeCsv() {
    }

    public static void header(StringBuilder sb) {
        row(sb, GradeSummaryRow.HEADER.toArray(new String[0]));
    }

    public static void write(StringBuilder sb, Grade g) {
        row(sb, GradeSummaryRow.cells(g));
    }

    public static void row(StringBuilder sb, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            cell(sb, cells[i]);
        }
        sb.append('\n');
    }

    public static void row(StringBuilder sb, List<String> cells) {
        row(sb, cells.toArray(new String[0]));
    }

    /** Appends one cell, quoted when it holds a comma, a quote or a line break. */
    public static void cell(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }
}

package cn.srdi.engine.io;

import cn.srdi.engine.model.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which {@link Field} each column of a file holds, computed once from the header row
 * (GRADING.md section 8): a column is named by the English id or the Chinese label of a field,
 * in any order. Immutable and thread-safe.
 *
 * <p>The header is refused as a whole ({@link InputFileException}) when a column is unknown (unless
 * {@link ReadOptions#ignoreUnknownColumns()}, then the column is skipped), when two columns name the
 * same field, or when a required column is missing. Blank header cells at the right end (trailing
 * separators) are ignored, and rows may have or lack those cells; a blank header cell between named
 * columns counts as an unknown column.
 */
public final class ColumnMapping {
    private final Field[] fieldOfColumn;
    private final int[] columnOfField;
    private final int namedWidth;

    private ColumnMapping(Field[] fieldOfColumn, int namedWidth) {
        this.fieldOfColumn = fieldOfColumn;
        this.namedWidth = namedWidth;
        this.columnOfField = new int[Field.ALL.length];
        java.util.Arrays.fill(columnOfField, -1);
        for (int i = 0; i < fieldOfColumn.length; i++) {
            if (fieldOfColumn[i] != null) {
                columnOfField[fieldOfColumn[i].ordinal()] = i;
            }
        }
    }

    /**
     * Maps a header row.
     *
     * @param file      the file, named in messages
     * @param header    the header cells as read
     * @param headerRow the header's row number, named in messages
     * @param options   whether unknown columns are skipped
     * @throws InputFileException when the header is refused (see the class comment)
     */
    public static ColumnMapping of(Path file, String[] header, long headerRow, ReadOptions options) {
        int width = header.length;
        int named = width;
        while (named > 0 && (header[named - 1] == null || header[named - 1].isBlank())) {
            named--;
        }
        Field[] fields = new Field[width];
        Map<Field, Integer> seen = new EnumMap<>(Field.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < named; i++) {
            String h = header[i] == null ? "" : header[i];
            Field f = h.isBlank() ? null : Field.byHeader(h);
            if (f == null) {
                unknown.add(h.isBlank() ? "(第" + (i + 1) + "列表头为空 / column " + (i + 1) + " has an empty header)" : h.trim());
                continue;
            }
            Integer before = seen.putIfAbsent(f, i);
            if (before != null) {
                throw new InputFileException(
                        "文件 " + file + " 第" + headerRow + "行表头重复: 第" + (before + 1) + "列“" + header[before].trim()
                                + "”与第" + (i + 1) + "列“" + h.trim() + "”都是 " + f.id() + "(" + f.zh() + ")",
                        "file " + file + ", header row " + headerRow + ": duplicate column: column " + (before + 1) + " \""
                                + header[before].trim() + "\" and column " + (i + 1) + " \"" + h.trim() + "\" are both " + f.id());
            }
            fields[i] = f;
        }
        if (!unknown.isEmpty() && !options.ignoreUnknownColumns()) {
            String list = String.join(", ", unknown);
            throw new InputFileException(
                    "文件 " + file + " 第" + headerRow + "行表头有未知列: " + list + "(如需忽略请使用 --ignore-unknown)",
                    "file " + file + ", header row " + headerRow + ": unknown column(s): " + list
                            + " (use --ignore-unknown to skip them)");
        }
        List<Field> missing = new ArrayList<>();
        for (Field f : Field.ALL) {
            if (f.required() && !seen.containsKey(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (Field f : missing) {
                if (zh.length() > 0) {
                    zh.append("、");
                    en.append(", ");
                }
                zh.append(f.zh()).append("(").append(f.id()).append(")");
                en.append(f.id());
            }
            throw new InputFileException("文件 " + file + " 缺少必填列: " + zh,
                    "file " + file + " lacks required column(s): " + en);
        }
        return new ColumnMapping(fields, named);
    }

    /** Number of columns in the header (including ignored ones); every row should have this many cells. */
    public int width() {
        return fieldOfColumn.length;
    }

    /**
     * Number of columns up to the last one with a header; smaller than {@link #width()} when the
     * header ends with blank cells (trailing separators). Rows may have either many cells.
     */
    public int namedWidth() {
        return namedWidth;
    }

    /** The field of a column, or null when the column is ignored. */
    public Field field(int column) {
        return fieldOfColumn[column];
    }

    /** The column holding a field, or -1 when the file lacks it. */
    public int column(Field f) {
        return columnOfField[f.ordinal()];
    }

    /** Field per column (null for ignored columns); shared, read-only by contract of this package. */
    Field[] fields() {
        return fieldOfColumn;
    }
}

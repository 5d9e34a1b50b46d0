package cn.srdi.engine.io;

import cn.srdi.engine.model.Decimals;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The second stage of reading: converts one {@link RawRow} into a {@link ReadResult}, using the
 * column mapping computed once from the header. Stateless and thread-safe, so raw rows can be
 * converted in parallel; the duplicate check, which depends on reading order, is done afterwards
 * by {@link DuplicateTracker}.
 *
 * <p>A blank cell (after trimming) means "not provided" and leaves its field unset. Every other
 * cell goes through {@link ProfileValues#parseInto}; then the row-level rules of GRADING.md
 * section 8 are checked: every required field present; main revenue ≤ revenue of the same year;
 * R&amp;D staff and technical staff ≤ employees; each subset of Ⅰ类知识产权 ≤ ip1 (a blank ip1
 * counting as 0); equity financing of 2 years ≤ that of 3 years. A row with any error is
 * {@link ReadResult.Rejected rejected} with every problem (warnings included); otherwise it is
 * {@link ReadResult.Accepted accepted} with its warnings (e.g. an industry code missing from the
 * reference table under an existing 大类).
 */
public final class RowConverter {
    private static final Field[] REQUIRED = requiredFields();
    private static final Field[][] NOT_ABOVE = {
        {Field.MAIN_REVENUE_Y1, Field.REVENUE_Y1},
        {Field.MAIN_REVENUE_Y2, Field.REVENUE_Y2},
        {Field.MAIN_REVENUE_Y3, Field.REVENUE_Y3},
        {Field.RD_STAFF_Y1, Field.EMPLOYEES_Y1},
        {Field.TECH_STAFF_Y1, Field.EMPLOYEES_Y1},
        {Field.EQUITY_FINANCING_2Y, Field.EQUITY_FINANCING_3Y},
    };
    private static final Field[] IP1_SUBSETS = {
        Field.IP1_SELF_DEVELOPED, Field.IP1_HIGH_VALUE, Field.IP1_APPLIED, Field.IP1_OWN_TOP3,
    };

    /** Column kinds of the plain-record fast path ({@link #convertPlain}). */
    private static final byte OTHER = 0;
    private static final byte NUMBER = 1;
    private static final byte BOOL = 2;
    private static final long SCALE = Decimals.SCALE;
    /** 10^(4 - k): the scale of a fraction of k digits. */
    private static final long[] FRACTION_SCALE = {10_000, 1_000, 100, 10, 1};

    private final ColumnMapping mapping;
    private final Field[] fields;
    private final byte[] kinds;
    private final int width;
    private final int namedWidth;

    /** A converter for files with this header mapping. */
    public RowConverter(ColumnMapping mapping) {
        this.mapping = mapping;
        this.fields = mapping.fields();
        this.width = fields.length;
        this.namedWidth = mapping.namedWidth();
        this.kinds = new byte[width];
        for (int i = 0; i < width; i++) {
            Field f = fields[i];
            if (f != null) {
                kinds[i] = switch (f.type()) {
                    case DECIMAL, SIGNED_DECIMAL, INTEGER -> NUMBER;
                    case BOOLEAN, DECLARATION -> BOOL;
                    default -> OTHER;
                };
            }
        }
    }

    /**
     * A converter for the header of {@code source}.
     *
     * @throws InputFileException when the header is refused (see {@link ColumnMapping})
     */
    public static RowConverter forSource(RawRowSource source, ReadOptions options) {
        return new RowConverter(ColumnMapping.of(source.file(), source.header(), source.headerRow(), options));
    }

    /** The header mapping this converter uses. */
    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Converts one row; never throws for bad content (bad content gives a rejected row). A row read
     * from CSV is converted from its UTF-8 bytes: strings are built only for the text columns (and
     * for the values named in problems), never the row's whole {@link RawRow#cells()}.
     */
    public ReadResult convert(RawRow raw) {
        long row = raw.row();
        int n = raw.cellCount();
        if (n != width && n != namedWidth) {
            return new ReadResult.Rejected(row, List.of(Problem.error(row, null, null,
                    "本行有 " + n + " 个单元格, 而表头有 " + width + " 列",
                    "the row has " + n + " cells but the header has " + width + " columns")));
        }
        if (raw.hasBytes()) {
            return convertBytes(raw, row, n);
        }
        String[] cells = raw.cells();
        Profile p = new Profile().row(row);
        Problems problems = null;
        for (int i = 0; i < n; i++) {
            Field f = fields[i];
            String cell = cells[i];
            if (f == null || isBlank(cell)) {
                continue;
            }
            ProfileValues.CellProblem cp = ProfileValues.parseInto(p, f, cell);
            if (cp != null) {
                if (problems == null) {
                    problems = new Problems(row);
                }
                problems.cell(f, cell.trim(), cp);
            }
        }
        problems = checkRow(p, raw, problems, row);
        return result(p, problems, row);
    }

    private static ReadResult result(Profile p, Problems problems, long row) {
        if (problems == null) {
            return new ReadResult.Accepted(p, List.of());
        }
        return problems.hasError()
                ? new ReadResult.Rejected(row, problems.list)
                : new ReadResult.Accepted(p, problems.list);
    }

    /** {@link #convert} of a row held as UTF-8 bytes (see {@link RawRow#ends} for the two layouts). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The end of the cell starting at {@code from} (the next comma, or {@code stop}), eight bytes at a
     * time; negative (bit 63 set) when the cell holds a non-ASCII byte. The first zero byte of
     * {@code x ^ COMMAS} found by the borrow trick is exact (only bytes above it can be false hits).
     */
    static long cellEnd(byte[] b, int from, int stop) {
        int end = from;
        long high = 0;
        while (end + 8 <= stop) {
            long x = (long) LONGS.get(b, end);
            long t = x ^ COMMAS;
            long found = (t - ONES) & ~t & HIGHS;
            if (found != 0) {
                int k = Long.numberOfTrailingZeros(found) >>> 3;
                if (k > 0) {
                    high |= x & HIGHS & (-1L >>> (64 - 8 * k));
                }
                return (end + k) | (high != 0 ? Long.MIN_VALUE : 0);
            }
            high |= x & HIGHS;
            end += 8;
        }
        int nonAscii = high != 0 ? -1 : 0;
        while (end < stop) {
            byte c = b[end];
            if (c == ',') {
                break;
            }
            nonAscii |= c;
            end++;
        }
        return end | (nonAscii < 0 ? Long.MIN_VALUE : 0);
    }

    private ReadResult convertBytes(RawRow raw, long row, int n) {
        if (raw.ends == null) {
            return convertPlain(raw, row, n);
        }
        final byte[] b = raw.data;
        final int[] ends = raw.ends;
        final Field[] fs = fields;
        Profile p = new Profile().row(row);
        Problems problems = null;
        int start = raw.from;
        for (int i = 0; i < n; i++) {
            int e = ends[i];
            int end = e & Integer.MAX_VALUE;
            problems = convertCell(p, fs[i], b, start, end, e >= 0, problems, row);
            start = end;
        }
        problems = checkRow(p, raw, problems, row);
        return result(p, problems, row);
    }

    /**
     * {@link #convertBytes} of a plain record (cells separated by commas in {@code data[from, to)}):
     * the usual cells of the numeric and boolean columns (digits with at most one point and four
     * decimals; {@code true}/{@code false}) are parsed and their end found in one pass over their
     * bytes; every other cell (blank, signed, spaced, long, unusual) and every other column goes
     * through {@link #convertCell}, exactly as before. The fast paths accept only text that
     * {@link Decimals#tryParse} and the boolean reader read to the same value.
     */
    private ReadResult convertPlain(RawRow raw, long row, int n) {
        final byte[] b = raw.data;
        final int stop = raw.to;
        final Field[] fs = fields;
        final byte[] ks = kinds;
        Profile p = new Profile().row(row);
        Problems problems = null;
        int start = raw.from;
        for (int i = 0; i < n; i++) {
            byte kind = ks[i];
            if (kind == NUMBER) {
                int j = start;
                long whole = 0;
                int d;
                while (j < stop && (d = b[j] - '0') >= 0 && d <= 9) {
                    whole = whole * 10 + d;
                    j++;
                }
                int digits = j - start;
                if (digits == 0) {
                    if (j == stop || b[j] == ',') {
                        start = j + 1; // empty: not provided
                        continue;
                    }
                } else if (digits <= 14) {
                    long v = whole * SCALE;
                    boolean ok = true;
                    if (j < stop && b[j] == '.') {
                        int fs0 = ++j;
                        long frac = 0;
                        while (j < stop && (d = b[j] - '0') >= 0 && d <= 9) {
                            frac = frac * 10 + d;
                            j++;
                        }
                        int k = j - fs0;
                        ok = k >= 1 && k <= 4;
                        if (ok) {
                            v += frac * FRACTION_SCALE[k];
                        }
                    }
                    Field f = fs[i];
                    if (ok && (j == stop || b[j] == ',') && v <= Decimals.MAX_ABS && ProfileValues.inRange(f, v)) {
                        p.set(f, v);
                        start = j + 1;
                        continue;
                    }
                }
            } else if (kind == BOOL) {
                int value = -1;
                int j = start;
                if (j + 4 <= stop && b[j] == 't' && b[j + 1] == 'r' && b[j + 2] == 'u' && b[j + 3] == 'e') {
                    value = 1;
                    j += 4;
                } else if (j + 5 <= stop && b[j] == 'f' && b[j + 1] == 'a' && b[j + 2] == 'l' && b[j + 3] == 's'
                        && b[j + 4] == 'e') {
                    value = 0;
                    j += 5;
                } else if (j == stop || b[j] == ',') {
                    start = j + 1; // empty: not provided
                    continue;
                }
                if (value >= 0 && (j == stop || b[j] == ',')) {
                    p.setBool(fs[i], value == 1);
                    start = j + 1;
                    continue;
                }
            }
            long cell = cellEnd(b, start, stop);
            int end = (int) cell;
            problems = convertCell(p, fs[i], b, start, end, cell >= 0, problems, row);
            start = end + 1;
        }
        problems = checkRow(p, raw, problems, row);
        return result(p, problems, row);
    }

    /** Converts the cell {@code b[start, end)} of column field {@code f} (null: ignored column) into {@code p}. */
    private static Problems convertCell(Profile p, Field f, byte[] b, int start, int end, boolean ascii,
                                        Problems problems, long row) {
        if (f != null && end > start) {
            ProfileValues.CellProblem cp;
            String value = null;
            if (ascii) {
                int ts = start;
                int te = end;
                while (ts < te && b[ts] <= ' ') {
                    ts++;
                }
                while (te > ts && b[te - 1] <= ' ') {
                    te--;
                }
                if (ts < te) {
                    cp = ProfileValues.parseAsciiInto(p, f, b, ts, te);
                } else if (asciiBlank(b, start, end)) {
                    cp = null; // blank: not provided
                } else {
                    // only control characters: not blank for String.isBlank, empty once trimmed
                    cp = ProfileValues.parseInto(p, f, "");
                }
                if (cp != null) {
                    value = new String(b, ts, te - ts, StandardCharsets.ISO_8859_1);
                }
            } else {
                String cell = new String(b, start, end - start, StandardCharsets.UTF_8);
                cp = isBlank(cell) ? null : ProfileValues.parseInto(p, f, cell);
                if (cp != null) {
                    value = cell.trim();
                }
            }
            if (cp != null) {
                if (problems == null) {
                    problems = new Problems(row);
                }
                problems.cell(f, value, cp);
            }
        }
        return problems;
    }

    /** String.isBlank of ASCII bytes: every byte one of Character.isWhitespace's ASCII characters. */
    private static boolean asciiBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!(c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F))) {
                return false;
            }
        }
        return true;
    }

    private Problems checkRow(Profile p, RawRow cells, Problems problems, long row) {
        for (Field f : REQUIRED) {
            if (!p.has(f) && (problems == null || !problems.isBad(f))) {
                problems = orNew(problems, row);
                problems.error(f, "", "必填项“" + f.zh() + "”为空", "required value " + f.id() + " is blank");
            }
        }
        for (Field[] pair : NOT_ABOVE) {
            Field part = pair[0];
            Field whole = pair[1];
            if (p.has(part) && p.has(whole) && p.get(part) > p.get(whole)) {
                problems = orNew(problems, row);
                problems.error(part, cellOf(cells, part), part.zh() + "不能大于" + whole.zh(),
                        part.id() + " must not exceed " + whole.id());
            }
        }
        boolean ip1Given = p.has(Field.IP1);
        if (ip1Given || problems == null || !problems.isBad(Field.IP1)) {
            long ip1 = ip1Given ? p.get(Field.IP1) : 0;
            for (Field part : IP1_SUBSETS) {
                if (p.has(part) && p.get(part) > ip1) {
                    problems = orNew(problems, row);
                    problems.error(part, cellOf(cells, part),
                            part.zh() + "不能大于" + Field.IP1.zh() + (ip1Given ? "" : "(未填写, 按0计)"),
                            part.id() + " must not exceed " + Field.IP1.id() + (ip1Given ? "" : " (blank, counted as 0)"));
                }
            }
        }
        return problems;
    }

    /** String.isBlank with a fast answer for the usual cell that starts with a visible character. */
    private static boolean isBlank(String cell) {
        if (cell == null || cell.isEmpty()) {
            return true;
        }
        char c = cell.charAt(0);
        if (c > ' ' && c < '\u1680') {
            return false; // no whitespace character lies in this range (U+0085 and U+00A0 are not whitespace)
        }
        return cell.isBlank();
    }

    private String cellOf(RawRow raw, Field f) {
        int c = mapping.column(f);
        return c < 0 ? "" : raw.cell(c).trim();
    }

    private static Problems orNew(Problems problems, long row) {
        return problems != null ? problems : new Problems(row);
    }

    private static Field[] requiredFields() {
        List<Field> r = new ArrayList<>();
        for (Field f : Field.ALL) {
            if (f.required()) {
                r.add(f);
            }
        }
        return r.toArray(new Field[0]);
    }

    /** The problems of one row, and which fields had an error in their own cell. */
    private static final class Problems {
        final long row;
        final List<Problem> list = new ArrayList<>(4);
        final boolean[] bad = new boolean[Field.ALL.length];
        boolean error;

        Problems(long row) {
            this.row = row;
        }

        void cell(Field f, String value, ProfileValues.CellProblem cp) {
            list.add(new Problem(row, f.id(), value, cp.zh(), cp.en(), cp.warning()));
            if (!cp.warning()) {
                bad[f.ordinal()] = true;
                error = true;
            }
        }

        void error(Field f, String value, String zh, String en) {
            list.add(Problem.error(row, f.id(), value, zh, en));
            error = true;
        }

        boolean isBad(Field f) {
            return bad[f.ordinal()];
        }

        boolean hasError() {
            return error;
        }
    }
}

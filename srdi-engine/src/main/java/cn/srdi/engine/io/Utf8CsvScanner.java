package cn.srdi.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A byte-level CSV record scanner for UTF-8 input: RFC 4180 (comma separator, double-quote
 * quoting with {@code ""} as an escaped quote, quoted cells may span lines, records end with CRLF,
 * LF or CR) with strict UTF-8 validation in the same pass. It exists because the reading thread is
 * the one sequential stage of a parallel grading run: it only splits, unquotes and validates the
 * bytes, and leaves building the cell strings to the converting threads ({@link RawRow#cells()}).
 *
 * <p>Lenient where RFC 4180 leaves room and nothing is lost: a quote inside an unquoted cell is
 * kept literally, and characters between a closing quote and the next separator are appended to
 * the cell. A quoted cell still open at the end of the file is an error, since it would silently
 * swallow every following row. A leading UTF-8 byte order mark is skipped. Not thread-safe.
 */
final class Utf8CsvScanner implements Closeable {
    /** Below half a G1 region of a small heap, so that a buffer is never a humongous object. */
    private static final int INITIAL_BUFFER = 1 << 18;
    private static final int MAX_RECORD_BYTES = 64 << 20;
    private static final int NON_ASCII = Integer.MIN_VALUE;
    /** What {@link #scanPlain()} returns for a record with a quote, which {@link #scanRecord()} reads. */
    private static final int QUOTED = -2;

    /** The input is not valid UTF-8 at {@link #byteOffset()}. */
    static final class DecodingFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final long byteOffset;

        DecodingFailure(long byteOffset) {
            super("malformed UTF-8 at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
        }

        long byteOffset() {
            return byteOffset;
        }
    }

    /** The input breaks the CSV syntax (an unterminated quoted cell, a record too large). */
    static final class SyntaxFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        SyntaxFailure(String message, long line) {
            super(message);
            this.line = line;
        }

        /** Physical line (1-based) where the offending record starts. */
        long line() {
            return line;
        }
    }

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    /** File offset of {@code buf[0]}. */
    private long bufferStart;
    /** Physical line (1-based) where the next record starts. */
    private long line = 1;

    /** True when rows refer to {@link #buf}: it is then never written again (a new one is read). */
    private boolean shared;
    /**
     * True when the current record has no quote: its cells are {@code buf[recFrom, recTo)} split on
     * commas, {@link #count} of them. Otherwise the record is in {@link #rec} and {@link #ends}.
     */
    private boolean plain;
    private int recFrom;
    private int recTo;
    /** Bytes of the current record in the input, line break included. */
    private int inputBytes;

    /** The current quoted record: cell bytes one after the other, unquoted and unescaped. */
    private byte[] rec = new byte[4096];
    private int recLength;
    /** End of each cell in {@link #rec}, top bit set for a cell with non-ASCII bytes. */
    private int[] ends = new int[128];
    private int count;
    /** Line breaks inside the record being scanned (added to {@link #line} once it is complete). */
    private int recordLines;

    Utf8CsvScanner(InputStream in) {
        this(in, INITIAL_BUFFER);
    }

    /** A scanner with a given initial buffer size (small sizes exercise the buffer boundaries in tests). */
    Utf8CsvScanner(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(4, bufferSize)];
    }

    /**
     * Scans the next record (an empty line is a record of one empty cell).
     *
     * @return false at the end of the input
     * @throws DecodingFailure when the bytes are not UTF-8
     * @throws SyntaxFailure   when a quoted cell is not closed by the end of the input
     */
    boolean advance() throws IOException {
        if (!started) {
            started = true;
            fill();
            if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
                    && (buf[pos + 2] & 0xFF) == 0xBF) {
                pos += 3;
            }
        }
        while (true) {
            if (pos == limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            int end = scanPlain();
            if (end == QUOTED) {
                end = scanRecord();
            }
            if (end >= 0) {
                inputBytes = end - pos;
                pos = end;
                line += recordLines;
                return true;
            }
            // the record runs past the buffered bytes: keep it, read more and scan it again
            if (eof) {
                throw new SyntaxFailure("unterminated quoted cell", line);
            }
            fill();
        }
    }

    /**
     * The current record as a raw row (strings built later, on first use): a plain record refers to
     * the input buffer, which is then never reused; a quoted one is copied.
     */
    RawRow toRawRow(long row) {
        if (plain) {
            shared = true;
            return new RawRow(row, buf, recFrom, recTo, count, inputBytes);
        }
        return new RawRow(row, Arrays.copyOf(rec, recLength), Arrays.copyOf(ends, count), inputBytes);
    }

    /** The current record's cells as strings. */
    String[] cells() {
        return toRawRow(0).cells();
    }

    /** True when every cell of the current record is empty or only spaces and tabs (decoding the rare other cases). */
    boolean isBlankRecord() {
        if (plain) {
            byte[] b = buf;
            for (int i = recFrom; i < recTo; i++) {
                byte c = b[i];
                if (c == ',' || c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || (c >= 0x1C && c <= 0x1F)) {
                    continue;
                }
                if (c >= 0) {
                    return false;
                }
                for (String cell : new RawRow(0, b, recFrom, recTo, count, 0).cells()) {
                    if (!cell.isBlank()) {
                        return false;
                    }
                }
                return true;
            }
            return true;
        }
        int start = 0;
        for (int k = 0; k < count; k++) {
            int e = ends[k];
            int end = e & Integer.MAX_VALUE;
            if (e < 0) {
                if (!new String(rec, start, end - start, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                    return false;
                }
            } else {
                for (int i = start; i < end; i++) {
                    byte c = rec[i];
                    if (c != ' ' && c != '\t' && c != '\u000B' && c != '\f' && !(c >= 0x1C && c <= 0x1F)) {
                        return false;
                    }
                }
            }
            start = end;
        }
        return true;
    }

    /** Physical line (1-based) where the next record starts. */
    long line() {
        return line;
    }

    /**
     * Scans one record from {@link #pos} when it has no quote (the usual case): finds its end,
     * counts its cells and validates its UTF-8 in one pass, without copying. Returns the index just
     * past the record's line break, -1 when the buffered bytes end before the record does (and
     * more input may follow), or {@link #QUOTED} when the record has a quote.
     */
    private int scanPlain() throws IOException {
        final byte[] b = buf;
        final int lim = limit;
        int i = pos;
        int commas = 0;
        while (i < lim) {
            byte c = b[i];
            if (c > '"') {
                if (c == ',') {
                    commas++;
                }
                i++;
            } else if (c >= 0) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    return QUOTED;
                }
                i++;
            } else {
                int n = sequenceLength(b, i, lim);
                if (n < 0) {
                    if (n == -1 && !eof) {
                        return -1; // cut by the end of the buffer
                    }
                    throw new DecodingFailure(bufferStart + i);
                }
                i += n;
            }
        }
        int next;
        if (i == lim) {
            if (!eof) {
                return -1;
            }
            recordLines = 0;
            next = i; // the end of the input ends the record
        } else {
            recordLines = 1;
            if (b[i] == '\r') {
                if (i + 1 == lim && !eof) {
                    return -1;
                }
                next = i + 1 < lim && b[i + 1] == '\n' ? i + 2 : i + 1;
            } else {
                next = i + 1;
            }
        }
        plain = true;
        recFrom = pos;
        recTo = i;
        count = commas + 1;
        return next;
    }

    /**
     * Length of the well-formed UTF-8 sequence starting with the non-ASCII byte {@code b[i]}; -1
     * when {@code b[stop)} cuts a sequence that is well-formed so far, -2 when it is ill-formed
     * (as {@link #firstInvalid} judges it).
     */
    private static int sequenceLength(byte[] b, int i, int stop) {
        int c = b[i] & 0xFF;
        int need;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) {
                min2 = 0xA0;
            } else if (c == 0xED) {
                max2 = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) {
                min2 = 0x90;
            } else if (c == 0xF4) {
                max2 = 0x8F;
            }
        } else {
            return -2;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= stop) {
                return -1;
            }
            int ck = b[i + k] & 0xFF;
            if (k == 1 ? ck < min2 || ck > max2 : ck < 0x80 || ck > 0xBF) {
                return -2;
            }
        }
        return need + 1;
    }

    /**
     * Scans one record from {@link #pos} into {@link #rec} and {@link #ends}. Returns the index
     * just past the record's line break, or -1 when the buffered bytes end before the record does
     * (and more input may follow).
     */
    private int scanRecord() throws IOException {
        final byte[] b = buf;
        final int lim = limit;
        int i = pos;
        plain = false;
        count = 0;
        recLength = 0;
        recordLines = 0;
        while (true) {
            int cellInput = i;
            boolean ascii = true;
            if (i < lim && b[i] == '"') {
                // quoted cell: copy the inside, turning "" into "
                int j = i + 1;
                int from = j;
                while (true) {
                    if (j == lim) {
                        return -1;
                    }
                    byte c = b[j];
                    if (c == '"') {
                        if (j + 1 == lim && !eof) {
                            return -1;
                        }
                        if (j + 1 < lim && b[j + 1] == '"') {
                            append(b, from, j + 1); // keep one quote
                            j += 2;
                            from = j;
                            continue;
                        }
                        break;
                    }
                    if (c < 0) {
                        ascii = false;
                    } else if (c == '\n') {
                        recordLines++;
                    } else if (c == '\r' && (j + 1 == lim || b[j + 1] != '\n')) {
                        recordLines++;
                    }
                    j++;
                }
                append(b, from, j);
                i = j + 1;
                // lenient: keep anything between the closing quote and the separator
                int k = toSeparator(b, i, lim);
                ascii &= !nonAsciiBetween(b, i, k);
                if (k == lim && !eof) {
                    return -1;
                }
                append(b, i, k);
                i = k;
            } else {
                int j = toSeparator(b, i, lim);
                ascii &= !nonAsciiBetween(b, i, j);
                if (j == lim && !eof) {
                    return -1;
                }
                append(b, i, j);
                i = j;
            }
            if (!ascii) {
                // validate the input bytes (quotes are ASCII, so they cannot hide a broken sequence)
                int bad = firstInvalid(b, cellInput, i);
                if (bad >= 0) {
                    throw new DecodingFailure(bufferStart + bad);
                }
            }
            endCell(ascii);
            if (i == lim) {
                return i; // the end of the input ends the record
            }
            byte sep = b[i];
            if (sep == ',') {
                i++;
                continue;
            }
            // line break: CR LF, LF or CR
            recordLines++;
            if (sep == '\r') {
                if (i + 1 == lim && !eof) {
                    return -1;
                }
                if (i + 1 < lim && b[i + 1] == '\n') {
                    return i + 2;
                }
            }
            return i + 1;
        }
    }

    private void append(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        if (recLength + n > rec.length) {
            rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLength + n));
        }
        System.arraycopy(b, from, rec, recLength, n);
        recLength += n;
    }

    /** Index of the first separator or line break at or after {@code from}, or {@code lim}. */
    private static int toSeparator(byte[] b, int from, int lim) {
        int k = from;
        while (k < lim) {
            byte c = b[k];
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            k++;
        }
        return k;
    }

    private static boolean nonAsciiBetween(byte[] b, int from, int to) {
        int acc = 0;
        for (int k = from; k < to; k++) {
            acc |= b[k];
        }
        return acc < 0;
    }

    private void endCell(boolean ascii) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = ascii ? recLength : recLength | NON_ASCII;
    }

    /** Index of the first byte of an ill-formed sequence in b[start, stop), or -1. */
    static int firstInvalid(byte[] b, int start, int stop) {
        int i = start;
        while (i < stop) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, stop);
            if (n < 0) {
                return i; // ill-formed, or cut by the end of the cell
            }
            i += n;
        }
        return -1;
    }

    /** Moves the unscanned bytes to the front (growing the buffer if one record fills it) and reads more. */
    private void fill() throws IOException {
        int keep = limit - pos;
        int size = buf.length;
        if (keep == size) {
            if (size >= MAX_RECORD_BYTES) {
                throw new SyntaxFailure("record larger than " + (MAX_RECORD_BYTES >> 20) + " MiB", line);
            }
            size *= 2;
        }
        if (shared || size != buf.length) {
            // rows refer to the old buffer (or it is too small): carry the unscanned bytes over
            byte[] fresh = new byte[size];
            System.arraycopy(buf, pos, fresh, 0, keep);
            buf = fresh;
            shared = false;
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        bufferStart += pos;
        limit = keep;
        pos = 0;
        int n = in.readNBytes(buf, limit, buf.length - limit);
        if (n == 0) {
            eof = true;
        }
        limit += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}


package cn.srdi.engine.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes, meant to be reused: one per worker (or per batch), {@link #reset}
 * between chunks. Appending ASCII, digits and precomputed byte labels needs no intermediate
 * {@code String} or UTF-16 copy. Not thread-safe.
 */
public final class ByteSink {
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;

    public ByteSink() {
        this(8192);
    }

    public ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Number of bytes written since the last {@link #reset}. */
    public int size() {
        return size;
    }

    /** Empties the buffer (keeps its capacity). */
    public void reset() {
        size = 0;
    }

    /** Cuts the content back to its first {@code newSize} bytes. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException(newSize);
        }
        size = newSize;
    }

    /** The backing array (valid up to {@link #size()}; replaced when the buffer grows). */
    public byte[] array() {
        return buf;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** A copy of the bytes {@code [from, to)}. */
    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(buf, from, to);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    /** Makes room for {@code n} more bytes. */
    public void ensure(int n) {
        int need = size + n;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    public ByteSink append(byte b) {
        if (size == buf.length) {
            ensure(1);
        }
        buf[size++] = b;
        return this;
    }

    /** Appends an ASCII character. */
    public ByteSink append(char c) {
        return append((byte) c);
    }

    public ByteSink append(byte[] b) {
        return append(b, 0, b.length);
    }

    public ByteSink append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Appends a decimal number, as {@link Long#toString(long)} would. */
    public ByteSink appendLong(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return append(MIN_LONG);
            }
            append((byte) '-');
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        ensure(digits);
        int end = size + digits;
        int p = end;
        do {
            buf[--p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        size = end;
        return this;
    }

    /** Appends an int as {@link Integer#toString(int)} would. */
    public ByteSink appendInt(int v) {
        if (v >= 0 && v < 10) {
            return append((byte) ('0' + v));
        }
        if (v >= 10 && v < 100) {
            ensure(2);
            buf[size++] = (byte) ('0' + v / 10);
            buf[size++] = (byte) ('0' + v % 10);
            return this;
        }
        return appendLong(v);
    }

    /**
     * Appends {@code s} encoded as UTF-8, exactly as {@code s.getBytes(UTF_8)} (an unpaired surrogate
     * becomes {@code '?'}). Null appends nothing.
     */
    public ByteSink appendUtf8(CharSequence s) {
        return s == null ? this : appendUtf8(s, 0, s.length());
    }

    /** Appends the chars {@code [from, to)} of {@code s} as UTF-8 (see {@link #appendUtf8(CharSequence)}). */
    public ByteSink appendUtf8(CharSequence s, int from, int to) {
        ensure(to - from);
        byte[] b = buf;
        int p = size;
        int i = from;
        // ASCII fast path
        while (i < to) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[p++] = (byte) c;
            i++;
        }
        size = p;
        if (i < to) {
            appendUtf8Slow(s, i, to);
        }
        return this;
    }

    /**
     * Appends {@code s} as UTF-8 as one RFC 4180 CSV cell: the bytes of {@link #appendUtf8(CharSequence)}
     * followed by {@link #quoteCsvCellFrom(int)}, in one pass over the chars (the cell is scanned
     * again only when it needs quotes or holds a surrogate).
     */
    public void appendCsvCell(CharSequence s) {
        int n = s.length();
        ensure(3 * n); // a char takes at most 3 bytes (a surrogate pair 4 for its 2 chars)
        byte[] b = buf;
        int start = size;
        int p = start;
        boolean special = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    special = true;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                size = p;
                appendUtf8Slow(s, i, n);
                quoteCsvCellFrom(start);
                return;
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = p;
        if (special) {
            quoteCsvCellFrom(start);
        }
    }

    private void appendUtf8Slow(CharSequence s, int i, int to) {
        while (i < to) {
            char c = s.charAt(i++);
            if (c < 0x80) {
                append((byte) c);
            } else if (c < 0x800) {
                ensure(2);
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char d;
                if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(d = s.charAt(i))) {
                    i++;
                    int cp = Character.toCodePoint(c, d);
                    ensure(4);
                    buf[size++] = (byte) (0xF0 | (cp >> 18));
                    buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[size++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    append((byte) '?');
                }
            } else {
                ensure(3);
                buf[size++] = (byte) (0xE0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Makes the bytes {@code [start, size)} one RFC 4180 CSV cell: when they hold a comma, a quote or a
     * line break they are wrapped in quotes with every quote doubled. Working on the UTF-8 bytes is
     * the same as working on the chars, since these are ASCII and never occur inside a multi-byte
     * sequence.
     */
    public void quoteCsvCellFrom(int start) {
        byte[] b = buf;
        int end = size;
        int quotes = 0;
        boolean special = false;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                quotes++;
                special = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                special = true;
            }
        }
        if (!special) {
            return;
        }
        int len = end - start;
        ensure(quotes + 2);
        b = buf;
        // shift right, doubling quotes, from the back
        int src = end - 1;
        int dst = end + quotes + 1;
        b[dst--] = '"';
        while (src >= start) {
            byte c = b[src--];
            b[dst--] = c;
            if (c == '"') {
                b[dst--] = '"';
            }
        }
        b[dst] = '"';
        size = start + len + quotes + 2;
    }

    /**
     * A writer that appends to this sink as UTF-8, exactly as encoding the whole text with
     * {@code getBytes(UTF_8)} would (a surrogate pair may be split across writes; an unpaired
     * surrogate becomes {@code '?'}). Flushing does nothing; closing only settles a pending
     * high surrogate.
     */
    public java.io.Writer asWriter() {
        return new java.io.Writer() {
            private char high;

            @Override
            public void write(int c) {
                char[] one = {(char) c};
                write(one, 0, 1);
            }

            @Override
            public void write(char[] cbuf, int off, int len) {
                write(java.nio.CharBuffer.wrap(cbuf, off, len), 0, len);
            }

            @Override
            public void write(String str, int off, int len) {
                write((CharSequence) str, off, len);
            }

            private void write(CharSequence s, int off, int len) {
                if (len <= 0) {
                    return;
                }
                int from = off;
                int to = off + len;
                if (high != 0) {
                    char c = s.charAt(from);
                    if (Character.isLowSurrogate(c)) {
                        ByteSink.this.appendUtf8(new String(new char[] {high, c}));
                        from++;
                    } else {
                        ByteSink.this.append((byte) '?');
                    }
                    high = 0;
                }
                if (from < to && Character.isHighSurrogate(s.charAt(to - 1))) {
                    to--;
                    high = s.charAt(to);
                }
                ByteSink.this.appendUtf8(s, from, to);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
                if (high != 0) {
                    ByteSink.this.append((byte) '?');
                    high = 0;
                }
            }
        };
    }
}

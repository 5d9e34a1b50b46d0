package cn.srdi.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Reader} that decodes UTF-8 strictly: a malformed byte sequence is not replaced but
 * reported as a {@link DecodingFailure} carrying the exact byte offset, so that a file saved in
 * another encoding (GBK, UTF-16 …) is refused instead of being read as garbage. A leading UTF-8
 * byte order mark is skipped. Not thread-safe.
 */
final class StrictUtf8Reader extends Reader {
    private static final int BUFFER_SIZE = 1 << 16;

    /** Reported when the input is not valid UTF-8. */
    static final class DecodingFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final long byteOffset;

        DecodingFailure(long byteOffset) {
            super("malformed UTF-8 at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
        }

        /** Zero-based offset of the first byte that could not be decoded. */
        long byteOffset() {
            return byteOffset;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
    /** File offset of {@code bytes.array()[0]}. */
    private long bufferStart;
    private boolean eof;
    private boolean flushed;
    private boolean started;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip(); // empty, in read mode
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            fill();
            skipBom();
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                throw new DecodingFailure(bufferStart + bytes.position());
            }
            int produced = out.position() - off;
            if (r.isOverflow()) {
                return produced;
            }
            if (eof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                    produced = out.position() - off;
                }
                return produced == 0 ? -1 : produced;
            }
            if (produced > 0) {
                return produced;
            }
            fill();
        }
    }

    /** Keeps the unread bytes (an incomplete sequence at most) and reads more, or notes the end. */
    private void fill() throws IOException {
        bufferStart += bytes.position();
        bytes.compact(); // write mode; unread bytes moved to the front
        try {
            int n = in.readNBytes(bytes.array(), bytes.position(), bytes.remaining());
            if (n == 0) {
                eof = true;
            }
            bytes.position(bytes.position() + n);
        } finally {
            bytes.flip();
        }
    }

    private void skipBom() {
        if (bytes.remaining() >= 3
                && (bytes.get(bytes.position()) & 0xFF) == 0xEF
                && (bytes.get(bytes.position() + 1) & 0xFF) == 0xBB
                && (bytes.get(bytes.position() + 2) & 0xFF) == 0xBF) {
            bytes.position(bytes.position() + 3);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

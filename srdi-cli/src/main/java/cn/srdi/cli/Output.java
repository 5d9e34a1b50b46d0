package cn.srdi.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Opens the output: a file, or standard output when none is given. */
final class Output {
    private Output() {
    }

    static OutputStream stream(Path file) {
        try {
            return file == null ? new FilterNoClose(System.out) : new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Writer writer(Path file) {
        return new OutputStreamWriter(stream(file), StandardCharsets.UTF_8);
    }

    /** Standard output that is flushed, not closed, at the end. */
    private static final class FilterNoClose extends java.io.FilterOutputStream {
        FilterNoClose(OutputStream out) {
            super(new BufferedOutputStream(out, 1 << 20));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

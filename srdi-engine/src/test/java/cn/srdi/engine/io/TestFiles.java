package cn.srdi.engine.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to write input files and read them back whole. */
final class TestFiles {
    /** A published, valid unified social credit code. */
    static final String CODE = "91350100M000100Y43";
    static final String CODE2 = "91110000600037341L";
    /** The required columns, in a header line. */
    static final String HEADER = "credit_code,name,industry_code,revenue_y1,main_revenue_y1,rd_expense_y1,"
            + "total_assets_y1,total_liabilities_y1,employees_y1";

    private TestFiles() {
    }

    /** A valid data line for {@link #HEADER} with the given credit code. */
    static String line(String code) {
        return code + ",重庆某某科技有限公司,C3563,3200,2900,160,1000,520,80";
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String content, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(charset));
        return p;
    }

    static List<ReadResult> readAll(Path file) {
        return readAll(file, ReadOptions.DEFAULT);
    }

    static List<ReadResult> readAll(Path file, ReadOptions options) {
        List<ReadResult> out = new ArrayList<>();
        try (ProfileReader r = ProfileReader.open(file, options)) {
            for (ReadResult rr = r.next(); rr != null; rr = r.next()) {
                out.add(rr);
            }
        }
        return out;
    }

    static ReadResult.Accepted accepted(ReadResult r) {
        if (r instanceof ReadResult.Accepted a) {
            return a;
        }
        throw new AssertionError("expected an accepted row, got " + r);
    }

    static ReadResult.Rejected rejected(ReadResult r) {
        if (r instanceof ReadResult.Rejected x) {
            return x;
        }
        throw new AssertionError("expected a rejected row, got " + r);
    }
}

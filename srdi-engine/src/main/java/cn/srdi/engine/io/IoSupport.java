package cn.srdi.engine.io;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Helpers shared by the readers and writers of this package. */
final class IoSupport {
    private IoSupport() {
    }

    /** True when every cell is null or blank. */
    static boolean allBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** An {@link InputFileException} for a file that cannot be opened or read. */
    static InputFileException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputFileException("文件不存在: " + file, "file not found: " + file, e);
        }
        return new InputFileException("无法读取文件 " + file + ": " + e.getMessage(),
                "cannot read file " + file + ": " + e.getMessage(), e);
    }

    /** The first bytes of a file (fewer when the file is shorter). */
    static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** ZIP local file header: the start of every XLSX (and of other OOXML and ZIP files). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** OLE2 compound document: the legacy binary .xls (and .doc) format. */
    static boolean isOle2(byte[] head) {
        return head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
    }

    /**
     * The cell text of a field, identical to {@link ProfileValues#format} but without the
     * {@link java.math.BigDecimal} detour for numbers (the generator writes millions of them).
     */
    static String format(Profile p, Field f) {
        if (!p.has(f)) {
            return "";
        }
        return switch (f.type()) {
            case DECIMAL, SIGNED_DECIMAL, INTEGER -> decimal(p.get(f));
            default -> ProfileValues.format(p, f);
        };
    }

    /** A value scaled by 10^4 as the shortest exact decimal: "3", "2.5", "-0.0001". */
    static String decimal(long scaled) {
        if (scaled == Long.MIN_VALUE) {
            return java.math.BigDecimal.valueOf(scaled, 4).stripTrailingZeros().toPlainString();
        }
        long abs = Math.abs(scaled);
        long whole = abs / 10_000;
        int frac = (int) (abs % 10_000);
        StringBuilder sb = new StringBuilder(24);
        if (scaled < 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (frac != 0) {
            int digits = 4;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            sb.append('.');
            String f = Integer.toString(frac);
            for (int k = f.length(); k < digits; k++) {
                sb.append('0');
            }
            sb.append(f);
        }
        return sb.toString();
    }
}

package cn.srdi.app.cultivation;

import cn.srdi.app.web.BilingualException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.http.HttpStatus;

/**
 * Checks of evidence files: a safe file name (no directories, no traversal, no control
 * characters), a size limit and the type sniffed from the content (magic bytes), never trusted from
 * the browser. Files on disk get a random name under the configured directory.
 */
public final class Evidence {

    /** A checked upload: the safe name, the sniffed type and its MIME type, the SHA-256. */
    public record Checked(String fileName, String type, String contentType, String sha256) {
    }

    private Evidence() {
    }

    /** The base name of an uploaded file, refused when it is empty, hidden or carries path tricks. */
    public static String safeName(String original) {
        String name = original == null ? "" : original.trim();
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (cut >= 0) {
            name = name.substring(cut + 1);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".") || name.length() > 200
                || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || ch == ':' || ch == '*' || ch == '?' || ch == '"'
                || ch == '<' || ch == '>' || ch == '|')) {
            throw BilingualException.badRequest("证明材料文件名无效：" + original + "（不得为空、以点开头、含路径或特殊字符，最长 200 字）",
                    "invalid evidence file name: " + original + " (not empty, no leading dot, no path or special characters, "
                            + "at most 200 characters)");
        }
        return name;
    }

    /** The type of the content from its first bytes: pdf, png, jpeg, xlsx, docx, zip, or null. */
    public static String sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2d)) {
            return "pdf";
        }
        if (starts(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "png";
        }
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return "jpeg";
        }
        if (starts(b, 0x50, 0x4b, 0x03, 0x04)) {
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(b))) {
                ZipEntry e;
                int n = 0;
                while ((e = zip.getNextEntry()) != null && n++ < 2000) {
                    if (e.getName().startsWith("xl/")) {
                        return "xlsx";
                    }
                    if (e.getName().startsWith("word/")) {
                        return "docx";
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return "zip";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public static String mime(String type) {
        return switch (type) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpeg" -> "image/jpeg";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            default -> "application/octet-stream";
        };
    }

    /** Checks an upload against the limits; refuses with a bilingual message naming the file. */
    public static Checked check(String original, byte[] content, long maxBytes, List<String> allowed) {
        String name = safeName(original);
        if (content == null || content.length == 0) {
            throw BilingualException.badRequest("证明材料 " + name + " 为空文件", "evidence file " + name + " is empty");
        }
        if (content.length > maxBytes) {
            throw new BilingualException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "证明材料 " + name + " 大小 " + content.length + " 字节，超过上限 " + maxBytes + " 字节",
                    "evidence file " + name + " has " + content.length + " bytes, more than the limit of " + maxBytes);
        }
        String type = sniff(content);
        if (type == null || !allowed.contains(type)) {
            throw new BilingualException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "证明材料 " + name + " 的内容类型" + (type == null ? "无法识别" : "为 " + type) + "；允许：" + String.join("、", allowed),
                    "evidence file " + name + ": content type " + (type == null ? "not recognised" : type) + "; allowed: "
                            + String.join(", ", allowed));
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        boolean extOk = switch (type) {
            case "jpeg" -> ext.equals("jpg") || ext.equals("jpeg");
            default -> ext.equals(type);
        };
        if (!extOk) {
            throw new BilingualException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "证明材料 " + name + " 的扩展名与内容（" + type + "）不符",
                    "evidence file " + name + ": the extension does not match the content (" + type + ")");
        }
        return new Checked(name, type, mime(type), sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes content under the directory with a fresh random name; returns that name. */
    public static String store(Path dir, String type, byte[] content) {
        String stored = UUID.randomUUID() + "." + type;
        Path file = resolve(dir, stored);
        try {
            Files.createDirectories(dir);
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence under " + dir, e);
        }
        return stored;
    }

    /** A stored name resolved inside the directory; refuses anything that would leave it. */
    public static Path resolve(Path dir, String stored) {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(stored).normalize();
        if (!file.getParent().equals(base) || !stored.matches("[0-9a-f-]{36}\\.[a-z]{2,5}")) {
            throw BilingualException.badRequest("证明材料存储名无效：" + stored, "invalid stored evidence name: " + stored);
        }
        return file;
    }

    public static byte[] read(Path dir, String stored) {
        try {
            return Files.readAllBytes(resolve(dir, stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

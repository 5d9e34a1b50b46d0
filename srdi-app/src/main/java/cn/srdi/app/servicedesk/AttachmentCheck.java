package cn.srdi.app.servicedesk;

import cn.srdi.app.web.BilingualException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an uploaded attachment before it is stored: its size, its extension (PDF, PNG, JPEG,
 * DOCX, XLSX, TXT) and that its content really is of that type (magic bytes; for DOCX/XLSX a ZIP
 * with the package part of that format; for TXT valid UTF-8 without control characters), so a
 * renamed executable or script is refused. Returns the content type to store.
 */
public final class AttachmentCheck {

    private AttachmentCheck() {
    }

    /** An accepted attachment. */
    public record Checked(String fileName, String contentType, byte[] content) {
    }

    public static Checked check(String fileName, byte[] content, int maxBytes) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw BilingualException.badRequest("附件：文件名为空或过长（最多 200 个字符）",
                    "attachment: the file name is empty or longer than 200 characters");
        }
        if (content == null || content.length == 0) {
            throw BilingualException.badRequest("附件 " + name + "：文件为空", "attachment " + name + ": the file is empty");
        }
        if (content.length > maxBytes) {
            throw new BilingualException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                    "附件 " + name + "：大小 " + content.length + " 字节，超过上限 " + maxBytes + " 字节",
                    "attachment " + name + ": " + content.length + " bytes, more than the limit of " + maxBytes + " bytes");
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = switch (ext) {
            case "pdf" -> starts(content, "%PDF-".getBytes()) ? "application/pdf" : null;
            case "png" -> starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}) ? "image/png" : null;
            case "jpg", "jpeg" -> starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? "image/jpeg" : null;
            case "docx" -> zipWith(content, "word/document.xml")
                    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
            case "xlsx" -> zipWith(content, "xl/workbook.xml")
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
            case "txt" -> plainText(content) ? "text/plain; charset=UTF-8" : null;
            default -> throw new BilingualException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "附件 " + name + "：不支持的文件类型“" + ext + "”，可上传 PDF、PNG、JPG、DOCX、XLSX、TXT",
                    "attachment " + name + ": file type '" + ext + "' is not accepted; upload PDF, PNG, JPG, DOCX, XLSX or TXT");
        };
        if (type == null) {
            throw new BilingualException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "附件 " + name + "：文件内容与扩展名 ." + ext + " 不符",
                    "attachment " + name + ": the content is not a ." + ext + " file");
        }
        return new Checked(name, type, content);
    }

    static boolean starts(byte[] c, byte[] magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (c[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean zipWith(byte[] c, String part) {
        if (!starts(c, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        boolean contentTypes = false;
        boolean found = false;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(c))) {
            ZipEntry e;
            int n = 0;
            while ((e = z.getNextEntry()) != null && n++ < 2000) {
                if ("[Content_Types].xml".equals(e.getName())) {
                    contentTypes = true;
                }
                if (part.equals(e.getName())) {
                    found = true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return contentTypes && found;
    }

    static boolean plainText(byte[] c) {
        var dec = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            String s = dec.decode(java.nio.ByteBuffer.wrap(c)).toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') {
                    return false;
                }
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}

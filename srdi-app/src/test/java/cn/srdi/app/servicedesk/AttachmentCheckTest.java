package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.web.BilingualException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AttachmentCheckTest {

    static final int MAX = 1000;

    static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static HttpStatus refusal(String name, byte[] content) {
        try {
            AttachmentCheck.check(name, content, MAX);
        } catch (BilingualException e) {
            assertThat(e.zh()).isNotBlank();
            assertThat(e.en()).isNotBlank();
            return e.status();
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void realFilesOfEachTypeAreAcceptedWithTheirContentType() throws Exception {
        assertThat(AttachmentCheck.check("报表.pdf", "%PDF-1.7\n...".getBytes(), MAX).contentType()).isEqualTo("application/pdf");
        assertThat(AttachmentCheck.check("a.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}, MAX).contentType())
                .isEqualTo("image/png");
        assertThat(AttachmentCheck.check("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, MAX).contentType())
                .isEqualTo("image/jpeg");
        assertThat(AttachmentCheck.check("a.docx", zip("[Content_Types].xml", "word/document.xml"), MAX).contentType())
                .contains("wordprocessingml");
        assertThat(AttachmentCheck.check("a.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"), MAX).contentType())
                .contains("spreadsheetml");
        assertThat(AttachmentCheck.check("说明.txt", "说明\n第二行".getBytes(StandardCharsets.UTF_8), MAX).contentType())
                .startsWith("text/plain");
    }

    @Test
    void aRenamedExecutableOrScriptIsRefusedByItsContent() throws Exception {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        assertThat(refusal("invoice.pdf", exe)).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("photo.jpg", "<script>alert(1)</script>".getBytes())).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("a.docx", zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("a.xlsx", zip("payload.exe"))).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("a.txt", new byte[] {'a', 0, 'b'})).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("a.txt", new byte[] {(byte) 0xC3, (byte) 0x28})).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void typesOutsideTheListEmptyAndOversizedFilesAreRefused() {
        assertThat(refusal("run.exe", new byte[] {'M', 'Z'})).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("page.html", "<html>".getBytes())).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("noext", "%PDF-".getBytes())).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refusal("a.pdf", new byte[0])).isEqualTo(HttpStatus.BAD_REQUEST);
        byte[] big = new byte[MAX + 1];
        System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
        assertThat(refusal("big.pdf", big)).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void pathsInFileNamesAreNeutralised() {
        assertThat(AttachmentCheck.check("../../etc/x.pdf", "%PDF-".getBytes(), MAX).fileName()).doesNotContain("/");
    }
}

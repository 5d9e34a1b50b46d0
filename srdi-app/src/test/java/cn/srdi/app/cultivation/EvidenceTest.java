package cn.srdi.app.cultivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.srdi.app.web.BilingualException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class EvidenceTest {

    static final List<String> ALLOWED = List.of("pdf", "png", "jpeg", "xlsx", "docx");
    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(1);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void names_lose_their_directories_and_path_tricks_are_refused() {
        assertThat(Evidence.safeName("../../etc/审计报告.pdf")).isEqualTo("审计报告.pdf");
        assertThat(Evidence.safeName("C:\\Users\\x\\报告.pdf")).isEqualTo("报告.pdf");
        for (String bad : List.of("", "..", ".htaccess", "a/..", "x\u0000.pdf", "a:b.pdf", "a|b.pdf", "x".repeat(201) + ".pdf")) {
            assertThatThrownBy(() -> Evidence.safeName(bad)).isInstanceOf(BilingualException.class)
                    .hasMessageContaining("文件名无效").hasMessageContaining("invalid evidence file name");
        }
    }

    @Test
    void the_type_comes_from_the_content_not_the_name() throws Exception {
        assertThat(Evidence.sniff(PDF)).isEqualTo("pdf");
        assertThat(Evidence.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0})).isEqualTo("png");
        assertThat(Evidence.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).isEqualTo("jpeg");
        assertThat(Evidence.sniff(zip("xl/workbook.xml"))).isEqualTo("xlsx");
        assertThat(Evidence.sniff(zip("word/document.xml"))).isEqualTo("docx");
        assertThat(Evidence.sniff(zip("payload.exe"))).isEqualTo("zip");
        assertThat(Evidence.sniff("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThatThrownBy(() -> Evidence.check("a.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII), 1000, ALLOWED))
                .isInstanceOfSatisfying(BilingualException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        assertThatThrownBy(() -> Evidence.check("a.png", PDF, 1000, ALLOWED)).hasMessageContaining("扩展名与内容（pdf）不符");
        assertThatThrownBy(() -> Evidence.check("a.zip", zip("x"), 1000, ALLOWED)).hasMessageContaining("allowed: pdf");
        assertThat(Evidence.check("审计.PDF", PDF, 1000, ALLOWED).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void size_limits_and_empty_files_are_refused() {
        assertThatThrownBy(() -> Evidence.check("a.pdf", PDF, 5, ALLOWED))
                .isInstanceOfSatisfying(BilingualException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
        assertThatThrownBy(() -> Evidence.check("a.pdf", new byte[0], 5, ALLOWED)).hasMessageContaining("empty");
    }

    @Test
    void files_on_disk_get_random_names_inside_the_directory(@TempDir Path dir) {
        String stored = Evidence.store(dir, "pdf", PDF);
        assertThat(stored).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(Evidence.read(dir, stored)).isEqualTo(PDF);
        assertThat(Files.exists(dir.resolve(stored))).isTrue();
        for (String bad : List.of("../x.pdf", "../../etc/passwd", "sub/" + stored, "/etc/passwd")) {
            assertThatThrownBy(() -> Evidence.resolve(dir, bad)).isInstanceOf(BilingualException.class);
        }
    }
}

package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Enterprise codes: the card a scan opens shows public fields only; tokens cannot be guessed or
 * forged (tampered, truncated, another firm's, random, rotated away, revoked: all the same 404); the
 * PNG decodes to the firm's URL; the park sheet is a PDF; who may print and rotate.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class FirmCodesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirmCodes codes;
    @Autowired
    JdbcClient jdbc;

    String a;
    String b;
    String[] firmA;

    @BeforeEach
    void twoFirmsOfLijia() {
        List<String[]> firms = jdbc.sql("select credit_code, name, contact_name, contact_phone, contact_email from enterprise "
                        + "where park_id = 'LIJIA' and contact_phone is not null order by credit_code fetch first 2 rows only")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .list();
        firmA = firms.get(0);
        a = firms.get(0)[0];
        b = firms.get(1)[0];
    }

    int card(String token) throws Exception {
        return mvc.perform(get("/c/" + token)).andReturn().getResponse().getStatus();
    }

    @Test
    void theCardOfAValidCodeShowsPublicFieldsOnlyWithoutLogin() throws Exception {
        String token = codes.token(a);
        MvcResult r = mvc.perform(get("/c/" + token)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(firmA[1]).contains("礼嘉");
        assertThat(html).doesNotContain(firmA[3]).doesNotContain(firmA[4]).doesNotContain(a); // no phone, e-mail, not even the code
        assertThat(html).doesNotContain(">" + firmA[2] + "<");
        assertThat(html).doesNotContain("营业收入").doesNotContain("研发费用");
        assertThat(html).contains("id=\"firm-login\"");
    }

    @Test
    void forgedGuessedAndDamagedTokensAllGetTheSame404() throws Exception {
        String good = codes.token(a);
        String sig = good.substring(good.indexOf('.') + 1);
        char last = sig.charAt(sig.length() - 1);
        List<String> bad = List.of(
                good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A'),             // one character of the signature changed
                good.substring(0, good.length() - 5),                                        // truncated
                good.substring(0, good.indexOf('.')),                                        // no signature
                b + "-1." + sig,                                                             // another firm with this firm's signature
                a + "-2." + sig,                                                             // another version with this signature
                a + "-1." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]), // a zero signature
                a + "-1." + random(),                                                        // a random signature
                good.toLowerCase(java.util.Locale.ROOT),
                good + "x",
                a + "-1");
        for (String t : bad) {
            assertThat(codes.verify(t)).as(t).isEmpty();
            assertThat(card(t)).as(t).isEqualTo(404);
        }
        for (int i = 0; i < 200; i++) { // blind guesses
            assertThat(codes.verify(a + "-1." + random())).isEmpty();
        }
        assertThat(codes.verify(good)).contains(a);
        String html = mvc.perform(get("/c/" + bad.get(0))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("企业码无效或已作废");
        String en = mvc.perform(get("/c/" + bad.get(0) + "?lang=en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("invalid or no longer in use");
    }

    static String random() {
        byte[] x = new byte[32];
        new SecureRandom().nextBytes(x);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(x);
    }

    @Test
    void rotationRetiresOldPrintsAndRevocationStopsTheCodeUntilItIsRotatedAgain() throws Exception {
        String v1 = codes.token(b);
        assertThat(card(v1)).isEqualTo(200);
        // a firm may not rotate its own code; a park operator of another park does not even see the firm
        assertThat(mvc.perform(post("/api/v1/servicedesk/firms/" + b + "/code/rotate").with(httpBasic("firm", "srdi2026")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/servicedesk/firms/" + b + "/code/rotate").with(httpBasic("park-dadi", "srdi2026")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/v1/servicedesk/firms/" + b + "/code/rotate").with(httpBasic("park-lijia", "srdi2026")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        String v2 = codes.token(b);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(card(v1)).isEqualTo(404);
        assertThat(card(v2)).isEqualTo(200);
        assertThat(mvc.perform(post("/servicedesk/codes/" + b + "/revoke").with(httpBasic("official", "srdi2026")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(card(v2)).isEqualTo(404);
        assertThat(codes.verify(v2)).isEmpty();
        assertThat(mvc.perform(post("/api/v1/servicedesk/firms/" + b + "/code/revoke").with(httpBasic("official", "srdi2026")))
                .andReturn().getResponse().getStatus()).isEqualTo(409); // already revoked
        codes.rotate(b);
        String v3 = codes.token(b);
        assertThat(card(v3)).isEqualTo(200);
        assertThat(card(v1)).isEqualTo(404);
        assertThat(card(v2)).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'enterprise_code' and entity_id = ?").param(b)
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void thePngDecodesToTheFirmsAddressAndTheParkSheetIsAPdf() throws Exception {
        MvcResult png = mvc.perform(get("/servicedesk/codes/" + a + ".png").with(httpBasic("park-lijia", "srdi2026"))).andReturn();
        assertThat(png.getResponse().getStatus()).isEqualTo(200);
        assertThat(png.getResponse().getContentType()).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.getResponse().getContentAsByteArray()));
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        // PURE_BARCODE: the PNG is the generated code itself, not a photo; without the hint ZXing's finder-pattern search
        // misses about 1 in 90 generated codes (23 of 2,000 random URLs of this length), which made this test flaky
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(text).endsWith("/c/" + codes.token(a));
        assertThat(codes.verify(text.substring(text.lastIndexOf('/') + 1))).contains(a);
        // out of scope: another park's operator, an expert
        assertThat(mvc.perform(get("/servicedesk/codes/" + a + ".png").with(httpBasic("park-dadi", "srdi2026"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/servicedesk/codes/" + a + ".png").with(httpBasic("expert", "srdi2026"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        MvcResult pdf = mvc.perform(get("/servicedesk/codes/parks/LIJIA.pdf").with(httpBasic("park-lijia", "srdi2026"))).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        byte[] bytes = pdf.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(mvc.perform(get("/servicedesk/codes/parks/DADI.pdf").with(httpBasic("park-lijia", "srdi2026"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        java.nio.file.Path out = java.nio.file.Path.of("target", "servicedesk-LIJIA-codes.pdf");
        java.nio.file.Files.write(out, bytes); // for a look with pdftoppm
    }
}

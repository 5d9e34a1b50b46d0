package cn.srdi.app.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfDocumentsTest {

    private static final List<String> HEADERS = List.of("序号 No.", "企业名称 Firm", "统一社会信用代码", "层级 Tier");
    private static final List<List<String>> ROWS = List.of(
            List.of("1", "重庆礼嘉智能科技有限公司", "91500000MA5U000001", "专精特新中小企业"),
            List.of("2", "两江新区大地精密制造有限公司", "91500000MA5U000002", "专精特新\"小巨人\""));

    @Test
    void the_fallback_prints_chinese_without_any_font_file(@TempDir Path dir) throws Exception {
        CjkFont fallback = PdfDocuments.discover(List.of("/nonexistent/a.ttc,2", "/nonexistent/b.ttf"));
        assertThat(fallback.embedded()).isFalse();
        assertThat(fallback.source()).isEqualTo("STSong-Light");
        assertThat(fallback.font().charExists('专')).isTrue();
        byte[] bytes = new PdfDocumentsWith(fallback).table("认定名单", "两江新区 2026", HEADERS, ROWS, null);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        boolean stSong = false;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary d && PdfName.FONT.equals(d.get(PdfName.TYPE))
                    && d.get(PdfName.BASEFONT) != null && d.get(PdfName.BASEFONT).toString().startsWith("/STSong-Light")) {
                stSong = true;
                if (PdfName.TYPE0.equals(d.get(PdfName.SUBTYPE))) {
                    assertThat(d.get(PdfName.ENCODING)).hasToString("/UniGB-UCS2-H");
                }
            }
        }
        assertThat(stSong).as("STSong-Light font dictionary").isTrue();
        Path file = Path.of("target", "print-check", "fallback.pdf");
        Files.createDirectories(file.getParent());
        PdfDocuments.write(file, bytes);
        // a viewer substitutes a Chinese font of its own: rendered, the page carries the text
        assumeTrue(Files.isDirectory(Path.of("/usr/share/poppler/cMap/Adobe-GB1")),
                "poppler-data absent: pdftoppm cannot substitute STSong-Light, rendering not checked");
        assertThat(inkOf(file, dir) - blankInk(new PdfDocumentsWith(fallback), dir)).isGreaterThan(1500);
    }

    @Test
    void a_font_found_on_the_machine_is_embedded(@TempDir Path dir) throws Exception {
        CjkFont found = PdfDocuments.discover(PdfDocuments.CANDIDATES);
        assumeTrue(found.embedded(), "no CJK font file on this machine (apt-get install fonts-noto-cjk): embedding not tested");
        byte[] bytes = new PdfDocumentsWith(found).table("认定名单 Recognised list", "两江新区", HEADERS, ROWS,
                new float[] {1, 5, 3, 3});
        PdfReader reader = new PdfReader(bytes);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("两江新区大地精密制造有限公司");
        boolean embedded = false;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
                embedded |= d.contains(PdfName.FONTFILE2) || d.contains(PdfName.FONTFILE3);
            }
        }
        assertThat(embedded).as("font program embedded").isTrue();
        Path file = Path.of("target", "print-check", "embedded.pdf");
        Files.createDirectories(file.getParent());
        PdfDocuments.write(file, bytes);
        assertThat(inkOf(file, dir) - blankInk(new PdfDocumentsWith(found), dir)).isGreaterThan(1500);
    }

    /** Ink of the same table with every text blank (borders, footer): what the text adds is the difference. */
    static long blankInk(PdfDocuments pdf, Path dir) throws Exception {
        List<List<String>> blank = ROWS.stream().map(r -> r.stream().map(c -> "").toList()).toList();
        Path file = dir.resolve("blank.pdf");
        PdfDocuments.write(file, pdf.table("", "", HEADERS.stream().map(h -> "").toList(), blank, null));
        return inkOf(file, dir);
    }

    /** Dark pixels of page 1 rendered by pdftoppm (skipped without poppler-utils). */
    static long inkOf(Path pdf, Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftoppm")), "pdftoppm (poppler-utils) absent: rendering not checked");
        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        BufferedImage img = ImageIO.read(dir.resolve("page.png").toFile());
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (lum < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }

    /** The same documents with a given font (bypasses discovery). */
    static final class PdfDocumentsWith extends PdfDocuments {
        private final CjkFont font;

        PdfDocumentsWith(CjkFont font) {
            super("");
            this.font = font;
        }

        @Override
        public CjkFont cjk() {
            return font;
        }
    }
}

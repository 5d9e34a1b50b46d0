package cn.srdi.app.print;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PDFs with Chinese text. The font is chosen once: the configured file ({@code srdi.print.font},
 * a {@code .ttf}, {@code .otf} or {@code .ttc} with {@code ,index}), else the first font of
 * {@link #CANDIDATES} present on the machine that has Chinese glyphs (embedded as a subset), else
 * the non-embedded Adobe font STSong-Light with the UniGB-UCS2-H CMap that OpenPDF ships, which
 * every PDF viewer substitutes with its own Chinese font. Nothing is downloaded.
 *
 * <p>Other modules build their documents with {@link #render(PageSize, boolean, Consumer)} and the
 * fonts of {@link #font(float)}; {@link #table} prints a titled list (the recognised list).
 */
@Component
public class PdfDocuments {

    /** Font files tried in order (Debian paths; a {@code ,n} suffix selects a face of a collection). */
    public static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
            "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/arphic/uming.ttc,0",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/System/Library/Fonts/PingFang.ttc,0",
            "C:/Windows/Fonts/msyh.ttc,0",
            "C:/Windows/Fonts/simsun.ttc,0");

    /** The non-embedded fallback: an Adobe CJK font with a Unicode CMap bundled in OpenPDF. */
    public static final String FALLBACK_FONT = "STSong-Light";
    public static final String FALLBACK_ENCODING = "UniGB-UCS2-H";

    private static final Logger LOG = LoggerFactory.getLogger(PdfDocuments.class);
    private static final Color HEADER_BG = new Color(0xE8, 0xEE, 0xF6);

    private final CjkFont cjk;

    public PdfDocuments(@Value("${srdi.print.font:}") String configured) {
        List<String> tried = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            tried.add(configured.trim());
        }
        tried.addAll(CANDIDATES);
        this.cjk = discover(tried);
        LOG.info("PDF font: {} ({})", cjk.source(), cjk.embedded() ? "embedded" : "not embedded, viewer substitutes");
    }

    /** The first usable candidate (a readable file whose font has Chinese glyphs), else the fallback. */
    public static CjkFont discover(List<String> candidates) {
        for (String c : candidates) {
            String file = c.contains(".ttc,") ? c.substring(0, c.lastIndexOf(',')) : c;
            if (!Files.isReadable(Path.of(file))) {
                continue;
            }
            try {
                BaseFont f = BaseFont.createFont(c, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                if (f.charExists('中') && f.charExists('国')) {
                    return new CjkFont(f, c, true);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("PDF font {} not usable: {}", c, e.toString());
            }
        }
        return fallback();
    }

    /** STSong-Light, not embedded (prints Chinese on any viewer; needs no font on this machine). */
    public static CjkFont fallback() {
        try {
            return new CjkFont(BaseFont.createFont(FALLBACK_FONT, FALLBACK_ENCODING, BaseFont.NOT_EMBEDDED),
                    FALLBACK_FONT, false);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("CJK fallback font " + FALLBACK_FONT + " not available", e);
        }
    }

    public CjkFont cjk() {
        return cjk;
    }

    public BaseFont baseFont() {
        return cjk().font();
    }

    /** A regular CJK font of the given size (points). */
    public Font font(float size) {
        return new Font(cjk().font(), size, Font.NORMAL);
    }

    /** A bold CJK font (synthesised by OpenPDF when the face has no bold). */
    public Font bold(float size) {
        return new Font(cjk().font(), size, Font.BOLD);
    }

    /**
     * Renders a document: {@code body} adds its elements to the open document. Pages carry
     * "page n" in the footer.
     */
    public byte[] render(Rectangle pageSize, boolean landscape, Consumer<Document> body) {
        Rectangle size = landscape ? pageSize.rotate() : pageSize;
        Document doc = new Document(size, 36, 36, 42, 42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(cjk().font()));
            doc.addCreator("SRDI platform");
            doc.open();
            body.accept(doc);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF rendering failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * A titled table on A4 landscape: the title, a subtitle line, then the rows under a repeated
     * header. {@code widths} are relative column widths (null for equal).
     */
    public byte[] table(String title, String subtitle, List<String> headers, List<List<String>> rows, float[] widths) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        return render(PageSize.A4, true, doc -> {
            Paragraph t = new Paragraph(title, bold(16));
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(4);
            doc.add(t);
            if (subtitle != null && !subtitle.isBlank()) {
                Paragraph s = new Paragraph(subtitle, font(9));
                s.setAlignment(Element.ALIGN_CENTER);
                s.setSpacingAfter(10);
                doc.add(s);
            }
            PdfPTable table = new PdfPTable(headers.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            if (widths != null) {
                table.setWidths(widths);
            }
            Font head = bold(9);
            Font cell = font(9);
            for (String h : headers) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setBackgroundColor(HEADER_BG);
                c.setPadding(4);
                table.addCell(c);
            }
            for (List<String> r : rows) {
                for (int i = 0; i < headers.size(); i++) {
                    String v = i < r.size() && r.get(i) != null ? r.get(i) : "";
                    PdfPCell c = new PdfPCell(new Phrase(v, cell));
                    c.setPadding(3);
                    table.addCell(c);
                }
            }
            doc.add(table);
        });
    }

    /** Writes bytes to a file (for command-line use and tests). */
    public static void write(Path file, byte[] pdf) {
        try {
            Files.write(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Footer extends PdfPageEventHelper {
        private final BaseFont font;

        Footer(BaseFont font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                    new Phrase(String.format(Locale.ROOT, "第 %d 页 / page %d", writer.getPageNumber(), writer.getPageNumber()),
                            new Font(font, 8)),
                    (page.getLeft() + page.getRight()) / 2, page.getBottom() + 20, 0);
        }
    }
}

package cn.srdi.app.print;

import com.lowagie.text.pdf.BaseFont;

/**
 * The CJK font chosen for PDFs.
 *
 * @param font     the OpenPDF font
 * @param source   the font file (with its collection index) or {@code STSong-Light} for the fallback
 * @param embedded true when the glyphs are embedded (a font file of the machine); false for the
 *                 non-embedded STSong-Light, which the PDF viewer substitutes with a Chinese font of its own
 */
public record CjkFont(BaseFont font, String source, boolean embedded) {
}

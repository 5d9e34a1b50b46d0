/**
 * Printable documents: PDFs with Chinese text (recognised lists, QR-code sheets). One public
 * entry point, {@link cn.srdi.app.print.PdfDocuments}: the CJK font is discovered once (an
 * embedded font file found on the machine, else the non-embedded STSong-Light with OpenPDF's
 * bundled Adobe-GB1 CMaps) so a fresh machine still prints Chinese. See ADR 0009.
 */
@org.springframework.modulith.ApplicationModule(displayName = "print")
package cn.srdi.app.print;

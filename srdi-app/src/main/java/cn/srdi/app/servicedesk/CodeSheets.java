package cn.srdi.app.servicedesk;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.print.PdfDocuments;
import cn.srdi.app.registry.Enterprise;
import cn.srdi.app.registry.RegistryStore;
import cn.srdi.app.web.BilingualException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Printable enterprise codes: one PNG per firm, and per park an A4 PDF sheet of every firm's code
 * with the firm's name in Chinese under it (fonts of the print module). Who may print: officials
 * and administrators any firm, park operators the firms of their parks, a firm its own code.
 */
@Service
public class CodeSheets {

    private final FirmCodes codes;
    private final RegistryStore registry;
    private final PdfDocuments pdf;
    private final JdbcClient jdbc;
    private final ServiceDeskProperties props;

    public CodeSheets(FirmCodes codes, RegistryStore registry, PdfDocuments pdf, JdbcClient jdbc, ServiceDeskProperties props) {
        this.codes = codes;
        this.registry = registry;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.props = props;
    }

    /** May print and manage codes (rotate, revoke) at all. */
    public static boolean canManage(Scope s) {
        return s.role() == Role.ADMIN || s.role() == Role.OFFICIAL || s.role() == Role.PARK_OPERATOR;
    }

    /** The firm if the scope may print its code: 404 outside the scope, 403 for roles without codes. */
    public Enterprise requireFirm(Scope s, String creditCode) {
        CurrentUser.require(canManage(s) || s.role() == Role.ENTERPRISE, "企业码 enterprise codes");
        return registry.find(s, creditCode).orElseThrow(() -> BilingualException.notFound("未找到企业 " + creditCode,
                "no enterprise " + creditCode));
    }

    public String url(String creditCode) {
        return codes.url(props.baseUrl(), creditCode);
    }

    public byte[] png(Scope s, String creditCode, int size) {
        requireFirm(s, creditCode);
        return QrImages.png(url(creditCode), Math.max(120, Math.min(size, 1200)));
    }

    /** The PDF sheet of a park: 4 × 5 codes per A4 page, name under each code. */
    public byte[] parkSheet(Scope s, String parkId) {
        CurrentUser.require(canManage(s), "企业码 enterprise codes");
        String park = parkId == null ? "" : parkId.trim().toUpperCase(java.util.Locale.ROOT);
        String[] name = jdbc.sql("select name_zh, name_en from park where id = ?").param(park)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(() -> BilingualException.notFound("园区“" + parkId + "”不存在", "no park '" + parkId + "'"));
        if (s.role() == Role.PARK_OPERATOR && !s.parks().contains(park)) {
            throw BilingualException.notFound("园区“" + parkId + "”不存在", "no park '" + parkId + "'");
        }
        List<String[]> firms = jdbc.sql("select credit_code, name from enterprise where park_id = ? order by name, credit_code")
                .param(park).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        codes.issueMissing();
        return pdf.render(PageSize.A4, false, doc -> {
            doc.add(new Paragraph(name[0] + " 企业码 · " + name[1] + " enterprise codes（" + firms.size() + " 家）", pdf.bold(14)));
            doc.add(new Paragraph("扫码查看企业名片、提交和跟踪诉求 · scan to open the firm's card and services", pdf.font(9)));
            PdfPTable table = new PdfPTable(4);
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            for (String[] f : firms) {
                PdfPCell cell = new PdfPCell();
                cell.setPadding(6);
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                try {
                    Image img = Image.getInstance(QrImages.image(url(f[0]), 300), null);
                    img.scaleToFit(110, 110);
                    img.setAlignment(Element.ALIGN_CENTER);
                    cell.addElement(img);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Paragraph p = new Paragraph(new Phrase(f[1], pdf.font(8)));
                p.setAlignment(Element.ALIGN_CENTER);
                cell.addElement(p);
                Paragraph c = new Paragraph(new Phrase(f[0], pdf.font(6)));
                c.setAlignment(Element.ALIGN_CENTER);
                cell.addElement(c);
                table.addCell(cell);
            }
            table.completeRow();
            doc.add(table);
        });
    }
}

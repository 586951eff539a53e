package vn.vanthu.dossier;

import vn.vanthu.print.PdfTable;

import java.time.LocalDate;

/**
 * The printable catalogue (Decree 30 Appendix V): portrait A4, the agency and the national title side by side,
 * "DANH MỤC HỒ SƠ NĂM 2026", the line "(Ban hành kèm theo Quyết định số … ngày … của …)" — or, before approval,
 * that it is a draft —, the table of the catalogue form (headings as bold rows with their numeral), the count of
 * dossiers by retention, and for an approved catalogue the place and date and the approver's block, whose
 * signature box is answered for the approver's visible signature.
 *
 * <pre>{@code CataloguePdf.Rendered r = CataloguePdf.render(catalogue, agencyName, decision);   // decision null: draft}</pre>
 */
final class CataloguePdf {
    private static final String[] HEADERS = {"Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ",
            "Thời hạn bảo quản", "Người lập hồ sơ", "Ghi chú"};
    private static final float[] WIDTHS = {85, 205, 80, 90, 75};
    private static final float BLOCK_WIDTH = 200, SIGNATURE_HEIGHT = 70;

    /** The approval decision as printed: its number and date, the place, the approver's position and name. */
    record Decision(String number, LocalDate date, String place, String position, String approverName) {}

    /** The PDF and where on it the approver signs (page 1-based; box from the page's top-left corner). */
    record Rendered(byte[] pdf, int page, float x, float fromTop, float width, float height) {}

    private CataloguePdf() {}

    static Rendered render(Catalogue c, String agencyName, Decision decision) {
        try (PdfTable t = PdfTable.open(PdfTable.A4_PORTRAIT, 10, WIDTHS, HEADERS)) {
            float left = t.pageWidth() * 0.25f, right = t.pageWidth() * 0.70f;
            t.centredAt(11, left, agencyName, true).centredAt(11, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true).down(15);
            t.centredAt(11, right, "Độc lập - Tự do - Hạnh phúc", true).down(30);
            t.centredLines(15, "DANH MỤC HỒ SƠ NĂM " + c.year(), true).down(2);
            t.centredLines(11, decision == null ? "(Dự thảo: chưa được người đứng đầu cơ quan phê duyệt)"
                    : "(Ban hành kèm theo Quyết định số " + decision.number() + " " + date(decision.date()) + " của "
                    + agencyName + ")", false).down(8);
            long permanent = 0;
            for (Catalogue.Heading h : c.headings()) {
                t.span(h.numeral() + ". " + h.title(), true);
                for (Catalogue.Row r : h.rows()) {
                    t.row(r.symbol(), r.title(), Retention.label(r.retention()), nz(r.responsibleName()), nz(r.notes()));
                    permanent += Retention.PERMANENT.equals(r.retention()) ? 1 : 0;
                }
            }
            int total = c.rows().size();
            t.down(12).centredLines(10, "Bản danh mục hồ sơ này có " + total + " hồ sơ, bao gồm: " + permanent
                    + " hồ sơ bảo quản vĩnh viễn; " + (total - permanent) + " hồ sơ bảo quản có thời hạn.", false);
            if (decision == null) {
                return new Rendered(t.toPdf(), 0, 0, 0, 0, 0);
            }
            t.down(12).keep(3 * 16 + SIGNATURE_HEIGHT + 20);
            t.centredAt(11, right, decision.place() + ", " + date(decision.date()), false).down(16);
            t.centredAt(11, right, decision.position(), true).down(16);
            int page = t.page();
            float top = t.fromTop();
            t.down(SIGNATURE_HEIGHT).centredAt(11, right, decision.approverName(), true).down(16);
            return new Rendered(t.toPdf(), page, right - BLOCK_WIDTH / 2, top, BLOCK_WIDTH, SIGNATURE_HEIGHT);
        }
    }

    /** "ngày 05 tháng 01 năm 2027": day under 10 and months 1-2 with a leading zero (Decree 30 Appendix I). */
    static String date(LocalDate d) {
        String month = d.getMonthValue() <= 2 ? String.format("%02d", d.getMonthValue()) : String.valueOf(d.getMonthValue());
        return "ngày " + String.format("%02d", d.getDayOfMonth()) + " tháng " + month + " năm " + d.getYear();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

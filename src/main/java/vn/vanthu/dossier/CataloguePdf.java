package vn.vanthu.dossier;

import vn.vanthu.print.PdfTable;

/**
 * The printable catalogue: portrait A4, the agency, "DANH MỤC HỒ SƠ NĂM 2026", the table of Decree 30's
 * catalogue form (headings as bold rows with their numeral) and the count of dossiers by retention.
 */
final class CataloguePdf {
    private static final String[] HEADERS = {"Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ",
            "Thời hạn bảo quản", "Người lập hồ sơ", "Ghi chú"};
    private static final float[] WIDTHS = {85, 205, 80, 90, 75};

    private CataloguePdf() {}

    static byte[] render(Catalogue c, String agencyName) {
        try (PdfTable t = PdfTable.open(PdfTable.A4_PORTRAIT, 10, WIDTHS, HEADERS)) {
            t.centredLines(12, agencyName, true).down(10);
            t.centredLines(15, "DANH MỤC HỒ SƠ NĂM " + c.year(), true).down(8);
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
            return t.toPdf();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

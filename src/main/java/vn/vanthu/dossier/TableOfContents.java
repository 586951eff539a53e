package vn.vanthu.dossier;

import vn.vanthu.print.PdfTable;

import java.util.List;

/**
 * The table of contents of a dossier (mục lục văn bản): the documents in chronological order with number and
 * symbol, date, author, subject, the sheet they start on and notes; landscape A4, Vietnamese.
 *
 * <pre>{@code byte[] pdf = TableOfContents.pdf(dossier, items, "Sở Khoa học và Công nghệ tỉnh Thái Bình");}</pre>
 */
final class TableOfContents {
    private static final float[] WIDTHS = {30, 90, 65, 130, 250, 45, 110};
    private static final String[] HEADERS = {"STT", "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tác giả văn bản",
            "Trích yếu nội dung văn bản", "Tờ số", "Ghi chú"};

    private TableOfContents() {}

    static byte[] pdf(Dossier d, List<Dossier.Item> items, String agencyName) {
        return pdf(d, items, agencyName, null);
    }

    /** With {@code note} (e.g. that this is a reading copy) under the heading; null for none. */
    static byte[] pdf(Dossier d, List<Dossier.Item> items, String agencyName, String note) {
        try (PdfTable t = PdfTable.open(PdfTable.A4_LANDSCAPE, 8, WIDTHS, HEADERS)) {
            t.text(12, 40, agencyName, false).down(22);
            t.centred(16, "MỤC LỤC VĂN BẢN", true).down(22);
            t.centredLines(11, "Hồ sơ số " + d.fileCode() + ": " + d.title(), false).down(4);
            t.centred(10, "Thời hạn bảo quản: " + Retention.label(d.retention()), false).down(18);
            if (note != null) {
                t.centredLines(10, note, true).down(12);
            }
            int sheet = 1;
            for (int i = 0; i < items.size(); i++) {
                Dossier.Item it = items.get(i);
                t.row(String.valueOf(i + 1), text(it.numberSymbol()), it.documentDate(), text(it.issuingOrgan()),
                        text(it.subject() != null ? it.subject() : it.fileName()), String.valueOf(sheet), notes(it));
                sheet += Math.max(1, it.pageCount());
            }
            t.down(12).text(10, 40, "Tổng số: " + items.size() + " văn bản, " + (sheet - 1) + " tờ", false);
            return t.toPdf();
        }
    }

    private static String notes(Dossier.Item it) {
        if (it.signaturesCount() == 0) {
            return "";
        }
        return it.signaturesCount() + " chữ ký số: " + (it.verdict() != null && it.verdict().passed() ? "hợp lệ" : Verdict.text(it.verdict()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}

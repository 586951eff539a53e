package vn.vanthu.dispatch;

import vn.vanthu.print.PdfTable;
import vn.vanthu.time.VietnamTime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30 Appendix IV) of a year: JSON rows, CSV, and a
 * printable landscape A4 PDF (a {@link PdfTable}, so Vietnamese prints correctly).
 *
 * <pre>{@code byte[] pdf = register.pdf(2026);}</pre>
 */
public final class Register {
    private static final String[] HEADERS = {"Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
            "Người ký", "Nơi nhận", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"};
    private static final String[] KEYS = {"number", "issuedDate", "typeAndSubject", "signer", "recipients",
            "fileCopyKeeper", "copies", "sentDate", "receipt", "notes"};
    /** Before the recipients outside the exchange, in the notes of the CSV and the PDF. */
    static final String OTHER_MEANS = "Gửi bằng hình thức khác: ";
    private static final float[] WIDTHS = {70, 55, 170, 90, 110, 70, 40, 55, 50, 50};

    private final DispatchDao dao;
    private final NumberSeries numbers;
    private final Sending sending;
    private final String agencyName;
    private final OrganDirectory directory;

    Register(DispatchService dispatches, DispatchDao dao, NumberSeries numbers, Sending sending, OrganDirectory directory) {
        this.dao = dao;
        this.numbers = numbers;
        this.sending = sending;
        this.agencyName = dispatches.agency().name();
        this.directory = directory;
    }

    public int currentYear() {
        return numbers.today().getYear();
    }

    /**
     * The rows; the notes of a document issued after its sending deadline say how late (Decree 30 Art. 18); in
     * JSON, {@code otherMeans} lists the recipients outside the directory of partner organs (sent by post or by
     * hand, not through the exchange).
     */
    public List<Map<String, Object>> rows(int year) {
        Map<String, java.time.OffsetDateTime> signedAt = dao.signedAtOfIssued(year);
        Map<String, Boolean> known = new java.util.HashMap<>();
        return dao.issuedIn(year).stream().map(d -> {
            Map<String, Object> row = DispatchViews.registerRow(d);
            java.time.OffsetDateTime signed = signedAt.get(d.id());
            String late = signed == null ? null : sending.lateNote(VietnamTime.at(signed.toInstant()).toLocalDate(),
                    java.time.LocalDate.parse(d.issued().issuedDate()));
            if (late != null) {
                row.put("notes", row.get("notes") == null ? late : row.get("notes") + "; " + late);
            }
            row.put("otherMeans", d.recipients().stream()
                    .filter(r -> !known.computeIfAbsent(r, x -> directory.find(x).isPresent())).toList());
            return row;
        }).toList();
    }

    public byte[] csv(int year) {
        StringBuilder sb = new StringBuilder("\uFEFF").append(String.join(",", quoteAll(HEADERS))).append("\r\n");
        for (Map<String, Object> row : rows(year)) {
            List<String> cells = new ArrayList<>();
            for (String k : KEYS) {
                cells.add(quote(cell(row, k)));
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(int year) {
        try (PdfTable table = PdfTable.open(PdfTable.A4_LANDSCAPE, 8, WIDTHS, HEADERS)) {
            table.text(14, 40, agencyName, false).down(24);
            table.centred(16, "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM " + year, false).down(26);
            for (Map<String, Object> row : rows(year)) {
                String[] cells = new String[KEYS.length];
                for (int k = 0; k < KEYS.length; k++) {
                    cells[k] = cell(row, KEYS[k]);
                }
                table.row(cells);
            }
            return table.toPdf();
        }
    }

    /**
     * A printed cell; the notes also name the recipients to send by other means (outside the directory of partner
     * organs), which JSON gives apart as {@code otherMeans}.
     */
    static String cell(Map<String, Object> row, String key) {
        Object v = row.get(key);
        String text = v == null ? "" : v.toString();
        if (!key.equals("notes") || !(row.get("otherMeans") instanceof List<?> other) || other.isEmpty()) {
            return text;
        }
        String means = OTHER_MEANS + String.join("; ", other.stream().map(Object::toString).toList());
        return text.isEmpty() ? means : text + "; " + means;
    }

    private static String[] quoteAll(String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = quote(values[i]);
        }
        return out;
    }

    private static String quote(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}

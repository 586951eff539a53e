package vn.vanthu.incoming;

import vn.vanthu.dispatch.SeriesKind;
import vn.vanthu.print.PdfTable;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.users.UserService;
import vn.vanthu.web.User;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incoming register (sổ đăng ký văn bản đến, Decree 30 Appendix IV) of a year: JSON rows, CSV, and a printable
 * landscape A4 PDF. Secret documents have their own register ({@code secret}), as Art. 22 asks.
 *
 * <pre>{@code byte[] pdf = register.pdf(2026, false);}</pre>
 */
public final class IncomingRegister {
    private static final String[] HEADERS = {"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
            "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ký nhận", "Ghi chú"};
    private static final String[] KEYS = {"arrivalDate", "incomingNumber", "sendingOrgan", "numberSymbol",
            "documentDate", "typeAndSubject", "recipient", "receipt", "notes"};
    private static final float[] WIDTHS = {55, 40, 110, 80, 55, 200, 110, 50, 60};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final IncomingDao dao;
    private final UserService users;
    private final String agencyName;
    private final Clock clock;

    IncomingRegister(IncomingDao dao, UserService users, String agencyName, Clock clock) {
        this.dao = dao;
        this.users = users;
        this.agencyName = agencyName;
        this.clock = clock;
    }

    public int currentYear() {
        return VietnamTime.today(clock).getYear();
    }

    /** The rows in number order: the contract's fields, plus the Appendix IV columns as printed. */
    public List<Map<String, Object>> rows(int year, boolean secret) {
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Incoming d : dao.registered(year, (secret ? SeriesKind.SECRET_IN : SeriesKind.INCOMING).name())) {
            Incoming.Metadata m = d.metadata();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("incomingNumber", d.registration().number());
            row.put("receivedAt", IncomingViews.time(d.receivedAt()));
            row.put("arrivalDate", d.receivedAt().format(DAY));
            row.put("sendingOrgan", m.sendingOrgan());
            row.put("numberSymbol", m.numberSymbol());
            row.put("documentDate", m.documentDate().toString());
            row.put("documentType", m.documentType());
            row.put("subject", m.subject());
            row.put("typeAndSubject", m.documentType() + " " + m.subject());
            row.put("recipient", recipient(d, names));
            row.put("receipt", "");
            row.put("notes", notes(d));
            row.put("status", d.status().name());
            out.add(row);
        }
        return out;
    }

    public byte[] csv(int year, boolean secret) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, List.of(HEADERS));
        for (Map<String, Object> row : rows(year, secret)) {
            line(sb, cells(row));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(int year, boolean secret) {
        try (PdfTable table = PdfTable.open(PdfTable.A4_LANDSCAPE, 8, WIDTHS, HEADERS)) {
            table.text(14, 40, agencyName, false).down(24);
            table.centred(16, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" + (secret ? " (MẬT)" : "") + " NĂM " + year, false).down(26);
            for (Map<String, Object> row : rows(year, secret)) {
                table.row(cells(row).toArray(String[]::new));
            }
            return table.toPdf();
        }
    }

    private static List<String> cells(Map<String, Object> row) {
        List<String> cells = new ArrayList<>();
        for (String k : KEYS) {
            Object v = row.get(k);
            cells.add(v == null ? "" : v.toString());
        }
        return cells;
    }

    private String recipient(Incoming d, Map<String, String> names) {
        if (d.direction() == null) {
            return "";
        }
        if (d.direction().leadUnit() != null) {
            return d.direction().leadUnit();
        }
        return names.computeIfAbsent(d.direction().leadUserId(),
                id -> users.find(id).map(User::displayName).orElse(id));
    }

    private static String notes(Incoming d) {
        List<String> notes = new ArrayList<>();
        if (d.origin() == Incoming.Origin.PAPER) {
            notes.add("Bản giấy (bản quét)");
        }
        if (d.metadata().urgency() != Incoming.Urgency.NORMAL) {
            notes.add(IncomingViews.urgencyName(d.metadata().urgency()));
        }
        return String.join("; ", notes);
    }

    private static void line(StringBuilder sb, List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            // Text from outside senders: a cell a spreadsheet would run as a formula is kept as text.
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            quoted.add("\"" + safe.replace("\"", "\"\"") + "\"");
        }
        sb.append(String.join(",", quoted)).append("\r\n");
    }
}

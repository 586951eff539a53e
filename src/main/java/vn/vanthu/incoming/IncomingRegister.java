package vn.vanthu.incoming;

import vn.vanthu.dispatch.SeriesKind;
import vn.vanthu.print.PdfTable;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.PageSlice;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incoming register (sổ đăng ký văn bản đến, Decree 30 Appendix IV) of a year: JSON rows, CSV, and a printable
 * landscape A4 PDF, read a page or a stream at a time (never a whole year in memory). Secret documents have their own register ({@code secret}), as Art. 22 asks.
 *
 * <pre>{@code List<Map<String, Object>> page = register.rows(2026, false, 200, 0);}</pre>
 */
public final class IncomingRegister {
    private static final String[] HEADERS = {"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
            "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ký nhận", "Ghi chú"};
    private static final String[] KEYS = {"arrivalDate", "incomingNumber", "sendingOrgan", "numberSymbol",
            "documentDate", "typeAndSubject", "recipient", "receipt", "notes"};
    private static final float[] WIDTHS = {55, 40, 110, 80, 55, 200, 110, 50, 60};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The most rows a printed register holds; past it the PDF says so and points to the CSV. */
    static final int PDF_ROWS = 5_000;

    private final IncomingRegisterDao dao;
    private final String agencyName;
    private final Clock clock;

    IncomingRegister(IncomingRegisterDao dao, String agencyName, Clock clock) {
        this.dao = dao;
        this.agencyName = agencyName;
        this.clock = clock;
    }

    public int currentYear() {
        return VietnamTime.today(clock).getYear();
    }

    /** One page of the year's rows in number order (one query): the contract's fields, plus the Appendix IV columns. */
    public List<Map<String, Object>> rows(int year, boolean secret, int limit, long offset) {
        return dao.page(year, kind(secret), limit, offset).stream().map(IncomingRegister::row).toList();
    }

    /**
     * The rows of the year's register that hold every word of {@code needle} (blank: every row), to be read a page
     * at a time: a search finds its numbers once, in the word index, then reads the rows of the page asked.
     */
    public PageSlice.Source find(int year, boolean secret, String needle) {
        if (needle.isBlank()) {
            return new PageSlice.Source(dao.count(year, kind(secret)), (limit, offset) -> rows(year, secret, limit, offset));
        }
        List<RegisterWords.Key> keys = dao.search(year, kind(secret), needle);
        return new PageSlice.Source(keys.size(), (limit, offset) -> dao.rows(year, kind(secret), PageSlice.window(keys,
                limit, offset)).stream().map(IncomingRegister::row).toList());
    }

    /** The year's register as CSV, written row by row as the database returns them (bounded memory). */
    public void csv(int year, boolean secret, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("\uFEFF");
        line(w, List.of(HEADERS));
        try {
            dao.each(year, kind(secret), Integer.MAX_VALUE, e -> {
                try {
                    line(w, cells(row(e)));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException x) {
            throw x.getCause();
        }
        w.flush();
    }

    /** The printable register: at most {@value #PDF_ROWS} rows, then a line that says the rest is in the CSV. */
    public byte[] pdf(int year, boolean secret) {
        try (PdfTable table = PdfTable.open(PdfTable.A4_LANDSCAPE, 8, WIDTHS, HEADERS)) {
            table.text(14, 40, agencyName, false).down(24);
            table.centred(16, "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" + (secret ? " (MẬT)" : "") + " NĂM " + year, false).down(26);
            int[] n = {0};
            dao.each(year, kind(secret), PDF_ROWS + 1, e -> {
                if (++n[0] <= PDF_ROWS) {
                    table.row(cells(row(e)).toArray(String[]::new));
                }
            });
            if (n[0] > PDF_ROWS) {
                table.span("Bản in gồm " + PDF_ROWS + " dòng đầu của sổ; sổ còn tiếp: tải tệp CSV (format=csv) để có "
                        + "toàn bộ sổ.", true);
            }
            return table.toPdf();
        }
    }

    private static String kind(boolean secret) {
        return (secret ? SeriesKind.SECRET_IN : SeriesKind.INCOMING).name();
    }

    private static Map<String, Object> row(IncomingRegisterDao.Entry e) {
        Incoming d = e.document();
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
        row.put("recipient", recipient(d, e.leadName()));
        row.put("receipt", "");
        row.put("notes", notes(d));
        row.put("status", d.status().name());
        return row;
    }

    private static List<String> cells(Map<String, Object> row) {
        List<String> cells = new ArrayList<>();
        for (String k : KEYS) {
            Object v = row.get(k);
            cells.add(v == null ? "" : v.toString());
        }
        return cells;
    }

    private static String recipient(Incoming d, String leadName) {
        if (d.direction() == null) {
            return "";
        }
        if (d.direction().leadUnit() != null) {
            return d.direction().leadUnit();
        }
        return leadName != null ? leadName : d.direction().leadUserId();
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

    private static void line(Writer w, List<String> values) throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            // Text from outside senders: a cell a spreadsheet would run as a formula is kept as text.
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            quoted.add("\"" + safe.replace("\"", "\"\"") + "\"");
        }
        w.write(String.join(",", quoted) + "\r\n");
    }
}

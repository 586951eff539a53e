package vn.vanthu.dispatch;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30 Appendix IV) of a year: pages of rows (for JSON and the
 * page), a CSV streamed row by row, and a printable landscape A4 PDF (a {@link PdfTable}, so Vietnamese prints
 * correctly). Nothing here holds a whole year in memory.
 *
 * <pre>{@code List<Map<String, Object>> page = register.rows(2026, 200, 0);}</pre>
 */
public final class Register {
    private static final String[] HEADERS = {"Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
            "Người ký", "Nơi nhận", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"};
    private static final String[] KEYS = {"number", "issuedDate", "typeAndSubject", "signer", "recipients",
            "fileCopyKeeper", "copies", "sentDate", "receipt", "notes"};
    /** Before the recipients outside the exchange, in the notes of the CSV and the PDF. */
    static final String OTHER_MEANS = "Gửi bằng hình thức khác: ";
    private static final float[] WIDTHS = {70, 55, 170, 90, 110, 70, 40, 55, 50, 50};

    /** The most rows a printed register holds; past it the PDF says so and points to the CSV. */
    static final int PDF_ROWS = 5_000;
    private static final int CHUNK = 500;

    private final RegisterDao dao;
    private final NumberSeries numbers;
    private final Sending sending;
    private final String agencyName;
    private final OrganDirectory directory;

    Register(DispatchService dispatches, RegisterDao dao, NumberSeries numbers, Sending sending, OrganDirectory directory) {
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
     * One page of the year's rows in number order: two queries whatever the volume (the rows, then which recipients
     * are partner organs). The notes of a document issued after its sending deadline say how late (Decree 30 Art.
     * 18); {@code otherMeans} lists the recipients outside the directory of partner organs (sent by post or by hand).
     */
    public List<Map<String, Object>> rows(int year, int limit, long offset) {
        return withOtherMeans(dao.page(year, limit, offset));
    }

    /**
     * The rows of the year's register that hold every word of {@code needle} (blank: every row), to be read a page
     * at a time: a search finds its numbers once, in the word index, then reads the rows of the page asked.
     */
    public PageSlice.Source find(int year, String needle) {
        if (needle.isBlank()) {
            return new PageSlice.Source(dao.count(year), (limit, offset) -> rows(year, limit, offset));
        }
        List<RegisterWords.Key> keys = dao.search(year, needle);
        return new PageSlice.Source(keys.size(), (limit, offset) -> withOtherMeans(dao.rows(year,
                PageSlice.window(keys, limit, offset))));
    }

    /**
     * The year's register as CSV, written as the database returns the rows (bounded memory: the recipients held
     * by the directory are asked for {@value #CHUNK} rows at a time).
     */
    public void csv(int year, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("\uFEFF" + String.join(",", quoteAll(HEADERS)) + "\r\n");
        try {
            each(year, Integer.MAX_VALUE, row -> {
                List<String> cells = new ArrayList<>();
                for (String k : KEYS) {
                    cells.add(quote(cell(row, k)));
                }
                try {
                    w.write(String.join(",", cells) + "\r\n");
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
    public byte[] pdf(int year) {
        try (PdfTable table = PdfTable.open(PdfTable.A4_LANDSCAPE, 8, WIDTHS, HEADERS)) {
            table.text(14, 40, agencyName, false).down(24);
            table.centred(16, "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM " + year, false).down(26);
            int[] n = {0};
            each(year, PDF_ROWS + 1, row -> {
                if (++n[0] > PDF_ROWS) {
                    return;
                }
                String[] cells = new String[KEYS.length];
                for (int k = 0; k < KEYS.length; k++) {
                    cells[k] = cell(row, KEYS[k]);
                }
                table.row(cells);
            });
            if (n[0] > PDF_ROWS) {
                table.span("Bản in gồm " + PDF_ROWS + " dòng đầu của sổ; sổ còn tiếp: tải tệp CSV (format=csv) để có "
                        + "toàn bộ sổ.", true);
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

    /** Every row of the year in number order, up to {@code max}, with its otherMeans, in chunks of {@value #CHUNK}. */
    private void each(int year, int max, java.util.function.Consumer<Map<String, Object>> sink) {
        List<RegisterDao.Entry> chunk = new ArrayList<>();
        dao.each(year, max, e -> {
            chunk.add(e);
            if (chunk.size() == CHUNK) {
                withOtherMeans(chunk).forEach(sink);
                chunk.clear();
            }
        });
        withOtherMeans(chunk).forEach(sink);
    }

    private List<Map<String, Object>> withOtherMeans(List<RegisterDao.Entry> entries) {
        java.util.Set<String> held = directory.held(entries.stream().flatMap(e -> e.dispatch().recipients().stream())
                .collect(java.util.stream.Collectors.toSet()));
        return entries.stream().map(e -> {
            Map<String, Object> row = row(e);
            row.put("otherMeans", e.dispatch().recipients().stream().filter(r -> !held.contains(r)).toList());
            return row;
        }).toList();
    }

    private Map<String, Object> row(RegisterDao.Entry e) {
        Dispatch d = e.dispatch();
        Map<String, Object> row = DispatchViews.registerRow(d);
        String late = e.signedAt() == null ? null : sending.lateNote(VietnamTime.at(e.signedAt().toInstant()).toLocalDate(),
                java.time.LocalDate.parse(d.issued().issuedDate()));
        if (late != null) {
            row.put("notes", row.get("notes") == null ? late : row.get("notes") + "; " + late);
        }
        return row;
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

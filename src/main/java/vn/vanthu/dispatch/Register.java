package vn.vanthu.dispatch;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30 Appendix IV) of a year: JSON rows, CSV, and a
 * printable landscape A4 PDF set in Liberation Serif so Vietnamese prints correctly.
 *
 * <pre>{@code byte[] pdf = register.pdf(2026);}</pre>
 */
public final class Register {
    static final String FONT = "/fonts/LiberationSerif-Regular.ttf";
    private static final String[] HEADERS = {"Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
            "Người ký", "Nơi nhận", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"};
    private static final String[] KEYS = {"number", "issuedDate", "typeAndSubject", "signer", "recipients",
            "fileCopyKeeper", "copies", "sentDate", "receipt", "notes"};
    private static final float[] WIDTHS = {70, 55, 170, 90, 110, 70, 40, 55, 50, 50};

    private final DispatchDao dao;
    private final NumberSeries numbers;
    private final String agencyName;

    public Register(DispatchService dispatches, NumberSeries numbers) {
        this.dao = dispatches.dao();
        this.numbers = numbers;
        this.agencyName = dispatches.agency().name();
    }

    public int currentYear() {
        return numbers.today().getYear();
    }

    public List<Map<String, Object>> rows(int year) {
        return dao.issuedIn(year).stream().map(DispatchViews::registerRow).toList();
    }

    public byte[] csv(int year) {
        StringBuilder sb = new StringBuilder("\uFEFF").append(String.join(",", quoteAll(HEADERS))).append("\r\n");
        for (Map<String, Object> row : rows(year)) {
            List<String> cells = new ArrayList<>();
            for (String k : KEYS) {
                cells.add(quote(row.get(k) == null ? "" : row.get(k).toString()));
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(int year) {
        try (PDDocument doc = new PDDocument(); InputStream font = Register.class.getResourceAsStream(FONT)) {
            PDType0Font f = PDType0Font.load(doc, font);
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            List<Map<String, Object>> rows = rows(year);
            int i = 0;
            do {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = size.getHeight() - 40;
                    if (i == 0) {
                        text(cs, f, 14, 40, y, agencyName);
                        text(cs, f, 16, 300, y - 24, "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM " + year);
                        y -= 50;
                    }
                    y = row(cs, f, y, HEADERS);
                    while (i < rows.size() && y > 60) {
                        String[] cells = new String[KEYS.length];
                        for (int k = 0; k < KEYS.length; k++) {
                            Object v = rows.get(i).get(KEYS[k]);
                            cells[k] = v == null ? "" : v.toString();
                        }
                        y = row(cs, f, y, cells);
                        i++;
                    }
                }
            } while (i < rows.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One table row with wrapped cells; returns the y below it. */
    private static float row(PDPageContentStream cs, PDType0Font f, float top, String[] cells) throws IOException {
        float size = 8;
        float x = 30;
        int maxLines = 1;
        List<List<String>> wrapped = new ArrayList<>();
        for (int k = 0; k < cells.length; k++) {
            List<String> lines = wrap(f, size, cells[k], WIDTHS[k] - 4);
            wrapped.add(lines);
            maxLines = Math.max(maxLines, lines.size());
        }
        float height = maxLines * (size + 2) + 4;
        for (int k = 0; k < cells.length; k++) {
            cs.addRect(x, top - height, WIDTHS[k], height);
            cs.stroke();
            float ly = top - size - 2;
            for (String line : wrapped.get(k)) {
                text(cs, f, size, x + 2, ly, line);
                ly -= size + 2;
            }
            x += WIDTHS[k];
        }
        return top - height;
    }

    private static List<String> wrap(PDType0Font f, float size, String text, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (f.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static void text(PDPageContentStream cs, PDType0Font f, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
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

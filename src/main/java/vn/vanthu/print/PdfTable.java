package vn.vanthu.print;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A printable table in a new PDF, set in Liberation Serif (embedded) so Vietnamese prints correctly: free text
 * above and below, a header row repeated at the top of every page, body rows whose cells wrap, rows spanning
 * the whole table (headings), and page breaks (a row taller than a page continues on the next one). A
 * character the font cannot draw prints as "?" instead of failing.
 *
 * <pre>{@code
 * try (PdfTable t = PdfTable.open(PdfTable.A4_LANDSCAPE, 8, new float[]{70, 170}, "Số, ký hiệu", "Trích yếu")) {
 *     t.text(14, 40, "Sở Khoa học và Công nghệ", false).down(24);
 *     t.centred(16, "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026", true).down(26);
 *     t.span("I. Tổ chức, cán bộ", true).row("05/KH-SKHCN", "Kế hoạch …");
 *     byte[] pdf = t.toPdf();
 * }
 * }</pre>
 */
public final class PdfTable implements AutoCloseable {
    public static final PDRectangle A4_PORTRAIT = PDRectangle.A4;
    public static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float TOP = 30;
    private static final float BOTTOM = 40;
    private static final float PADDING = 2;

    private final PDDocument doc;
    private final SerifFont font;
    private final PDRectangle pageSize;
    private final float fontSize;
    private final float[] widths;
    private final String[] headers;
    private final float left;
    private PDPageContentStream cs;
    private float y;
    private boolean headerOnPage;
    private int rowsOnPage;
    private boolean anyRow;

    private PdfTable(PDDocument doc, SerifFont font, PDRectangle pageSize, float fontSize, float[] widths, String[] headers) {
        this.doc = doc;
        this.font = font;
        this.pageSize = pageSize;
        this.fontSize = fontSize;
        this.widths = widths.clone();
        this.headers = headers.clone();
        this.left = Math.max(20, (pageSize.getWidth() - tableWidth()) / 2);
    }

    /** A new document with its first page: the table is centred across the page, its cells set at fontSize. */
    public static PdfTable open(PDRectangle pageSize, float fontSize, float[] widths, String... headers) {
        if (widths.length != headers.length || widths.length == 0) {
            throw new IllegalArgumentException("One width per header, at least one column");
        }
        PDDocument doc = new PDDocument();
        try {
            PdfTable t = new PdfTable(doc, SerifFont.load(doc), pageSize, fontSize, widths, headers);
            t.newPage();
            return t;
        } catch (IOException | RuntimeException e) {
            closeQuietly(doc);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public float pageWidth() {
        return pageSize.getWidth();
    }

    /** Draws one line of text whose top is the current position, its left edge at x; does not move down. */
    public PdfTable text(float size, float x, String s, boolean bold) {
        room(size + PADDING);
        font.draw(cs, size, x, y - size, s, bold);
        return this;
    }

    /** Draws one line of text centred on the page; does not move down. */
    public PdfTable centred(float size, String s, boolean bold) {
        return centredAt(size, pageSize.getWidth() / 2, s, bold);
    }

    /** Draws one line of text centred on the point x; does not move down. */
    public PdfTable centredAt(float size, float x, String s, boolean bold) {
        return text(size, x - font.width(s, size) / 2, s, bold);
    }

    /** Text wrapped to the table's width, each line centred on the page; moves down below it. */
    public PdfTable centredLines(float size, String s, boolean bold) {
        for (String line : font.wrap(s, size, tableWidth())) {
            centred(size, line, bold).down(size * 1.4f);
        }
        return this;
    }

    /** Starts a new page unless {@code height} points fit below the current position (a block kept together). */
    public PdfTable keep(float height) {
        room(height);
        return this;
    }

    /** The current position as a distance from the page's top edge (as a visible signature is placed). */
    public float fromTop() {
        return pageSize.getHeight() - y;
    }

    /** The page the current position is on, 1-based. */
    public int page() {
        return doc.getNumberOfPages();
    }

    /** Moves the current position down (a line feed after text, or a gap). */
    public PdfTable down(float points) {
        y -= points;
        return this;
    }

    /** A body row, one text per column; cells wrap at word boundaries. */
    public PdfTable row(String... cells) {
        if (cells.length != widths.length) {
            throw new IllegalArgumentException("Expected " + widths.length + " cells, got " + cells.length);
        }
        List<List<String>> wrapped = new ArrayList<>();
        for (int k = 0; k < cells.length; k++) {
            wrapped.add(font.wrap(cells[k], fontSize, widths[k] - 2 * PADDING));
        }
        return body(wrapped, widths, false);
    }

    /** A row of one cell across the whole table, e.g. a heading. */
    public PdfTable span(String text, boolean bold) {
        float total = tableWidth();
        return body(List.of(font.wrap(text, fontSize, total - 2 * PADDING)), new float[]{total}, bold);
    }

    /** The finished PDF; the header row is printed even when the table has no rows. */
    public byte[] toPdf() {
        try {
            if (!anyRow && !headerOnPage) {
                header();
            }
            cs.close();
            cs = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException ignored) {
                // the document is discarded below
            }
        }
        closeQuietly(doc);
    }

    /** Draws the row's lines, moving what does not fit to the next page (after the header). */
    private PdfTable body(List<List<String>> wrapped, float[] cellWidths, boolean bold) {
        int total = 1;
        for (List<String> lines : wrapped) {
            total = Math.max(total, lines.size());
        }
        int done = 0;
        while (done < total) {
            if (!headerOnPage) {
                header();
            }
            int fit = (int) Math.floor((y - BOTTOM - 2 * PADDING) / lineHeight());
            if (fit < total - done && rowsOnPage > 0) {
                newPage();
                continue;
            }
            int n = Math.max(1, Math.min(fit, total - done));
            cells(wrapped, done, n, cellWidths, bold);
            rowsOnPage++;
            anyRow = true;
            done += n;
            if (done < total) {
                newPage();
            }
        }
        return this;
    }

    private void header() {
        List<List<String>> wrapped = new ArrayList<>();
        for (int k = 0; k < headers.length; k++) {
            wrapped.add(font.wrap(headers[k], fontSize, widths[k] - 2 * PADDING));
        }
        int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
        cells(wrapped, 0, Math.max(1, lines), widths, false);
        headerOnPage = true;
    }

    /** Lines from..from+count of each cell, as one band of boxes at the current position. */
    private void cells(List<List<String>> wrapped, int from, int count, float[] cellWidths, boolean bold) {
        float height = count * lineHeight() + 2 * PADDING;
        float x = left;
        try {
            for (int k = 0; k < cellWidths.length; k++) {
                cs.addRect(x, y - height, cellWidths[k], height);
                cs.stroke();
                List<String> lines = wrapped.get(k);
                float baseline = y - PADDING - fontSize;
                for (int i = from; i < Math.min(lines.size(), from + count); i++) {
                    font.draw(cs, fontSize, x + PADDING, baseline, lines.get(i), bold);
                    baseline -= lineHeight();
                }
                x += cellWidths[k];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height;
    }

    private float tableWidth() {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        return total;
    }

    private float lineHeight() {
        return fontSize + 2;
    }

    /** Starts a new page when the current one has less than this height left. */
    private void room(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(pageSize);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = pageSize.getHeight() - TOP;
        headerOnPage = false;
        rowsOnPage = 0;
    }

    private static void closeQuietly(PDDocument doc) {
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}

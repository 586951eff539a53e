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

/**
 * Renders the sample công văn (src/test/resources/samples/cong-van-don-doc-cchc-2023.txt) as a PDF in the
 * Decree 30 layout with PDFBox and Liberation Serif: agency and national motto headers, "Số: /SKHCN-VP", the
 * V/v summary, the place-and-date line, body, "Nơi nhận" and the signer block on the right. Also the tool that
 * makes {@code scripts/samples/cong-van-don-doc-cchc-2023.pdf} (day, month and year left blank, so the sample is
 * signed and issued in any year): {@code java -cp target/classes:target/test-classes:… vn.vanthu.dispatch.DispatchPdf out.pdf}.
 *
 * <pre>{@code byte[] pdf = DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng");}</pre>
 */
public final class DispatchPdf {
    private static final float LEFT = 85, RIGHT_EDGE = 545, SIZE = 13;

    private DispatchPdf() {}

    /** A date line with blank day and month and the year 2026 printed. */
    static final String DATE_LINE_2026 = "Thái Bình, ngày      tháng      năm 2026";
    /** A date line with every part blank. */
    public static final String BLANK_DATE_LINE = "Thái Bình, ngày      tháng      năm      ";

    /** Writes the sample công văn of scripts/samples (signed by PHÓ GIÁM ĐỐC Nguyễn Hữu Thắng) to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"));
    }

    /** The sample công văn, "Số: /SKHCN-VP", with a blank date line, signed by {@code position} {@code signer}. */
    public static byte[] congVan(String position, String signer) {
        return render("/SKHCN-VP", BLANK_DATE_LINE, position, signer);
    }

    /**
     * A draft of {@code type} (its code, e.g. "KH") signed by PHÓ GIÁM ĐỐC Nguyễn Hữu Thắng, printing the symbol
     * the number will carry ("/KH-SKHCN"; "/SKHCN-VP" for CV and ThC) and a blank date line.
     */
    public static byte[] draft(String type) {
        return draft(type, BLANK_DATE_LINE);
    }

    /** Like {@link #draft(String)} with the given place-and-date line (null: none). */
    public static byte[] draft(String type, String dateLine) {
        return render(symbol(type), dateLine, "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng");
    }

    /** The symbol a draft of {@code type} prints after "Số:", with the number left blank. */
    public static String symbol(String type) {
        return type.equals("CV") || type.equals("ThC") ? "/SKHCN-VP" : "/" + type + "-SKHCN";
    }

    /** A draft of {@code type} whose signer block cannot be found (no position line). */
    static byte[] withoutSignerBlock(String type) {
        return render(symbol(type), BLANK_DATE_LINE, null, "Nguyễn Hữu Thắng");
    }

    /** A draft whose "Số:" line prints {@code symbol} (null: no number place at all). */
    static byte[] withSymbol(String symbol) {
        return render(symbol, BLANK_DATE_LINE, "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng");
    }

    /** A one-page appendix. */
    public static byte[] appendix(String title) {
        try (PDDocument doc = new PDDocument(); InputStream font = DispatchPdf.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDType0Font f = PDType0Font.load(doc, font);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, f, 14, 200, 700, title);
                text(cs, f, SIZE, LEFT, 660, "Danh sách các nhiệm vụ cải cách hành chính năm 2023.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(String symbol, String dateLine, String position, String signer) {
        List<String> body = body();
        try (PDDocument doc = new PDDocument(); InputStream font = DispatchPdf.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            PDType0Font f = PDType0Font.load(doc, font);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = 780;
            text(cs, f, 12, LEFT, y, "UBND TỈNH THÁI BÌNH");
            text(cs, f, 12, 300, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            y -= 15;
            text(cs, f, 12, LEFT, y, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
            text(cs, f, 13, 330, y, "Độc lập - Tự do - Hạnh phúc");
            y -= 30;
            if (symbol != null) {
                text(cs, f, SIZE, LEFT, y, "Số:");
                text(cs, f, SIZE, LEFT + 45, y, symbol);
            }
            if (dateLine != null) {
                text(cs, f, SIZE, 300, y, dateLine);
            }
            y -= 16;
            text(cs, f, 12, LEFT, y, "V/v đôn đốc thực hiện nhiệm vụ cải");
            y -= 14;
            text(cs, f, 12, LEFT, y, "cách hành chính năm 2023");
            y -= 30;
            text(cs, f, 14, 200, y, "Kính gửi: Các phòng, đơn vị thuộc Sở.");
            y -= 26;
            for (String paragraph : body) {
                for (String line : wrap(f, paragraph, RIGHT_EDGE - LEFT)) {
                    if (y < 80) {
                        cs.close();
                        page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        y = 780;
                    }
                    text(cs, f, SIZE, LEFT, y, line);
                    y -= 17;
                }
                y -= 4;
            }
            if (y < 220) {
                cs.close();
                page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                cs = new PDPageContentStream(doc, page);
                y = 780;
            }
            y -= 10;
            text(cs, f, 12, LEFT, y, "Nơi nhận:");
            text(cs, f, 13, 360, y, "KT. GIÁM ĐỐC");
            y -= 15;
            text(cs, f, 11, LEFT, y, "- Như trên;");
            if (position != null) {
                text(cs, f, 13, 355, y, position);
            }
            text(cs, f, 11, LEFT, y - 14, "- Lưu: VT.");
            y -= 95;
            text(cs, f, 13, 350, y, signer);
            cs.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body paragraphs of the sample, between "Kính gửi" and "Nơi nhận". */
    private static List<String> body() {
        try (InputStream in = DispatchPdf.class.getResourceAsStream("/samples/cong-van-don-doc-cchc-2023.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int from = text.indexOf("Căn cứ");
            int to = text.indexOf("Nơi nhận:");
            List<String> out = new ArrayList<>();
            for (String p : text.substring(from, to).split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    out.add(p.replace("*", "").replaceAll("\\s+", " ").trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(PDType0Font f, String text, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (f.getStringWidth(candidate) / 1000 * SIZE > width && line.length() > 0) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }

    private static void text(PDPageContentStream cs, PDType0Font f, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}

package vn.vanthu.bench;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import vn.vanthu.validation.SignedFiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Random;

/** The benchmark's signed files, made with DSS directly and the development PKI. */
final class BenchFiles {
    private BenchFiles() {}

    /** {@code doc} with a page added that holds an incompressible image (about 1 MB), saved. */
    static byte[] withNoisePage(PDDocument doc) throws java.io.IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        BufferedImage img = new BufferedImage(580, 580, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(42);
        for (int x = 0; x < 580; x++) {
            for (int y = 0; y < 580; y++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(LosslessFactory.createFromImage(doc, img), 10, 200, 570, 570);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** About 1 MB: a page with an incompressible image, signed PAdES-BASELINE-LT by official1. */
    static byte[] padesLt1Mb() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            return SignedFiles.pades(withNoisePage(doc), "official1", SignatureLevel.PAdES_BASELINE_LT, new Date());
        }
    }

    /** About 100 KB of text over many pages, signed PAdES-BASELINE-B (the signature reserves ~66 KB). */
    static byte[] textPdf100Kb() {
        int pages = 20;
        byte[] pdf = SignedFiles.pdf(pages);
        while (pdf.length < 34_000) {
            pages += 5;
            pdf = SignedFiles.pdf(pages);
        }
        return SignedFiles.pades(pdf, "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
    }

    static int pages(byte[] pdf) throws Exception {
        try (PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    /** About 1 MB of XML records, enveloped XAdES-BASELINE-B. */
    static byte[] xadesEnveloped1Mb() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soDangKy>");
        for (int i = 0; x.length() < 1_000_000; i++) {
            x.append("<vanBan so=\"").append(i).append("/UBND\"><trichYeu>Về việc triển khai nhiệm vụ số ").append(i)
                    .append("</trichYeu><noiNhan>Sở Khoa học và Công nghệ</noiNhan></vanBan>");
        }
        x.append("</soDangKy>");
        return SignedFiles.xades(x.toString().getBytes(StandardCharsets.UTF_8), "register.xml",
                SignaturePackaging.ENVELOPED, "official1");
    }
}

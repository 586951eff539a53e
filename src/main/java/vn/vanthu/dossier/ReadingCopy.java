package vn.vanthu.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import vn.vanthu.store.TempFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a signed PDF into a page of a reading copy: every form field (signature fields above all) is flattened, so
 * the signature images stay on the page as plain content while no signature field, no signature dictionary and no
 * earlier revision remain. A merged export would otherwise carry signatures whose byte ranges no longer match,
 * i.e. broken signatures.
 *
 * <pre>{@code ReadingCopy.flatten(tempPdf);   // rewrites the private temp file}</pre>
 */
final class ReadingCopy {
    /** What the export says on its first page about itself and the signed originals. */
    static final String NOTE = "BẢN ĐỌC (bản sao để đọc, không thay thế bản gốc): các chữ ký số của văn bản được giữ "
            + "lại dưới dạng hình ảnh, không còn giá trị kiểm tra. Bản gốc có chữ ký số được lưu trên hệ thống "
            + "vanthu trong hồ sơ này (gói nộp lưu, hoặc tải từng văn bản từ hồ sơ).";

    private ReadingCopy() {}

    /** Rewrites {@code pdf} in place without any form field or signature; appearances become page content. */
    static void flatten(Path pdf) throws IOException {
        Path out = TempFiles.create("reading");
        try {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDDocumentCatalog catalog = doc.getDocumentCatalog();
                PDAcroForm form = catalog.getAcroForm(null);
                if (form != null) {
                    form.flatten(form.getFields(), false);
                }
                for (PDPage page : doc.getPages()) {
                    dropLeftoverWidgets(page);
                }
                // Signature-only parts of the catalogue: permissions, the validation data, the form itself.
                catalog.getCOSObject().removeItem(COSName.PERMS);
                catalog.getCOSObject().removeItem(COSName.getPDFName("DSS"));
                catalog.getCOSObject().removeItem(COSName.ACRO_FORM);
                doc.save(out.toFile());
            }
            Files.move(out, pdf, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            TempFiles.delete(out);
        }
    }

    /** A widget no field names (a stray signature widget) would still show as a form element: drop it. */
    private static void dropLeftoverWidgets(PDPage page) throws IOException {
        List<PDAnnotation> kept = new ArrayList<>();
        boolean dropped = false;
        for (PDAnnotation a : page.getAnnotations()) {
            if (a instanceof PDAnnotationWidget) {
                dropped = true;
            } else {
                kept.add(a);
            }
        }
        if (dropped) {
            page.setAnnotations(kept);
        }
    }
}

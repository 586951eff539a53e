package vn.vanthu.figures;

import vn.vanthu.error.ApiException;
import vn.vanthu.keys.ServiceSeal;
import vn.vanthu.print.PdfTable;
import vn.vanthu.signing.Level;
import vn.vanthu.signing.SignDocument;
import vn.vanthu.signing.SignRequest;
import vn.vanthu.signing.SigningService;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printable report (A4, Vietnamese): the agency, the title and the dates, the bar chart of the headline
 * percentages per period ({@link FiguresChart}), then a table per unit — the whole agency first — with each
 * figure of each period, its count and its percentage. Sealed (PAdES) with the service's agency seal, the key that
 * seals validation reports, so the printed figures can be filed as evidence.
 *
 * <pre>{@code byte[] pdf = figuresPdf.render(report);}</pre>
 */
final class FiguresPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float[] WIDTHS = {330, 90, 90};
    private static final int CHART_WIDTH = 510;
    private static final int CHART_HEIGHT = 330;

    /**
     * A line of the table: label, section and key of the count, key of the percentage (null: none). The figures
     * page shows the same lines, labelled by the texts {@code figures.<section>.<count>}.
     */
    record Measure(String label, String section, String count, String pct) {}

    static final List<Measure> MEASURES = List.of(
            new Measure("Văn bản đi đã phát hành", "outgoing", "issued", null),
            new Measure("– ký số bởi người có thẩm quyền và cơ quan", "outgoing", "signedDigitally", "signedDigitallyPct"),
            new Measure("– phát hành trong ngày ký hoặc ngày làm việc tiếp theo", "outgoing", "issuedOnTime", "issuedOnTimePct"),
            new Measure("– gửi qua trục liên thông (tỷ lệ nơi nhận)", "outgoing", "sentElectronically", "sentElectronicallyPct"),
            new Measure("Văn bản đến đã đăng ký", "incoming", "registered", null),
            new Measure("– nhận điện tử", "incoming", "receivedElectronically", "receivedElectronicallyPct"),
            new Measure("– trình đúng hạn", "incoming", "submittedOnTime", "submittedOnTimePct"),
            new Measure("– đã giải quyết xong", "incoming", "handled", null),
            new Measure("– giải quyết đúng hạn (trên số đã xong)", "incoming", "handledByDeadline", "handledByDeadlinePct"),
            new Measure("– giải quyết quá hạn", "incoming", "late", null),
            new Measure("– đang giải quyết", "incoming", "open", null),
            new Measure("– đang giải quyết, đã quá hạn", "incoming", "overdue", null),
            new Measure("Hồ sơ công việc mở", "dossiers", "opened", null),
            new Measure("– theo danh mục hồ sơ", "dossiers", "keptPerCatalogue", "keptPerCataloguePct"),
            new Measure("Hồ sơ đóng", "dossiers", "closed", null),
            new Measure("– đóng điện tử, có gói niêm phong", "dossiers", "closedWithSealedPackage", "closedWithSealedPackagePct"),
            new Measure("Hồ sơ nộp lưu", "dossiers", "submitted", null),
            new Measure("– nộp lưu đúng hạn", "dossiers", "submittedOnTime", "submittedOnTimePct"),
            new Measure("Số trang tài liệu giấy đã số hóa", "digitization", "pages", null),
            new Measure("Văn bản đã số hóa", "digitization", "documents", null),
            new Measure("Lượt kiểm tra chữ ký số", "validations", "run", null),
            new Measure("– mọi chữ ký hợp lệ", "validations", "allSignaturesPassed", "allSignaturesPassedPct"),
            new Measure("– có chữ ký không hợp lệ hoặc chưa xác định", "validations", "notAllSignaturesPassed", null),
            new Measure("– không có chữ ký", "validations", "noSignature", null));

    private final String agencyName;
    private final SigningService signing;
    private final ServiceSeal seal;

    FiguresPdf(String agencyName, SigningService signing, ServiceSeal seal) {
        this.agencyName = agencyName;
        this.signing = signing;
        this.seal = seal;
    }

    byte[] render(FiguresService.Report report) {
        if (!seal.configured()) {
            throw new ApiException(503, "REPORT_SEAL_NOT_CONFIGURED",
                    "No seal is configured to sign report PDFs (VANTHU_REPORT_SEAL_KEYSTORE)", null);
        }
        byte[] pdf = layout(report);
        return signing.sign(SignRequest.pades(SignDocument.of(pdf, "so-lieu-xu-ly-dien-tu.pdf")).level(Level.B)
                .reason("Báo cáo số liệu xử lý văn bản, hồ sơ điện tử"), seal.key()).bytes();
    }

    byte[] layout(FiguresService.Report report) {
        FiguresService.Request r = report.request();
        try (PdfTable t = PdfTable.open(PdfTable.A4_PORTRAIT, 9, WIDTHS, "Chỉ tiêu", "Số lượng", "Tỷ lệ (%)")) {
            t.text(12, 40, agencyName, false).down(30);
            t.centredLines(15, "BÁO CÁO SỐ LIỆU XỬ LÝ VĂN BẢN, HỒ SƠ ĐIỆN TỬ", true);
            t.centredLines(11, "Từ ngày " + r.from().format(DAY) + " đến ngày " + r.to().format(DAY)
                    + (r.unit() == null ? "" : " — đơn vị " + r.unit()), false);
            t.centredLines(10, "Số liệu tính từ hồ sơ, văn bản trong hệ thống, lập ngày " + report.madeOn().format(DAY), false);
            t.down(8);
            t.image(FiguresChart.render(report, CHART_WIDTH, CHART_HEIGHT), CHART_WIDTH, CHART_HEIGHT).down(16);
            for (String unit : units(report)) {
                for (FiguresService.Row row : report.rows()) {
                    if (java.util.Objects.equals(row.unit(), unit)) {
                        table(t, row);
                    }
                }
            }
            t.down(12).text(9, 40, "Ghi chú: tỷ lệ văn bản đi gửi qua trục liên thông chưa được ghi nhận (0).", false);
            return t.toPdf();
        }
    }

    private static void table(PdfTable t, FiguresService.Row row) {
        Map<String, Object> view = row.view();
        t.span((row.unit() == null ? "Toàn cơ quan" : "Đơn vị: " + row.unit()) + " — " + periodLabel(row.period()), true);
        for (Measure m : MEASURES) {
            if (view.get(m.section()) instanceof Map<?, ?> section) {
                Object pct = m.pct() == null ? null : section.get(m.pct());
                t.row(m.label(), String.valueOf(section.get(m.count())), pct == null ? "" : pct.toString().replace('.', ','));
            }
        }
    }

    /** The agency (null) first, then each unit in order. */
    static List<String> units(FiguresService.Report report) {
        List<String> out = new ArrayList<>();
        for (FiguresService.Row row : report.rows()) {
            if (!out.contains(row.unit())) {
                out.add(row.unit());
            }
        }
        return out;
    }

    /** "2026-Q4" → "Quý 4/2026"; "2026" → "Năm 2026". */
    static String periodLabel(String period) {
        int q = period.indexOf("-Q");
        return q < 0 ? "Năm " + period : "Quý " + period.substring(q + 2) + "/" + period.substring(0, q);
    }
}

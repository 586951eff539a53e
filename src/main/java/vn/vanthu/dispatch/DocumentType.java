package vn.vanthu.dispatch;

import vn.vanthu.error.ApiException;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The document types of Decree 30/2020 Appendix III with their abbreviations, plus {@code CV} (công văn) and
 * {@code ThC} (thư công, Art. 7), which have no abbreviation in the symbol: theirs is the agency and the drafting
 * unit ({@code 385/SKHCN-VP}).
 *
 * <pre>{@code DocumentType t = DocumentType.parse("QĐ"); t.code(); // "QĐ"; t.vietnameseName(); // "Quyết định"}</pre>
 */
public enum DocumentType {
    NQ("NQ", "Nghị quyết"), QD("QĐ", "Quyết định"), CT("CT", "Chỉ thị"), QC("QC", "Quy chế"),
    QYD("QyĐ", "Quy định"), TC("TC", "Thông cáo"), TB("TB", "Thông báo"), HD("HD", "Hướng dẫn"),
    CTR("CTr", "Chương trình"), KH("KH", "Kế hoạch"), PA("PA", "Phương án"), DEAN("ĐA", "Đề án"),
    DA("DA", "Dự án"), BC("BC", "Báo cáo"), BB("BB", "Biên bản"), TTR("TTr", "Tờ trình"),
    HOPDONG("HĐ", "Hợp đồng"), CD("CĐ", "Công điện"), BGN("BGN", "Bản ghi nhớ"), BTT("BTT", "Bản thỏa thuận"),
    GUQ("GUQ", "Giấy ủy quyền"), GM("GM", "Giấy mời"), GGT("GGT", "Giấy giới thiệu"), GNP("GNP", "Giấy nghỉ phép"),
    PG("PG", "Phiếu gửi"), PC("PC", "Phiếu chuyển"), PB("PB", "Phiếu báo"), CV("CV", "Công văn"),
    THU_CONG("ThC", "Thư công");

    private final String code;
    private final String vietnameseName;

    DocumentType(String code, String vietnameseName) {
        this.code = code;
        this.vietnameseName = vietnameseName;
    }

    public String code() { return code; }
    public String vietnameseName() { return vietnameseName; }

    /** False for công văn and thư công, whose symbol carries no type abbreviation. */
    public boolean abbreviated() {
        return this != CV && this != THU_CONG;
    }

    /** The symbol after "number/": {@code KH-SKHCN}, or {@code SKHCN-VP} for công văn and thư công. */
    public String notation(String agency, String draftingUnit) {
        return abbreviated() ? code + "-" + agency : agency + "-" + draftingUnit;
    }

    /** By its code, exactly as Appendix III spells it (case-sensitive: CT chỉ thị is not CTr chương trình). */
    public static DocumentType parse(String code) {
        String c = code == null ? "" : Normalizer.normalize(code.trim(), Normalizer.Form.NFC);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst().orElseThrow(() ->
                ApiException.badRequest("UNKNOWN_DOCUMENT_TYPE", "documentType must be one of the Appendix III codes "
                        + Arrays.stream(values()).map(DocumentType::code).toList(), "documentType"));
    }
}

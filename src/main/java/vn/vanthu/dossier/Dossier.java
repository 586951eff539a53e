package vn.vanthu.dossier;

import java.time.OffsetDateTime;

/**
 * A work dossier (hồ sơ công việc) with the Appendix VI metadata: {@code fileCode} = agency id + year + symbol.
 * Status OPEN → CLOSED (sealed archival package) → SUBMITTED (nộp lưu).
 */
public record Dossier(String id, int year, String symbol, String fileCode, String title, String retention,
                      String rights, String language, Category category, String keyword, String description,
                      String responsibleUserId, String startDate, String endDate, Status status, String createdBy,
                      OffsetDateTime createdAt, OffsetDateTime closedAt, String forcedReason, String sealSha256,
                      String packageManifest, OffsetDateTime newestStampExpiry, OffsetDateTime submittedAt) {

    public enum Status { OPEN, CLOSED, SUBMITTED }

    /** Capital-construction dossiers are due 3 months after the work ends, all others after a year. */
    public enum Category { GENERAL, CAPITAL_CONSTRUCTION }

    /** One filed document; its bytes are in the document store under {@code sha256}. */
    public record Item(String id, String dossierId, String kind, String dispatchId, String sha256, String fileName,
                       String mediaType, long size, int pageCount, String numberSymbol, String documentDate,
                       String issuingOrgan, String documentType, String subject, int signaturesCount,
                       Verdict verdict, String reportSha256, String filedBy, OffsetDateTime filedAt) {}

    /** How many documents (a dispatch with its appendices is one) and pages a dossier holds. */
    public record Totals(int documents, int pages) {
        public static final Totals NONE = new Totals(0, 0);

        static Totals of(java.util.List<Item> items) {
            return new Totals(DossierXml.documentCount(items), items.stream().mapToInt(Item::pageCount).sum());
        }
    }

    /** One line of the dossier's history (who did what when). */
    public record Event(OffsetDateTime at, String userId, String action, String details) {}

    boolean isOpen() {
        return status == Status.OPEN;
    }
}

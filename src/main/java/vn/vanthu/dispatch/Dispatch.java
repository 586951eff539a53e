package vn.vanthu.dispatch;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An outgoing document (văn bản đi) from draft to issue: DRAFT (uploaded) → SIGNED (by the named official)
 * → ISSUED (numbered, dated and sealed by a clerk; its bytes never change again).
 *
 * <pre>{@code if (d.status() == Dispatch.Status.SIGNED) { … d.issued() == null … }}</pre>
 */
public record Dispatch(String id, Status status, DocumentType type, String subject, String signerPosition,
                       String signerName, String signerUserId, List<String> recipients, String draftingUnit,
                       String priority, boolean secret, String dueDate, int pageAmount, String fileName,
                       String currentSha256, String createdBy, OffsetDateTime createdAt, Issued issued) {

    public enum Status { DRAFT, SIGNED, ISSUED }

    /** This dispatch as issued with {@code i} and the given bytes. */
    public Dispatch issuedAs(Issued i, String sha256) {
        return new Dispatch(id, Status.ISSUED, type, subject, signerPosition, signerName, signerUserId, recipients,
                draftingUnit, priority, secret, dueDate, pageAmount, fileName, sha256, createdBy, createdAt, i);
    }

    /** The number, symbol and date a clerk gave it, and its unique identifier (mã định danh văn bản đi). */
    public record Issued(String series, int year, long value, String codeNumber, String codeNotation,
                         String issuedDate, OffsetDateTime issuedAt, String documentId) {
        public String number() {
            return codeNumber + "/" + codeNotation;
        }
    }

    /** One step of its history: who did what, when. */
    public record Event(OffsetDateTime at, String userId, String action, String details) {}

    /** An appendix in a separate file. */
    public record Attachment(String id, int ordinal, String fileName, String sha256) {}
}

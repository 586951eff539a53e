package vn.vanthu.digitization;

import java.time.OffsetDateTime;

/**
 * One paper document being (or having been) digitized: the clerk's metadata, its job, and once the job is done the
 * searchable PDF/A's address and the metadata read from page 1 (suggestions, never applied on their own).
 *
 * <pre>{@code Digitization d = service.get(id, user); if (d.resultSha256() != null) { … }}</pre>
 */
public record Digitization(String id, String jobId, PaperMetadata metadata, String resultSha256,
                           Suggestions suggestions, String createdBy, OffsetDateTime createdAt) {}

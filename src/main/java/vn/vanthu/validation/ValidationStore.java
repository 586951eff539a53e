package vn.vanthu.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Jdbi;
import vn.vanthu.store.Database;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every validation: the summary answered to the caller, who asked and when (table {@code validations}),
 * and the ETSI validation report XML (in the {@link DocumentStore}, integrity-checked on read).
 *
 * <pre>{@code store.save(outcome, user.id()); Optional<Stored> s = store.find(id);}</pre>
 */
public final class ValidationStore {
    /** One stored validation. {@code summary} is the report as answered (raw reports removed). */
    public record Stored(long seq, String id, OffsetDateTime requestedAt, String requestedBy, JsonNode summary,
                         String etsiReportSha256) {}

    /** A page of stored validations, newest first. */
    public record Page(List<Stored> items, Long nextCursor) {}

    private final Jdbi jdbi;
    private final DocumentStore documents;

    public ValidationStore(Database db, DocumentStore documents) {
        this.jdbi = db.jdbi();
        this.documents = documents;
    }

    public void save(ValidationService.Outcome outcome, String userId) {
        ValidationReport r = outcome.report().withReports(Map.of());
        String etsiSha = documents.put(new java.io.ByteArrayInputStream(outcome.etsiReport().getBytes(StandardCharsets.UTF_8)),
                "application/xml").sha256();
        byte[] summary;
        try {
            summary = Json.MAPPER.writeValueAsBytes(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO validations (id, requested_at, requested_by, document_name, "
                        + "document_sha256, policy, signatures_count, valid_signatures_count, summary, etsi_report_sha256) "
                        + "VALUES (:id, :at, :by, :name, :sha, :policy, :n, :valid, :summary, :etsi)")
                .bind("id", r.validationId()).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("by", userId)
                .bind("name", truncate(r.documentName(), 500)).bind("sha", r.documentSha256()).bind("policy", r.policy())
                .bind("n", r.signaturesCount()).bind("valid", r.validSignaturesCount())
                .bind("summary", summary).bind("etsi", etsiSha).execute());
    }

    public Optional<Stored> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    public Page list(int limit, Long cursor) {
        List<Stored> rows = jdbi.withHandle(h -> h.createQuery(SELECT
                        + (cursor == null ? "" : " WHERE seq < :cursor") + " ORDER BY seq DESC LIMIT :limit")
                .bind("cursor", cursor).bind("limit", limit + 1).map((rs, ctx) -> row(rs)).list());
        Long next = rows.size() > limit ? rows.get(limit - 1).seq() : null;
        return new Page(rows.subList(0, Math.min(limit, rows.size())), next);
    }

    /** The ETSI report XML, re-verified against its hash. */
    public String etsiReport(Stored s) {
        return new String(documents.readAllBytes(s.etsiReportSha256()), StandardCharsets.UTF_8);
    }

    private static final String SELECT = "SELECT seq, id, requested_at, requested_by, summary, etsi_report_sha256 FROM validations";

    private static Stored row(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonNode summary;
        try {
            summary = Json.MAPPER.readTree(rs.getBytes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                summary, rs.getString(6));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static ObjectNode withRequester(Stored s) {
        ObjectNode node = ((ObjectNode) s.summary().deepCopy());
        node.remove("reports");
        node.put("requestedBy", s.requestedBy());
        node.put("requestedAt", s.requestedAt().toString());
        return node;
    }
}

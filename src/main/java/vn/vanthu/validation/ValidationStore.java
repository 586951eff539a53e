package vn.vanthu.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Jdbi;
import vn.vanthu.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Hashes;
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
 * Keeps every validation in one row of {@code validations}: the summary answered to the caller, who asked and
 * when, and the ETSI validation report XML with its SHA-256 (re-checked on every read).
 *
 * <pre>{@code store.save(outcome, user.id()); Optional<Stored> s = store.find(id);}</pre>
 */
public final class ValidationStore {
    /** One stored validation. {@code summary} is the report as answered (raw reports removed). */
    public record Stored(long seq, String id, OffsetDateTime requestedAt, String requestedBy, JsonNode summary,
                         String etsiReportSha256) {}

    /** A page of stored validations, newest first. */
    public record Page(List<Stored> items, Long nextCursor) {}

    private static final Logger log = LoggerFactory.getLogger(ValidationStore.class);
    private final Jdbi jdbi;

    public ValidationStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public void save(ValidationService.Outcome outcome, String userId) {
        ValidationReport r = outcome.report().withReports(Map.of());
        String etsiSha = Hashes.sha256Hex(outcome.etsiReport());
        byte[] summary;
        try {
            summary = Json.MAPPER.writeValueAsBytes(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO validations (id, requested_at, requested_by, document_name, "
                        + "document_sha256, policy, signatures_count, valid_signatures_count, summary, etsi_report, etsi_report_sha256) "
                        + "VALUES (:id, :at, :by, :name, :sha, :policy, :n, :valid, :summary, :etsiXml, :etsi)")
                .bind("id", r.validationId()).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).bind("by", userId)
                .bind("name", truncate(r.documentName(), 500)).bind("sha", r.documentSha256()).bind("policy", r.policy())
                .bind("n", r.signaturesCount()).bind("valid", r.validSignaturesCount())
                .bind("summary", summary).bind("etsiXml", outcome.etsiReport()).bind("etsi", etsiSha).execute());
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

    /** The ETSI report XML, re-verified against its hash: a row whose report no longer matches is never served. */
    public String etsiReport(Stored s) {
        byte[] xml = jdbi.withHandle(h -> h.createQuery("SELECT etsi_report FROM validations WHERE id = :id")
                .bind("id", s.id()).mapTo(byte[].class).one());
        if (!Hashes.sha256Hex(xml).equals(s.etsiReportSha256())) {
            log.error("Stored ETSI report of validation {} fails its SHA-256 check", s.id());
            throw new ApiException(500, "STORED_REPORT_CORRUPTED",
                    "The stored report of validation " + s.id() + " failed its integrity check and was not served", null);
        }
        return new String(xml, StandardCharsets.UTF_8);
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

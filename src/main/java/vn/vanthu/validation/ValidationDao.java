package vn.vanthu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import vn.vanthu.store.Database;
import vn.vanthu.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Rows of {@code validations} (V4): one per validation, the list a single query whatever the page size. */
final class ValidationDao {
    private static final String SELECT = "SELECT seq, id, requested_at, requested_by, summary, etsi_report_sha256 FROM validations";

    private final Database db;

    ValidationDao(Database db) {
        this.db = db;
    }

    void insert(ValidationReport r, OffsetDateTime at, String userId, String documentName, byte[] summary,
                byte[] etsiReport, String etsiSha) {
        db.useTransaction(h -> h.createUpdate("INSERT INTO validations (id, requested_at, requested_by, document_name, "
                        + "document_sha256, policy, signatures_count, valid_signatures_count, summary, etsi_report, etsi_report_sha256) "
                        + "VALUES (:id, :at, :by, :name, :sha, :policy, :n, :valid, :summary, :etsiXml, :etsi)")
                .bind("id", r.validationId()).bind("at", at).bind("by", userId)
                .bind("name", documentName).bind("sha", r.documentSha256()).bind("policy", r.policy())
                .bind("n", r.signaturesCount()).bind("valid", r.validSignaturesCount())
                .bind("summary", summary).bind("etsiXml", etsiReport).bind("etsi", etsiSha).execute());
    }

    Optional<ValidationStore.Stored> find(String id) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    /** Up to {@code rows} validations older than {@code cursor} (all when null), newest first. */
    List<ValidationStore.Stored> list(int rows, Long cursor) {
        return db.withHandle(h -> h.createQuery(SELECT
                        + (cursor == null ? "" : " WHERE seq < :cursor") + " ORDER BY seq DESC LIMIT :limit")
                .bind("cursor", cursor).bind("limit", rows).map((rs, ctx) -> row(rs)).list());
    }

    byte[] etsiReport(String id) {
        return db.withHandle(h -> h.createQuery("SELECT etsi_report FROM validations WHERE id = :id")
                .bind("id", id).mapTo(byte[].class).one());
    }

    private static ValidationStore.Stored row(ResultSet rs) throws SQLException {
        JsonNode summary;
        try {
            summary = Json.MAPPER.readTree(rs.getBytes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ValidationStore.Stored(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                rs.getString(4), summary, rs.getString(6));
    }
}

package vn.vanthu.digitization;

import org.jdbi.v3.core.Jdbi;
import vn.vanthu.store.Database;
import vn.vanthu.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of the digitizations table (V30). The result is written once, with the suggestions. */
final class DigitizationDao {
    private static final String COLUMNS = "id, job_id, number_symbol, document_date, issuing_organ, document_type, "
            + "subject, paper_pages, result_sha256, suggestions, created_by, created_at";

    private final Jdbi jdbi;

    DigitizationDao(Database db) {
        this.jdbi = db.jdbi();
    }

    /** A finished OCR: the stored PDF/A and what page 1 suggests. */
    record Result(String sha256, Suggestions suggestions) {}

    /** Every digitization of one job, together or none. */
    void insert(List<Digitization> all) {
        jdbi.useTransaction(h -> {
            for (Digitization d : all) {
                PaperMetadata m = d.metadata();
                h.createUpdate("INSERT INTO digitizations (id, job_id, number_symbol, document_date, issuing_organ, "
                                + "document_type, subject, paper_pages, created_by, created_at) "
                                + "VALUES (:id, :job, :ns, :dd, :io, :dt, :s, :pp, :cb, :ca)")
                        .bind("id", d.id()).bind("job", d.jobId()).bind("ns", m.numberSymbol()).bind("dd", m.documentDate())
                        .bind("io", m.issuingOrgan()).bind("dt", m.documentType()).bind("s", m.subject())
                        .bind("pp", m.paperPages()).bind("cb", d.createdBy()).bind("ca", d.createdAt()).execute();
            }
        });
    }

    /** Records the results of a whole job at once. */
    void complete(Map<String, Result> results) {
        jdbi.useTransaction(h -> results.forEach((id, r) -> h.createUpdate("UPDATE digitizations SET "
                        + "result_sha256 = :sha, suggestions = :sg WHERE id = :id AND result_sha256 IS NULL")
                .bind("id", id).bind("sha", r.sha256()).bind("sg", write(r.suggestions())).execute()));
    }

    /** The clerk's metadata, replaced (after confirming suggestions). */
    void updateMetadata(String id, PaperMetadata m) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE digitizations SET number_symbol = :ns, document_date = :dd, "
                        + "issuing_organ = :io WHERE id = :id")
                .bind("id", id).bind("ns", m.numberSymbol()).bind("dd", m.documentDate()).bind("io", m.issuingOrgan())
                .execute());
    }

    Optional<Digitization> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM digitizations WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    private static Digitization row(ResultSet rs) throws SQLException {
        var m = new PaperMetadata(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8));
        String sg = rs.getString(10);
        return new Digitization(rs.getString(1), rs.getString(2), m, rs.getString(9),
                sg == null ? null : read(sg), rs.getString(11), rs.getObject(12, OffsetDateTime.class));
    }

    private static String write(Suggestions s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Suggestions read(String json) {
        try {
            return Json.MAPPER.readValue(json, Suggestions.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

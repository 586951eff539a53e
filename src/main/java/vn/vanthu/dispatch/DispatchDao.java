package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.RegisterCounts;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.web.Json;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Rows of the dispatch tables (V5, V8). Writes that change a dispatch's state check the state they expect, and
 * write the change's audit event in the same transaction.
 */
final class DispatchDao {
    private static final ObjectMapper JSON = Json.MAPPER;
    static final String COLUMNS = "id, status, document_type, subject, signer_position, signer_name, "
            + "signer_user_id, recipients, drafting_unit, priority, secret, due_date, page_amount, file_name, "
            + "current_sha256, created_by, created_at, series_kind, number_year, number_value, code_number, "
            + "code_notation, issued_date, issued_at, document_id";

    /** Where a preparation put the official's signature and found the blanks of page 1. */
    record Place(SignerBlock.Box box, NumberMarks.Anchors anchors) {}

    /** A sealed appendix: the attachment and its sealed bytes' SHA-256. */
    record SealedAttachment(String attachmentId, String sha256) {}

    private final Database db;
    private final Clock clock;

    DispatchDao(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    void insert(Dispatch d, AuditLog.Entry audit) {
        db.useTransaction(h -> {
            h.createUpdate("INSERT INTO dispatches (id, status, document_type, subject, signer_position, signer_name, "
                            + "signer_user_id, recipients, drafting_unit, priority, secret, due_date, page_amount, file_name, "
                            + "current_sha256, created_by, created_at) VALUES (:id, :st, :t, :s, :sp, :sn, :su, :r, :du, :p, "
                            + ":sec, :due, :pages, :fn, :sha, :cb, :ca)")
                    .bind("id", d.id()).bind("st", d.status().name()).bind("t", d.type().name()).bind("s", d.subject())
                    .bind("sp", d.signerPosition()).bind("sn", d.signerName()).bind("su", d.signerUserId())
                    .bind("r", json(d.recipients())).bind("du", d.draftingUnit()).bind("p", d.priority())
                    .bind("sec", d.secret()).bind("due", d.dueDate()).bind("pages", d.pageAmount())
                    .bind("fn", d.fileName()).bind("sha", d.currentSha256()).bind("cb", d.createdBy())
                    .bind("ca", d.createdAt()).execute();
            event(h, d.id(), d.createdBy(), "CREATED", d.fileName());
            AuditDao.append(h, audit);
        });
    }

    Optional<Dispatch> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dispatches WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    List<Dispatch> list(String status, Integer year, DispatchAccess.Filter seen, int limit, long offset) {
        // the rule of DispatchAccess#sees, so that a page holds only what the caller may see
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dispatches WHERE (created_by = :me "
                + "OR signer_user_id = :me OR ((status = 'ISSUED' OR :drafts) AND (secret = FALSE OR :secrets)))");
        if (status != null) {
            sql.append(" AND status = :st");
        }
        if (year != null) {
            sql.append(" AND created_at >= :from AND created_at < :to");
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT :lim OFFSET :off");
        return db.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("lim", limit).bind("off", offset).bind("me", seen.userId())
                    .bind("drafts", seen.drafts()).bind("secrets", seen.secrets());
            if (status != null) {
                q.bind("st", status);
            }
            if (year != null) {
                q.bind("from", VietnamTime.startOfYear(year)).bind("to", VietnamTime.startOfYear(year + 1));
            }
            return q.map((rs, ctx) -> row(rs)).list();
        });
    }

    /** The SIGNED dispatches the official signed before {@code cutoff}, oldest first (sending deadline passed). */
    List<Dispatch> signedBefore(OffsetDateTime cutoff, int limit, long offset) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dispatches WHERE status = 'SIGNED' "
                        + "AND signed_at < :cut ORDER BY signed_at, id LIMIT :lim OFFSET :off")
                .bind("cut", cutoff).bind("lim", limit).bind("off", offset).map((rs, ctx) -> row(rs)).list());
    }

    /** DRAFT → SIGNED with the signed bytes and where the marks go; false when it was no longer a draft. */
    boolean markSigned(String id, String sha, Place place, String userId, String details, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE dispatches SET status = 'SIGNED', current_sha256 = :sha, marks_known = TRUE, signed_at = :at, "
                            + PlaceColumns.SET + " WHERE id = :id AND status = 'DRAFT'")
                    .bind("sha", sha).bindMap(PlaceColumns.values(place.box(), place.anchors())).bind("id", id)
                    .bind("at", now()).execute();
            if (n == 1) {
                event(h, id, userId, "SIGNED", details);
                AuditDao.append(h, audit);
            }
            return n == 1;
        });
    }

    /**
     * SIGNED → ISSUED in one transaction with the number taken from its reservation, the sealed appendices and its
     * words in the register's search;
     * 409 (and nothing changes, the number included) when it was not SIGNED any more.
     */
    void issue(Dispatch d, String sha, String edxml, Dispatch.Issued i, NumberSeries.Reservation number,
               List<SealedAttachment> sealed, String userId, AuditLog.Entry audit) {
        String id = d.id();
        db.inTransaction(() -> NumberingDao.duplicateOrTaken(db, id, i), h -> {
            NumberSeriesDao.consume(h, number);
            NumberingDao.requireUnique(h, id, i);
            int n = h.createUpdate("UPDATE dispatches SET status = 'ISSUED', current_sha256 = :sha, edxml_sha256 = :x, "
                            + "series_kind = :k, number_year = :y, number_value = :v, code_number = :cn, code_notation = :cno, "
                            + "issued_date = :d, issued_at = :at, document_id = :doc WHERE id = :id AND status = 'SIGNED'")
                    .bind("sha", sha).bind("x", edxml).bind("k", i.series()).bind("y", i.year()).bind("v", i.value())
                    .bind("cn", i.codeNumber()).bind("cno", i.codeNotation()).bind("d", i.issuedDate())
                    .bind("at", i.issuedAt()).bind("doc", i.documentId()).bind("id", id).execute();
            if (n != 1) {
                throw ApiException.conflict("NOT_SIGNED", "The dispatch was issued meanwhile");
            }
            event(h, id, userId, "ISSUED", i.number());
            RegisterWords.write(h, i.series(), i.year(), i.value(), RegisterDao.words(d, i));
            RegisterCounts.add(h, i.series(), i.year());
            var update = h.prepareBatch("UPDATE dispatch_attachments SET sha256 = :s WHERE id = :id");
            sealed.forEach(a -> update.bind("s", a.sha256()).bind("id", a.attachmentId()).add());
            if (!sealed.isEmpty()) {
                update.execute();
            }
            AuditDao.append(h, audit);
            return null;
        });
    }

    /** Records a two-step preparation for this dispatch and where it places the signature and the marks. */
    void prepared(String id, String userId, String preparationId, Place place) {
        db.useTransaction(h -> {
            h.createUpdate("INSERT INTO dispatch_preparations (preparation_id, dispatch_id, " + PlaceColumns.BOX + ", "
                            + PlaceColumns.ANCHORS + ") VALUES (:p, :d, " + PlaceColumns.VALUES + ")")
                    .bind("p", preparationId).bind("d", id).bindMap(PlaceColumns.values(place.box(), place.anchors()))
                    .execute();
            event(h, id, userId, "SIGN_PREPARED", preparationId);
        });
    }

    /** The place of a preparation made for this dispatch, if it was. */
    Optional<Place> preparedPlace(String id, String preparationId) {
        return db.withHandle(h -> h.createQuery("SELECT " + PlaceColumns.BOX + ", " + PlaceColumns.ANCHORS
                        + " FROM dispatch_preparations WHERE dispatch_id = :id AND preparation_id = :p")
                .bind("id", id).bind("p", preparationId)
                .map((rs, ctx) -> new Place(PlaceColumns.box(rs), PlaceColumns.anchors(rs))).findOne());
    }

    /** Where the official's signature was drawn, once signed. */
    Optional<SignerBlock.Box> signatureBox(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + PlaceColumns.BOX + " FROM dispatches WHERE id = :id AND box_page IS NOT NULL")
                .bind("id", id).map((rs, ctx) -> PlaceColumns.box(rs)).findOne());
    }

    /** Where the number and date go on page 1, when they were worked out at signing. */
    Optional<NumberMarks.Anchors> markAnchors(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + PlaceColumns.ANCHORS + " FROM dispatches WHERE id = :id AND marks_known")
                .bind("id", id).map((rs, ctx) -> PlaceColumns.anchors(rs)).findOne());
    }

    /** The stored edXML message of an issued dispatch. */
    Optional<String> edxml(String id) {
        return db.withHandle(h -> h.createQuery("SELECT edxml_sha256 FROM dispatches WHERE id = :id AND edxml_sha256 IS NOT NULL")
                .bind("id", id).mapTo(String.class).findOne());
    }

    List<Dispatch.Event> history(String id) {
        return db.withHandle(h -> h.createQuery("SELECT at, user_id, action, details FROM dispatch_history "
                        + "WHERE dispatch_id = :id ORDER BY id")
                .bind("id", id).map((rs, ctx) -> new Dispatch.Event(utc(rs, "at"), rs.getString("user_id"),
                        rs.getString("action"), rs.getString("details"))).list());
    }

    void addAttachment(String dispatchId, Dispatch.Attachment a, String userId) {
        db.useTransaction(h -> {
            h.createUpdate("INSERT INTO dispatch_attachments (id, dispatch_id, ordinal, file_name, sha256, created_at) "
                            + "VALUES (:id, :d, :o, :f, :s, :t)")
                    .bind("id", a.id()).bind("d", dispatchId).bind("o", a.ordinal()).bind("f", a.fileName())
                    .bind("s", a.sha256()).bind("t", now()).execute();
            event(h, dispatchId, userId, "ATTACHED", a.fileName());
        });
    }

    List<Dispatch.Attachment> attachments(String dispatchId) {
        return db.withHandle(h -> h.createQuery("SELECT id, ordinal, file_name, sha256 FROM dispatch_attachments "
                        + "WHERE dispatch_id = :d ORDER BY ordinal")
                .bind("d", dispatchId).map((rs, ctx) -> new Dispatch.Attachment(rs.getString(1), rs.getInt(2),
                        rs.getString(3), rs.getString(4))).list());
    }

    /** A copy the agency made, by form and number ("01" of "01/SY-SKHCN"); the latest year's when numbers repeat. */
    Optional<Copies.Made> copyByNumber(String form, String codeNumber) {
        return db.withHandle(h -> h.createQuery("SELECT id, form, sha256 FROM dispatch_copies WHERE form = :f AND "
                        + "code_number = :c ORDER BY number_year DESC").bind("f", form).bind("c", codeNumber)
                .map((rs, ctx) -> new Copies.Made(rs.getString("id"), rs.getString("form"), rs.getString("sha256")))
                .findFirst());
    }

    /** Stores a copy under its number, taken from the reservation in the same transaction. */
    void insertCopy(Copies.Copy copy, String sourceId, NumberSeries.Reservation number, String userId) {
        db.inTransaction(DispatchDao::numberTaken, h -> {
            NumberSeriesDao.consume(h, number);
            h.createUpdate("INSERT INTO dispatch_copies (id, form, source_id, number_year, number_value, code_number, "
                            + "sha256, created_by, created_at) VALUES (:id, :f, :s, :y, :v, :c, :sha, :u, :t)")
                    .bind("id", copy.id()).bind("f", copy.form()).bind("s", sourceId).bind("y", number.year())
                    .bind("v", number.value()).bind("c", number.padded()).bind("sha", copy.sha256()).bind("u", userId)
                    .bind("t", now()).execute();
            if (sourceId != null && h.createQuery("SELECT COUNT(*) FROM dispatches WHERE id = :id").bind("id", sourceId)
                    .mapTo(Integer.class).one() > 0) {
                event(h, sourceId, userId, "COPIED", copy.form() + " " + copy.number());
            }
            return null;
        });
    }

    /** A number already held by another document (the unique number index refused it): nothing was stored. */
    private static ApiException numberTaken() {
        return ApiException.conflict("NUMBER_TAKEN", "The number is held by another document; issue again for a new one");
    }

    private void event(Handle h, String dispatchId, String userId, String action, String details) {
        h.createUpdate("INSERT INTO dispatch_history (dispatch_id, at, user_id, action, details) VALUES (:d, :at, :u, :a, :x)")
                .bind("d", dispatchId).bind("at", now()).bind("u", userId)
                .bind("a", action).bind("x", details).execute();
    }

    static Dispatch row(ResultSet rs) throws SQLException {
        Dispatch.Issued issued = null;
        if (rs.getString("code_number") != null) {
            issued = new Dispatch.Issued(rs.getString("series_kind"), rs.getInt("number_year"),
                    rs.getLong("number_value"), rs.getString("code_number"), rs.getString("code_notation"),
                    rs.getString("issued_date"), utc(rs, "issued_at"), rs.getString("document_id"));
        }
        return new Dispatch(rs.getString("id"), Dispatch.Status.valueOf(rs.getString("status")),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("subject"),
                rs.getString("signer_position"), rs.getString("signer_name"), rs.getString("signer_user_id"),
                list(rs.getString("recipients")), rs.getString("drafting_unit"), rs.getString("priority"),
                rs.getBoolean("secret"), rs.getString("due_date"), rs.getInt("page_amount"), rs.getString("file_name"),
                rs.getString("current_sha256"), rs.getString("created_by"), utc(rs, "created_at"), issued);
    }

    private static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

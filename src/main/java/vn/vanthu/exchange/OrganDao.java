package vn.vanthu.exchange;

import org.jdbi.v3.core.Handle;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.time.VietnamTime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Rows of {@code organs} (V80): the directory of partner organs; the partner's inbox token is read only to send. */
final class OrganDao {
    private static final String COLUMNS = "organ_id, name, inbox_url, certificate, anchor, "
            + "outbound_token IS NOT NULL AS has_token, partner_user_id, created_at, updated_at";

    private final Database db;

    OrganDao(Database db) {
        this.db = db;
    }

    void insert(OrganInput in, String partnerUserId, OffsetDateTime at, AuditLog.Entry audit) {
        db.inTransaction(() -> ApiException.conflict("ORGAN_EXISTS", "The directory holds organ " + in.organId() + " already"), h -> {
            h.createUpdate("INSERT INTO organs (organ_id, name, inbox_url, certificate, anchor, outbound_token, "
                            + "partner_user_id, created_at, updated_at) VALUES (:id, :n, :u, :c, :a, :t, :p, :at, :at)")
                    .bind("id", in.organId()).bind("n", in.name()).bind("u", in.inboxUrl()).bind("c", in.certificate())
                    .bind("a", in.anchor()).bind("t", in.inboxToken()).bind("p", partnerUserId)
                    .bind("at", at.withOffsetSameInstant(ZoneOffset.UTC)).execute();
            AuditDao.append(h, audit);
            return null;
        });
    }

    /** Replaces name, inbox, certificate and anchor; the token only when a new one is given. False: no such organ. */
    boolean update(String organId, OrganInput in, OffsetDateTime at, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("UPDATE organs SET name = :n, inbox_url = :u, certificate = :c, anchor = :a, "
                            + "outbound_token = COALESCE(:t, outbound_token), updated_at = :at WHERE organ_id = :id")
                    .bind("id", organId).bind("n", in.name()).bind("u", in.inboxUrl()).bind("c", in.certificate())
                    .bind("a", in.anchor()).bind("t", in.inboxToken())
                    .bind("at", at.withOffsetSameInstant(ZoneOffset.UTC)).execute();
            if (n == 1) {
                AuditDao.append(h, audit);
            }
            return n == 1;
        });
    }

    boolean delete(String organId, AuditLog.Entry audit) {
        return db.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM organs WHERE organ_id = :id").bind("id", organId).execute();
            if (n == 1) {
                AuditDao.append(h, audit);
            }
            return n == 1;
        });
    }

    Optional<Organ> find(String organId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM organs WHERE organ_id = :id")
                .bind("id", organId).map((rs, ctx) -> row(rs)).findOne());
    }

    /** The organ whose id is {@code recipient}, or whose name is it (ignoring case and surrounding spaces). */
    Optional<Organ> resolve(String recipient) {
        String r = recipient == null ? "" : recipient.strip();
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM organs WHERE organ_id = :r "
                        + "OR LOWER(name) = LOWER(:r) ORDER BY organ_id")
                .bind("r", r).map((rs, ctx) -> row(rs)).findFirst());
    }

    /**
     * The ids among {@code recipients} that are an organ's id, and the lower-cased names among them that are an
     * organ's name (ignoring case), as {@link #resolve} matches one: a single query for them all.
     */
    java.util.Set<String> held(java.util.Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> lower = recipients.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        java.util.Set<String> out = new java.util.HashSet<>();
        db.withHandle(h -> h.createQuery("SELECT organ_id, LOWER(name) AS n FROM organs WHERE organ_id IN (<ids>) "
                        + "OR LOWER(name) IN (<names>)").bindList("ids", List.copyOf(recipients)).bindList("names", lower)
                .map((rs, ctx) -> List.of(rs.getString("organ_id"), rs.getString("n"))).list())
                .forEach(pair -> {
                    if (recipients.contains(pair.get(0))) {
                        out.add(pair.get(0));
                    }
                    if (lower.contains(pair.get(1))) {
                        out.add(pair.get(1));
                    }
                });
        return out;
    }

    Optional<Organ> byPartnerUser(String userId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM organs WHERE partner_user_id = :u")
                .bind("u", userId).map((rs, ctx) -> row(rs)).findOne());
    }

    List<Organ> list() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM organs ORDER BY organ_id")
                .map((rs, ctx) -> row(rs)).list());
    }

    /** The bearer token the partner issued us for its inbox, to send with a delivery; empty when none is held. */
    Optional<String> inboxToken(String organId) {
        return db.withHandle(h -> inboxToken(h, organId));
    }

    private static Optional<String> inboxToken(Handle h, String organId) {
        return h.createQuery("SELECT outbound_token FROM organs WHERE organ_id = :id").bind("id", organId)
                .mapTo(String.class).findOne();
    }

    private static Organ row(ResultSet rs) throws SQLException {
        return new Organ(rs.getString("organ_id"), rs.getString("name"), rs.getString("inbox_url"),
                rs.getString("certificate"), rs.getString("anchor"), rs.getBoolean("has_token"),
                rs.getString("partner_user_id"), time(rs, "created_at"), time(rs, "updated_at"));
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }
}

package vn.vanthu.dossier;

import org.jdbi.v3.core.Handle;
import vn.vanthu.audit.AuditDao;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.store.Database;
import vn.vanthu.store.SqlStates;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of the catalogue tables (V7). A replacement is one transaction, serialised per year by the catalogues row,
 * with its audit event; a lock timeout or serialization failure is the 409 CONCURRENT_UPDATE ({@link SqlStates}).
 */
final class CatalogueDao {
    private final Database db;

    CatalogueDao(Database db) {
        this.db = db;
    }

    /**
     * Replaces the year's headings and rows and returns what is stored; nothing changes when it fails. Two
     * replacements of one year run one after the other (the later one wins), serialised by the catalogues row.
     */
    Catalogue replace(Catalogue c, String userId, OffsetDateTime at, AuditLog.Entry audit) {
        try {
            return db.inTransaction(h -> replace(h, c, userId, at, audit));
        } catch (FirstOfTheYear raced) {
            // Another request created the year's row meanwhile: it exists now, so this attempt takes its lock.
            return db.inTransaction(h -> replace(h, c, userId, at, audit));
        }
    }

    private static Catalogue replace(Handle h, Catalogue c, String userId, OffsetDateTime at, AuditLog.Entry audit) {
        lockOrCreate(h, c.year(), userId, at);
        h.createUpdate("DELETE FROM catalogue_rows WHERE catalogue_year = :y").bind("y", c.year()).execute();
        h.createUpdate("DELETE FROM catalogue_headings WHERE catalogue_year = :y").bind("y", c.year()).execute();
        var headings = h.prepareBatch("INSERT INTO catalogue_headings (catalogue_year, ordinal, numeral, title) "
                + "VALUES (:y, :o, :n, :t)");
        var rows = h.prepareBatch("INSERT INTO catalogue_rows (catalogue_year, heading_ordinal, ordinal, symbol, "
                + "title, retention, responsible_user_id, notes) VALUES (:y, :h, :o, :s, :t, :r, :u, :n)");
        for (int i = 0; i < c.headings().size(); i++) {
            Catalogue.Heading heading = c.headings().get(i);
            headings.bind("y", c.year()).bind("o", i).bind("n", heading.numeral()).bind("t", heading.title()).add();
            for (int j = 0; j < heading.rows().size(); j++) {
                Catalogue.Row r = heading.rows().get(j);
                rows.bind("y", c.year()).bind("h", i).bind("o", j).bind("s", r.symbol()).bind("t", r.title())
                        .bind("r", r.retention()).bind("u", r.responsibleUserId()).bind("n", r.notes()).add();
            }
        }
        headings.execute();
        if (!c.rows().isEmpty()) {
            rows.execute();
        }
        AuditDao.append(h, audit);
        return read(h, c.year()).orElseThrow();
    }

    /** Takes the year's row lock, inserting the row for the year's first catalogue. */
    private static void lockOrCreate(Handle h, int year, String userId, OffsetDateTime at) {
        int n = h.createUpdate("UPDATE catalogues SET updated_at = :at, updated_by = :u, revision = revision + 1 WHERE catalogue_year = :y")
                .bind("at", at).bind("u", userId).bind("y", year).execute();
        if (n == 1) {
            return;
        }
        try {
            h.createUpdate("INSERT INTO catalogues (catalogue_year, updated_at, updated_by) VALUES (:y, :at, :u)")
                    .bind("y", year).bind("at", at).bind("u", userId).execute();
        } catch (RuntimeException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new FirstOfTheYear();
            }
            throw e;
        }
    }

    /** Two first catalogues of one year at once: the one that lost the insert tries again. */
    private static final class FirstOfTheYear extends RuntimeException {
        FirstOfTheYear() {
            super(null, null, false, false);
        }
    }

    Optional<Catalogue> find(int year) {
        return db.withHandle(h -> read(h, year));
    }

    /** One row of the year's catalogue with its heading, by symbol. */
    Optional<CatalogueRow> row(int year, String symbol) {
        return db.withHandle(h -> h.createQuery("SELECT r.symbol, r.title, r.retention, r.responsible_user_id, "
                        + "r.notes, hd.numeral, hd.title AS heading_title FROM catalogue_rows r "
                        + "JOIN catalogue_headings hd ON hd.catalogue_year = r.catalogue_year AND hd.ordinal = r.heading_ordinal "
                        + "WHERE r.catalogue_year = :y AND r.symbol = :s")
                .bind("y", year).bind("s", symbol)
                .map((rs, ctx) -> new CatalogueRow(rs.getString("symbol"), rs.getString("title"),
                        rs.getString("retention"), rs.getString("responsible_user_id"), rs.getString("notes"),
                        new CatalogueRow.Heading(rs.getString("numeral"), rs.getString("heading_title"))))
                .findOne());
    }

    /** Those of these user ids that name a user. */
    Set<String> existingUsers(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.withHandle(h -> Set.copyOf(h.createQuery("SELECT id FROM users WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).mapTo(String.class).list()));
    }

    private static Optional<Catalogue> read(Handle h, int year) {
        Optional<Map.Entry<OffsetDateTime, String>> head = h.createQuery("SELECT updated_at, updated_by FROM catalogues "
                        + "WHERE catalogue_year = :y")
                .bind("y", year)
                .map((rs, ctx) -> Map.entry(rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by")))
                .findOne();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String[]> headings = new LinkedHashMap<>();
        h.createQuery("SELECT ordinal, numeral, title FROM catalogue_headings WHERE catalogue_year = :y ORDER BY ordinal")
                .bind("y", year)
                .map((rs, ctx) -> Map.entry(rs.getInt(1), new String[]{rs.getString(2), rs.getString(3)}))
                .forEach(e -> headings.put(e.getKey(), e.getValue()));
        Map<Integer, List<Catalogue.Row>> rows = new LinkedHashMap<>();
        h.createQuery("SELECT r.heading_ordinal, r.symbol, r.title, r.retention, r.responsible_user_id, u.display_name, "
                        + "r.notes FROM catalogue_rows r LEFT JOIN users u ON u.id = r.responsible_user_id "
                        + "WHERE r.catalogue_year = :y ORDER BY r.heading_ordinal, r.ordinal")
                .bind("y", year)
                .map((rs, ctx) -> Map.entry(rs.getInt(1), new Catalogue.Row(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))))
                .forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<Catalogue.Heading> out = new ArrayList<>();
        headings.forEach((ordinal, hd) -> out.add(new Catalogue.Heading(hd[0], hd[1], rows.getOrDefault(ordinal, List.of()))));
        OffsetDateTime at = head.get().getKey();
        return Optional.of(new Catalogue(year, out, at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC),
                head.get().getValue()));
    }
}

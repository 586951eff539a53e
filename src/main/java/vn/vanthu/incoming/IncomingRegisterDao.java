package vn.vanthu.incoming;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.store.Database;
import vn.vanthu.store.Like;

import java.util.List;
import java.util.function.Consumer;

/**
 * The incoming register read from the database: one register's documents of a year in number order, filtered in
 * SQL, one page ({@code LIMIT/OFFSET}, with a {@code COUNT} for the total) or streamed row by row. The lead
 * person's name comes in the same statement, so a page costs the same whoever handles its documents.
 *
 * <pre>{@code List<IncomingRegisterDao.Entry> page = dao.page(2026, "INCOMING", "ubnd", 200, 0);}</pre>
 */
final class IncomingRegisterDao {
    private static final int FETCH = 500;

    /** A registered document and the display name of its lead person (null when none or unknown). */
    record Entry(Incoming document, String leadName) {}

    private final Database db;

    IncomingRegisterDao(Database db) {
        this.db = db;
    }

    /** How many rows of the register match {@code needle} (lower-case words; blank: all). */
    long count(int year, String seriesKind, String needle) {
        return db.withHandle(h -> bind(h.createQuery("SELECT COUNT(*) FROM incoming" + where(needle)), year, seriesKind,
                needle).mapTo(Long.class).one());
    }

    /** One page of the matching rows in number order: one query whatever the volume. */
    List<Entry> page(int year, String seriesKind, String needle, int limit, long offset) {
        return db.withHandle(h -> select(h, year, seriesKind, needle, " LIMIT :lim OFFSET :off").bind("lim", limit)
                .bind("off", offset).map((rs, ctx) -> new Entry(IncomingRows.row(rs, List.of()), rs.getString("lead_name")))
                .list());
    }

    /** At most {@code max} matching rows in number order, handed over as the database returns them. */
    void each(int year, String seriesKind, int max, Consumer<Entry> each) {
        db.useTransaction(h -> {
            try (var rows = select(h, year, seriesKind, "", " LIMIT :lim").bind("lim", max).setFetchSize(FETCH)
                    .map((rs, ctx) -> new Entry(IncomingRows.row(rs, List.of()), rs.getString("lead_name"))).stream()) {
                rows.forEach(each);
            }
        });
    }

    /**
     * The page is cut in a derived table before each of its rows looks up its lead person's name: PostgreSQL would
     * otherwise run the lookup for every row an {@code OFFSET} skips too.
     */
    private static Query select(Handle h, int year, String seriesKind, String needle, String tail) {
        return bind(h.createQuery("SELECT r.*, (SELECT u.display_name FROM users u WHERE u.id = r.lead_user_id) AS lead_name "
                + "FROM (SELECT " + IncomingDao.COLUMNS + " FROM incoming" + where(needle)
                + " ORDER BY series_kind, number_year, incoming_number" + tail + ") r "
                + "ORDER BY r.series_kind, r.number_year, r.incoming_number"), year, seriesKind, needle);
    }

    /** The number and symbol, the type, the subject and the sending organ, as the page shows them. */
    private static String where(String needle) {
        String sql = " WHERE series_kind = :k AND number_year = :y";
        return needle.isEmpty() ? sql : sql + " AND (LOWER(number_symbol) LIKE :q" + Like.ESCAPE
                + " OR LOWER(document_type) LIKE :q" + Like.ESCAPE + " OR LOWER(subject) LIKE :q" + Like.ESCAPE
                + " OR LOWER(sending_organ) LIKE :q" + Like.ESCAPE + ")";
    }

    private static Query bind(Query q, int year, String seriesKind, String needle) {
        q.bind("y", year).bind("k", seriesKind);
        return needle.isEmpty() ? q : q.bind("q", Like.containing(needle));
    }
}

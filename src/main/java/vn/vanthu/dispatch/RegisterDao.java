package vn.vanthu.dispatch;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.store.Database;
import vn.vanthu.store.Like;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The outgoing register read from the database: the issued dispatches of a year in number order, filtered in SQL,
 * one page ({@code LIMIT/OFFSET}, with a {@code COUNT} for the total) or streamed row by row; never the whole year
 * in memory.
 *
 * <pre>{@code List<RegisterDao.Entry> page = dao.page(2026, "quyết định", 200, 0);}</pre>
 */
final class RegisterDao {
    private static final int FETCH = 500;

    /** An issued dispatch and when its official signed it (rows signed before V50 may lack it). */
    record Entry(Dispatch dispatch, OffsetDateTime signedAt) {}

    private final Database db;

    RegisterDao(Database db) {
        this.db = db;
    }

    /** How many rows the year's register has that match {@code needle} (blank: all). */
    long count(int year, String needle) {
        return db.withHandle(h -> bind(h.createQuery("SELECT COUNT(*) FROM dispatches" + where(needle)), year, needle)
                .mapTo(Long.class).one());
    }

    /** One page of the matching rows in number order: one query whatever the volume. */
    List<Entry> page(int year, String needle, int limit, long offset) {
        return db.withHandle(h -> select(h, year, needle, " LIMIT :lim OFFSET :off").bind("lim", limit)
                .bind("off", offset).map((rs, ctx) -> new Entry(DispatchDao.row(rs), signedAt(rs))).list());
    }

    /**
     * Every matching row in number order, at most {@code max}, handed to {@code each} as the database returns them
     * (fetched {@value #FETCH} at a time inside a read transaction, which PostgreSQL needs to use a cursor).
     */
    void each(int year, String needle, int max, Consumer<Entry> each) {
        db.useTransaction(h -> {
            try (var rows = select(h, year, needle, " LIMIT :lim").bind("lim", max).setFetchSize(FETCH)
                    .map((rs, ctx) -> new Entry(DispatchDao.row(rs), signedAt(rs))).stream()) {
                rows.forEach(each);
            }
        });
    }

    private static Query select(Handle h, int year, String needle, String tail) {
        return bind(h.createQuery("SELECT " + DispatchDao.COLUMNS + ", signed_at FROM dispatches" + where(needle)
                + " ORDER BY number_year, status, series_kind, number_value" + tail), year, needle);
    }

    /** The number (code/notation), the subject, the type's Vietnamese name and the recipients, as the page shows them. */
    private static String where(String needle) {
        String sql = " WHERE status = 'ISSUED' AND number_year = :y";
        if (needle.isEmpty()) {
            return sql;
        }
        String types = types(needle).isEmpty() ? "" : " OR document_type IN (<types>)";
        return sql + " AND (LOWER(code_number || '/' || code_notation) LIKE :q" + Like.ESCAPE
                + " OR LOWER(subject) LIKE :q" + Like.ESCAPE + " OR LOWER(recipients) LIKE :q" + Like.ESCAPE + types + ")";
    }

    private static Query bind(Query q, int year, String needle) {
        q.bind("y", year);
        if (!needle.isEmpty()) {
            q.bind("q", Like.containing(needle));
            List<String> types = types(needle);
            if (!types.isEmpty()) {
                q.bindList("types", types);
            }
        }
        return q;
    }

    /** The document types whose Vietnamese name contains the word (the register shows "Quyết định: …"). */
    private static List<String> types(String needle) {
        String n = needle.toLowerCase(Locale.ROOT);
        return Arrays.stream(DocumentType.values())
                .filter(t -> t.vietnameseName().toLowerCase(Locale.ROOT).contains(n)).map(Enum::name).toList();
    }

    private static OffsetDateTime signedAt(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject("signed_at", OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}

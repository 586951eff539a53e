package vn.vanthu.incoming;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import vn.vanthu.dispatch.SeriesKind;
import vn.vanthu.store.Database;
import vn.vanthu.store.RegisterCounts;
import vn.vanthu.store.RegisterSearches;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.store.SearchWords;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The incoming register read from the database: one register's documents of a year in number order, one page
 * ({@code LIMIT/OFFSET}, its total kept in {@link RegisterCounts}), the numbers a search finds in the word index
 * ({@link RegisterWords}) and then a page of their rows, or streamed row by row. The lead person's name comes in
 * the same statement, so a page costs the same whoever handles its documents.
 *
 * <pre>{@code List<IncomingRegisterDao.Entry> page = dao.page(2026, "INCOMING", 200, 0);}</pre>
 */
final class IncomingRegisterDao {
    private static final int FETCH = 500;
    private static final String WHERE = " WHERE series_kind = :k AND number_year = :y";

    /** A registered document and the display name of its lead person (null when none or unknown). */
    record Entry(Incoming document, String leadName) {}

    private final Database db;
    private final RegisterSearches searches = new RegisterSearches();

    IncomingRegisterDao(Database db) {
        this.db = db;
    }

    /** How many rows the year's register has ({@link RegisterCounts}). */
    long count(int year, String seriesKind) {
        return db.withHandle(h -> count(h, year, seriesKind));
    }

    private static long count(Handle h, int year, String seriesKind) {
        return RegisterCounts.of(h, List.of(seriesKind), year);
    }

    /**
     * One page of the year's rows in number order: the page's numbers read from the register's unique index (series,
     * year, number), so that an {@code OFFSET} skips index entries, not rows; then those rows. Two queries whatever
     * the volume.
     */
    List<Entry> page(int year, String seriesKind, int limit, long offset) {
        List<RegisterWords.Key> keys = db.withHandle(h -> h.createQuery("SELECT incoming_number FROM incoming" + WHERE
                        + " ORDER BY series_kind, number_year, incoming_number LIMIT :lim OFFSET :off").bind("y", year)
                .bind("k", seriesKind).bind("lim", limit).bind("off", offset)
                .map((rs, ctx) -> new RegisterWords.Key(seriesKind, rs.getLong(1))).list());
        return rows(year, seriesKind, keys);
    }

    /**
     * The numbers of the register's rows that hold every word of {@code needle} ({@link SearchWords}), in order; kept
     * while the register is unchanged, for the next pages ({@link RegisterSearches}).
     */
    List<RegisterWords.Key> search(int year, String seriesKind, String needle) {
        return db.withHandle(h -> searches.find(h, List.of(seriesKind), year, SearchWords.query(needle),
                count(h, year, seriesKind)));
    }

    /** The rows of these numbers of the register (a page of a search), in number order. */
    List<Entry> rows(int year, String seriesKind, List<RegisterWords.Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return db.withHandle(h -> h.createQuery("SELECT " + IncomingDao.COLUMNS + ", (SELECT u.display_name FROM users u "
                        + "WHERE u.id = incoming.lead_user_id) AS lead_name FROM incoming" + WHERE
                        + " AND incoming_number IN (<n>) ORDER BY incoming_number").bind("y", year).bind("k", seriesKind)
                .bindList("n", keys.stream().map(RegisterWords.Key::number).toList()).map(IncomingRegisterDao::entry).list());
    }

    /** At most {@code max} rows in number order, handed over as the database returns them. */
    void each(int year, String seriesKind, int max, Consumer<Entry> each) {
        db.useTransaction(h -> {
            try (var rows = select(h, year, seriesKind, " LIMIT :lim").bind("lim", max).setFetchSize(FETCH)
                    .map(IncomingRegisterDao::entry).stream()) {
                rows.forEach(each);
            }
        });
    }

    /** What the search finds of a registered document: its number and symbol, type, subject and sending organ. */
    static List<byte[]> words(Incoming.Metadata m) {
        return SearchWords.of(m.numberSymbol(), m.documentType(), m.subject(), m.sendingOrgan());
    }

    /** Writes the words of the registered documents after {@code afterId} (id order); the last id, null when none. */
    String backfill(Handle h, String afterId, int limit) {
        List<Incoming> batch = h.createQuery("SELECT " + IncomingDao.COLUMNS + " FROM incoming WHERE series_kind IS NOT NULL "
                + "AND id > :a ORDER BY id LIMIT :lim").bind("a", afterId).bind("lim", limit)
                .map((rs, ctx) -> IncomingRows.row(rs, List.of())).list();
        for (Incoming d : batch) {
            Incoming.Registration r = d.registration();
            RegisterWords.write(h, (r.secretRegister() ? SeriesKind.SECRET_IN : SeriesKind.INCOMING).name(), r.year(),
                    r.number(), words(d.metadata()));
        }
        return batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
    }

    private static Query select(Handle h, int year, String seriesKind, String tail) {
        return h.createQuery("SELECT " + IncomingDao.COLUMNS + ", (SELECT u.display_name FROM users u WHERE u.id = "
                + "incoming.lead_user_id) AS lead_name FROM incoming" + WHERE + " ORDER BY series_kind, number_year, "
                + "incoming_number" + tail).bind("y", year).bind("k", seriesKind);
    }

    private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Entry(IncomingRows.row(rs, List.of()), rs.getString("lead_name"));
    }
}

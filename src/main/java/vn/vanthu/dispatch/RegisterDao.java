package vn.vanthu.dispatch;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import vn.vanthu.store.Database;
import vn.vanthu.store.RegisterCounts;
import vn.vanthu.store.RegisterSearches;
import vn.vanthu.store.RegisterWords;
import vn.vanthu.store.SearchWords;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The outgoing register read from the database: the issued dispatches of a year in number order, one page
 * ({@code LIMIT/OFFSET}, its total kept in {@link RegisterCounts}), the numbers a search finds in the register's word
 * index ({@link RegisterWords}) and then a page of their rows, or streamed row by row; never the whole year in
 * memory.
 *
 * <pre>{@code List<RegisterDao.Entry> page = dao.page(2026, 200, 0);}</pre>
 */
final class RegisterDao {
    private static final int FETCH = 500;
    private static final String WHERE = " WHERE status = 'ISSUED' AND number_year = :y";
    private static final String ORDER = " ORDER BY number_year, status, series_kind, number_value";
    /** The series of issued dispatches, whose words the outgoing register's search reads. */
    private static final List<String> SERIES = List.of(SeriesKind.OUTGOING.name(), SeriesKind.SECRET.name(),
            SeriesKind.COPY.name());

    /** An issued dispatch and when its official signed it (rows signed before V50 may lack it). */
    record Entry(Dispatch dispatch, OffsetDateTime signedAt) {}

    private final Database db;
    private final RegisterSearches searches = new RegisterSearches();

    RegisterDao(Database db) {
        this.db = db;
    }

    /** How many rows the year's register has ({@link RegisterCounts}). */
    long count(int year) {
        return db.withHandle(h -> count(h, year));
    }

    private static long count(Handle h, int year) {
        return RegisterCounts.of(h, SERIES, year);
    }

    /**
     * One page of the year's rows in number order: the page's numbers read from the register's index (its columns
     * are the filter and the order), so that an {@code OFFSET} deep into the year skips index entries, not rows; then
     * those rows ({@link #rows}). A fixed number of queries whatever the volume.
     */
    List<Entry> page(int year, int limit, long offset) {
        return rows(year, db.withHandle(h -> h.createQuery("SELECT series_kind, number_value FROM dispatches" + WHERE
                        + ORDER + " LIMIT :lim OFFSET :off").bind("y", year).bind("lim", limit).bind("off", offset)
                .map((rs, ctx) -> new RegisterWords.Key(rs.getString(1), rs.getLong(2))).list()));
    }

    /**
     * The numbers of the year's rows that hold every word of {@code needle} ({@link SearchWords}), in number order;
     * kept while the register is unchanged, for the next pages ({@link RegisterSearches}).
     */
    List<RegisterWords.Key> search(int year, String needle) {
        return db.withHandle(h -> searches.find(h, SERIES, year, SearchWords.query(needle), count(h, year)));
    }

    /** The rows of these numbers of the year (a page of a search), in number order: a query per series. */
    List<Entry> rows(int year, List<RegisterWords.Key> keys) {
        Map<String, List<Long>> bySeries = new LinkedHashMap<>();
        keys.forEach(k -> bySeries.computeIfAbsent(k.series(), s -> new ArrayList<>()).add(k.number()));
        return db.withHandle(h -> {
            List<Entry> out = new ArrayList<>();
            bySeries.forEach((series, numbers) -> out.addAll(h.createQuery("SELECT " + DispatchDao.COLUMNS
                            + ", signed_at FROM dispatches" + WHERE + " AND series_kind = :k AND number_value IN (<n>) "
                            + "ORDER BY number_value").bind("y", year).bind("k", series).bindList("n", numbers)
                    .map((rs, ctx) -> new Entry(DispatchDao.row(rs), signedAt(rs))).list()));
            return out;
        });
    }

    /**
     * Every row of the year in number order, at most {@code max}, handed to {@code each} as the database returns them
     * (fetched {@value #FETCH} at a time inside a read transaction, which PostgreSQL needs to use a cursor).
     */
    void each(int year, int max, Consumer<Entry> each) {
        db.useTransaction(h -> {
            try (var rows = select(h, year, " LIMIT :lim").bind("lim", max).setFetchSize(FETCH)
                    .map((rs, ctx) -> new Entry(DispatchDao.row(rs), signedAt(rs))).stream()) {
                rows.forEach(each);
            }
        });
    }

    /**
     * What the search finds of an issued dispatch: its number (code/notation), its type's Vietnamese name (the
     * register shows "Quyết định: …"), its subject and its recipients. Written in the transaction that issues it.
     */
    static List<byte[]> words(Dispatch d, Dispatch.Issued i) {
        List<String> texts = new ArrayList<>(List.of(i.number(), d.type().vietnameseName(), d.subject()));
        texts.addAll(d.recipients());
        return SearchWords.of(texts.toArray(String[]::new));
    }

    /** Writes the words of the issued dispatches after {@code afterId} (id order); the last id, null when none. */
    String backfill(Handle h, String afterId, int limit) {
        List<Dispatch> batch = h.createQuery("SELECT " + DispatchDao.COLUMNS + " FROM dispatches WHERE status = 'ISSUED' "
                + "AND id > :a ORDER BY id LIMIT :lim").bind("a", afterId).bind("lim", limit)
                .map((rs, ctx) -> DispatchDao.row(rs)).list();
        for (Dispatch d : batch) {
            Dispatch.Issued i = d.issued();
            RegisterWords.write(h, i.series(), i.year(), i.value(), words(d, i));
        }
        return batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
    }

    private static Query select(Handle h, int year, String tail) {
        return h.createQuery("SELECT " + DispatchDao.COLUMNS + ", signed_at FROM dispatches" + WHERE + ORDER + tail)
                .bind("y", year);
    }

    private static OffsetDateTime signedAt(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject("signed_at", OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}

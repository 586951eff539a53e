package vn.vanthu.figures;

import org.jdbi.v3.core.Handle;
import vn.vanthu.store.Database;
import vn.vanthu.time.VietnamTime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The grouped queries behind the figures: always the same seven statements, whatever the number of records, each
 * answering at most one row per day (and unit, or the few columns the figure needs), never one row per document.
 * A day is the Vietnam date of a timestamp, read AT TIME ZONE {@link VietnamTime#ZONE} ({@link Days}); in Java it
 * is a key {@code yyyyddd} (year × 1000 + day of the year), which orders like the dates.
 *
 * <p>What keeps a year of a large department fast (docs/performance.md): the incoming query reads only an index
 * that holds every column it needs (V175), the deliveries of the dispatches are counted once per dispatch in a
 * grouped join instead of a subquery per dispatch, and PostgreSQL groups by DATE values, which cost it less than half
 * of the year × 1000 + day arithmetic (its EXTRACT answers NUMERIC).
 *
 * <pre>{@code FiguresDao.Records r = dao.read(from, to, today);   // seven queries, one handle}</pre>
 */
final class FiguresDao {
    /** The queries a call runs, whatever the volume: the figure the benchmark and the tests check. */
    static final int QUERY_COUNT = 7;

    private final Database db;
    private final Days days;

    FiguresDao(Database db) {
        this.db = db;
        this.days = new Days(db.isPostgres());
    }

    /**
     * The Vietnam day of a column as each database computes it best. PostgreSQL: {@code CAST(t AT TIME ZONE 'Asia/…'
     * AS DATE)} (a timestamp without zone there, so the cast is exact), DATE columns as they are, read back as dates.
     * H2 casts to DATE in the session's zone instead, so there the day is the key {@code EXTRACT} of YEAR and DOY
     * from the timestamp AT TIME ZONE, which H2 reads as the local time there, and DATE columns become keys too.
     */
    record Days(boolean postgres) {
        /** The day of a TIMESTAMP WITH TIME ZONE column. */
        String of(String column) {
            String local = column + " AT TIME ZONE '" + VietnamTime.ZONE.getId() + "'";
            return postgres ? "CAST(" + local + " AS DATE)"
                    : "CAST(EXTRACT(YEAR FROM " + local + ") * 1000 + EXTRACT(DOY FROM " + local + ") AS INT)";
        }

        /** The day of a DATE column, comparable with {@link #of}. */
        String ofDate(String column) {
            return postgres ? column : "CAST(EXTRACT(YEAR FROM " + column + ") * 1000 + EXTRACT(DOY FROM " + column + ") AS INT)";
        }

        /** A date bound as a parameter, comparable with {@link #of}. */
        Object bind(LocalDate d) {
            return postgres ? d : key(d);
        }

        /** The day key of a column {@link #of} or {@link #ofDate} answered; null for SQL NULL. */
        Long read(ResultSet rs, String column) throws SQLException {
            if (postgres) {
                LocalDate d = rs.getObject(column, LocalDate.class);
                return d == null ? null : key(d);
            }
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }
    }

    /** The day key of a date. */
    static long key(LocalDate d) {
        return d.getYear() * 1000L + d.getDayOfYear();
    }

    /** The date of a day key. */
    static LocalDate date(long key) {
        return LocalDate.ofYearDay((int) (key / 1000), (int) (key % 1000));
    }

    /** recipients: named on the dispatches; reached: deliveries a partner organ acknowledged through the exchange. */
    record Outgoing(String unit, long issuedDay, Long signedDay, long count, long signed, long recipients,
                    long reached) {}

    /**
     * The number of recipients in a dispatch's compact JSON array of names: separators {@code ","} plus one (a
     * quote inside a name is escaped, so the three characters stand only between two names).
     */
    private static final String RECIPIENTS = "CASE WHEN recipients = '[]' THEN 0 ELSE (LENGTH(recipients) - "
            + "LENGTH(REPLACE(recipients, '\",\"', ''))) / 3 + 1 END";

    /** receivedDay and directedDay: null unless of normal urgency and directed. */
    record Incoming(String unit, long registeredDay, Long receivedDay, Long directedDay, long count, long electronic,
                    long urgentAtOnce, long handled, long handledByDeadline, long late, long open, long overdue) {}

    record Opened(long day, long count, long inCatalogue) {}

    record Closed(long day, long count, long sealed) {}

    record Submitted(long day, String category, String endDate, long count) {}

    record Digitized(long day, long documents, long pages) {}

    record Validated(long day, long count, long passed, long notPassed, long unsigned) {}

    /** What the seven queries answered for [from, to). */
    record Records(List<Outgoing> outgoing, List<Incoming> incoming, List<Opened> opened, List<Closed> closed, List<Submitted> submitted, List<Digitized> digitized,
                   List<Validated> validated) {}

    Records read(OffsetDateTime from, OffsetDateTime to, LocalDate today) {
        return db.withHandle(h -> new Records(outgoing(h, from, to), incoming(h, from, to, today), opened(h, from, to),
                closed(h, from, to), submitted(h, from, to), digitized(h, from, to), validated(h, from, to)));
    }

    /**
     * Days computed once per row in a derived table, then grouped (H2 would otherwise compute them twice); the
     * deliveries a partner acknowledged, counted per dispatch from the outbox's index (V175) and joined.
     */
    private List<Outgoing> outgoing(Handle h, OffsetDateTime from, OffsetDateTime to) {
        return h.createQuery("SELECT unit, issued_day, signed_day, COUNT(*) AS n, "
                        + "SUM(CASE WHEN signed_day IS NOT NULL THEN 1 ELSE 0 END) AS signed, SUM(rcp) AS rcp, "
                        + "SUM(reached) AS reached FROM (SELECT drafting_unit AS unit, "
                        + days.of("issued_at") + " AS issued_day, " + days.of("signed_at") + " AS signed_day, "
                        + RECIPIENTS + " AS rcp, COALESCE(o.reached, 0) AS reached FROM dispatches d "
                        + "LEFT JOIN (SELECT dispatch_id, COUNT(*) AS reached FROM exchange_outbox WHERE kind = 'DOCUMENT' "
                        + "AND delivered_at IS NOT NULL GROUP BY dispatch_id) o ON o.dispatch_id = d.id "
                        + "WHERE status = 'ISSUED' AND issued_at >= :from AND issued_at < :to) x "
                        + "GROUP BY unit, issued_day, signed_day")
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Outgoing(rs.getString("unit"), days.read(rs, "issued_day"), days.read(rs, "signed_day"),
                        rs.getLong("n"), rs.getLong("signed"), rs.getLong("rcp"), rs.getLong("reached")))
                .list();
    }

    /**
     * Incoming documents by lead unit and day of registration; for those of normal urgency already directed, also
     * by the days of arrival and of direction (the working-day check of Art. 23 is the service's).
     */
    private List<Incoming> incoming(Handle h, OffsetDateTime from, OffsetDateTime to, LocalDate today) {
        String normalDirected = "urgency = 'NORMAL' AND directed_at IS NOT NULL";
        String open = "status IN ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS')";
        return h.createQuery("SELECT unit, registered_day, received_day, directed_day, COUNT(*) AS n, "
                        + "SUM(CASE WHEN origin IN ('EXCHANGE', 'UPLOAD') THEN 1 ELSE 0 END) AS electronic, "
                        + "SUM(at_once) AS at_once, "
                        + "SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END) AS handled, "
                        + "SUM(CASE WHEN status = 'DONE' AND (deadline_day IS NULL OR completed_day <= deadline_day) "
                        + "THEN 1 ELSE 0 END) AS by_deadline, "
                        + "SUM(CASE WHEN status = 'DONE' AND completed_day > deadline_day THEN 1 ELSE 0 END) AS late, "
                        + "SUM(CASE WHEN " + open + " THEN 1 ELSE 0 END) AS still_open, "
                        + "SUM(CASE WHEN " + open + " AND deadline_day < :today THEN 1 ELSE 0 END) AS overdue "
                        + "FROM (SELECT lead_unit AS unit, status, origin, " + days.of("registered_at") + " AS registered_day, "
                        + "CASE WHEN " + normalDirected + " THEN " + days.of("received_at") + " END AS received_day, "
                        + "CASE WHEN " + normalDirected + " THEN " + days.of("directed_at") + " END AS directed_day, "
                        + "CASE WHEN urgency <> 'NORMAL' AND directed_at <= received_at + INTERVAL '"
                        + FiguresService.AT_ONCE.toMinutes() + "' MINUTE THEN 1 ELSE 0 END AS at_once, "
                        + days.of("completed_at") + " AS completed_day, " + days.ofDate("deadline") + " AS deadline_day "
                        + "FROM incoming WHERE registered_at >= :from AND registered_at < :to) x "
                        + "GROUP BY unit, registered_day, received_day, directed_day")
                .bind("from", from).bind("to", to).bind("today", days.bind(today))
                .map((rs, c) -> new Incoming(rs.getString("unit"), days.read(rs, "registered_day"),
                        days.read(rs, "received_day"), days.read(rs, "directed_day"), rs.getLong("n"),
                        rs.getLong("electronic"), rs.getLong("at_once"), rs.getLong("handled"),
                        rs.getLong("by_deadline"), rs.getLong("late"), rs.getLong("still_open"), rs.getLong("overdue")))
                .list();
    }

    /** Dossiers opened, and how many of them are rows of their year's catalogue (one row per year and symbol). */
    private List<Opened> opened(Handle h, OffsetDateTime from, OffsetDateTime to) {
        return perDay(h, from, to, "d.created_at", "COUNT(*) AS n, SUM(CASE WHEN c.symbol IS NOT NULL THEN 1 ELSE 0 END) "
                        + "AS in_catalogue FROM dossiers d LEFT JOIN catalogue_rows c "
                        + "ON c.catalogue_year = d.dossier_year AND c.symbol = d.symbol WHERE", "",
                (rs, day) -> new Opened(day, rs.getLong("n"), rs.getLong("in_catalogue")));
    }

    private List<Closed> closed(Handle h, OffsetDateTime from, OffsetDateTime to) {
        return perDay(h, from, to, "closed_at", "COUNT(*) AS n, "
                        + "SUM(CASE WHEN seal_sha256 IS NOT NULL THEN 1 ELSE 0 END) AS sealed FROM dossiers WHERE", "",
                (rs, day) -> new Closed(day, rs.getLong("n"), rs.getLong("sealed")));
    }

    /** Dossiers submitted to the archive, with what their deadline depends on (category, end date). */
    private List<Submitted> submitted(Handle h, OffsetDateTime from, OffsetDateTime to) {
        return perDay(h, from, to, "submitted_at", "category, end_date, COUNT(*) AS n FROM dossiers WHERE",
                ", category, end_date",
                (rs, day) -> new Submitted(day, rs.getString("category"), rs.getString("end_date"), rs.getLong("n")));
    }

    /** Digitizations whose searchable PDF/A exists (their job is DONE): documents and paper pages. */
    private List<Digitized> digitized(Handle h, OffsetDateTime from, OffsetDateTime to) {
        return perDay(h, from, to, "created_at",
                "COUNT(*) AS n, SUM(paper_pages) AS pages FROM digitizations WHERE result_sha256 IS NOT NULL AND", "",
                (rs, day) -> new Digitized(day, rs.getLong("n"), rs.getLong("pages")));
    }

    /** Validations run: every signature passed, not every one passed, or no signature at all. */
    private List<Validated> validated(Handle h, OffsetDateTime from, OffsetDateTime to) {
        return perDay(h, from, to, "requested_at", "COUNT(*) AS n, "
                        + "SUM(CASE WHEN signatures_count > 0 AND valid_signatures_count = signatures_count THEN 1 ELSE 0 END) AS passed, "
                        + "SUM(CASE WHEN valid_signatures_count < signatures_count THEN 1 ELSE 0 END) AS not_passed, "
                        + "SUM(CASE WHEN signatures_count = 0 THEN 1 ELSE 0 END) AS unsigned FROM validations WHERE", "",
                (rs, day) -> new Validated(day, rs.getLong("n"), rs.getLong("passed"), rs.getLong("not_passed"),
                        rs.getLong("unsigned")));
    }

    /** One row of a {@link #perDay} query, given its day key. */
    private interface DayRow<T> {
        T map(ResultSet rs, long day) throws SQLException;
    }

    /**
     * {@code SELECT day, <what> <column> in [from, to) GROUP BY day<groupAlso>}, where day is the Vietnam day of
     * {@code column} and {@code what} ends with the FROM clause and WHERE (or a condition and AND).
     */
    private <T> List<T> perDay(Handle h, OffsetDateTime from, OffsetDateTime to, String column, String what,
                               String groupAlso, DayRow<T> row) {
        String day = days.of(column);
        return h.createQuery("SELECT " + day + " AS day_no, " + what + " " + column + " >= :from AND " + column
                        + " < :to GROUP BY " + day + groupAlso)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> row.map(rs, days.read(rs, "day_no")))
                .list();
    }
}

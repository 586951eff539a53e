package vn.vanthu.figures;

import org.jdbi.v3.core.Handle;
import vn.vanthu.store.Database;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The grouped queries behind the figures: always the same eight statements, whatever the number of records, each
 * answering at most one row per day (and unit, or the few columns the figure needs), never one row per document.
 * Days are Vietnam days counted from 1970-01-01: the epoch seconds of a timestamp plus seven hours (Vietnam keeps
 * +07:00 all year), divided by a day; a DATE column's epoch is its own midnight. The same SQL runs on H2 and
 * PostgreSQL (EXTRACT(EPOCH …) on both; AT TIME ZONE differs between them).
 *
 * <pre>{@code FiguresDao.Records r = dao.read(from, to, today);   // eight queries, one handle}</pre>
 */
final class FiguresDao {
    /** The queries a call runs, whatever the volume: the figure the benchmark and the tests check. */
    static final int QUERY_COUNT = 8;

    private final Database db;

    FiguresDao(Database db) {
        this.db = db;
    }

    /** A Vietnam day number (days since 1970-01-01) of a TIMESTAMP WITH TIME ZONE column. */
    static String day(String column) {
        return "CAST(FLOOR((EXTRACT(EPOCH FROM " + column + ") + 25200) / 86400) AS INT)";
    }

    /** The day number of a DATE column. */
    static String dateDay(String column) {
        return "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / 86400) AS INT)";
    }

    record Outgoing(String unit, long issuedDay, Long signedDay, long count, long signed) {}

    record Incoming(String unit, long registeredDay, long count, long electronic, long urgentAtOnce, long handled,
                    long handledByDeadline, long late, long open, long overdue) {}

    record Submission(String unit, long registeredDay, long receivedDay, long directedDay, long count) {}

    record Opened(long day, long count, long inCatalogue) {}

    record Closed(long day, long count, long sealed) {}

    record Submitted(long day, String category, String endDate, long count) {}

    record Digitized(long day, long documents, long pages) {}

    record Validated(long day, long count, long passed, long notPassed, long unsigned) {}

    /** What the eight queries answered for [from, to). */
    record Records(List<Outgoing> outgoing, List<Incoming> incoming, List<Submission> submissions,
                   List<Opened> opened, List<Closed> closed, List<Submitted> submitted, List<Digitized> digitized,
                   List<Validated> validated) {}

    Records read(OffsetDateTime from, OffsetDateTime to, LocalDate today) {
        return db.withHandle(h -> new Records(outgoing(h, from, to), incoming(h, from, to, today),
                submissions(h, from, to), opened(h, from, to), closed(h, from, to), submitted(h, from, to),
                digitized(h, from, to), validated(h, from, to)));
    }

    private static List<Outgoing> outgoing(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String issued = day("issued_at");
        String signed = day("signed_at");
        return h.createQuery("SELECT drafting_unit, " + issued + " AS issued_day, " + signed + " AS signed_day, "
                        + "COUNT(*) AS n, SUM(CASE WHEN signed_at IS NOT NULL THEN 1 ELSE 0 END) AS signed "
                        + "FROM dispatches WHERE status = 'ISSUED' AND issued_at >= :from AND issued_at < :to "
                        + "GROUP BY drafting_unit, " + issued + ", " + signed)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Outgoing(rs.getString("drafting_unit"), rs.getLong("issued_day"),
                        rs.getObject("signed_day") == null ? null : rs.getLong("signed_day"),
                        rs.getLong("n"), rs.getLong("signed")))
                .list();
    }

    private static List<Incoming> incoming(Handle h, OffsetDateTime from, OffsetDateTime to, LocalDate today) {
        String registered = day("registered_at");
        String completed = day("completed_at");
        String deadline = dateDay("deadline");
        String open = "status IN ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS')";
        return h.createQuery("SELECT lead_unit, " + registered + " AS registered_day, COUNT(*) AS n, "
                        + "SUM(CASE WHEN origin IN ('EXCHANGE', 'UPLOAD') THEN 1 ELSE 0 END) AS electronic, "
                        + "SUM(CASE WHEN urgency <> 'NORMAL' AND directed_at IS NOT NULL AND "
                        + "EXTRACT(EPOCH FROM directed_at) - EXTRACT(EPOCH FROM received_at) <= :atOnce THEN 1 ELSE 0 END) AS at_once, "
                        + "SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END) AS handled, "
                        + "SUM(CASE WHEN status = 'DONE' AND (deadline IS NULL OR " + completed + " <= " + deadline
                        + ") THEN 1 ELSE 0 END) AS by_deadline, "
                        + "SUM(CASE WHEN status = 'DONE' AND deadline IS NOT NULL AND " + completed + " > " + deadline
                        + " THEN 1 ELSE 0 END) AS late, "
                        + "SUM(CASE WHEN " + open + " THEN 1 ELSE 0 END) AS still_open, "
                        + "SUM(CASE WHEN " + open + " AND deadline IS NOT NULL AND " + deadline
                        + " < :today THEN 1 ELSE 0 END) AS overdue "
                        + "FROM incoming WHERE registered_at >= :from AND registered_at < :to "
                        + "GROUP BY lead_unit, " + registered)
                .bind("from", from).bind("to", to).bind("today", today.toEpochDay())
                .bind("atOnce", FiguresService.AT_ONCE.toSeconds())
                .map((rs, c) -> new Incoming(rs.getString("lead_unit"), rs.getLong("registered_day"), rs.getLong("n"),
                        rs.getLong("electronic"), rs.getLong("at_once"), rs.getLong("handled"),
                        rs.getLong("by_deadline"), rs.getLong("late"), rs.getLong("still_open"), rs.getLong("overdue")))
                .list();
    }

    /** Documents of normal urgency submitted to the person who directs: by day of arrival and of direction. */
    private static List<Submission> submissions(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String registered = day("registered_at");
        String received = day("received_at");
        String directed = day("directed_at");
        return h.createQuery("SELECT lead_unit, " + registered + " AS registered_day, " + received + " AS received_day, "
                        + directed + " AS directed_day, COUNT(*) AS n FROM incoming "
                        + "WHERE urgency = 'NORMAL' AND directed_at IS NOT NULL AND registered_at >= :from AND registered_at < :to "
                        + "GROUP BY lead_unit, " + registered + ", " + received + ", " + directed)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Submission(rs.getString("lead_unit"), rs.getLong("registered_day"),
                        rs.getLong("received_day"), rs.getLong("directed_day"), rs.getLong("n")))
                .list();
    }

    /** Dossiers opened, and how many of them are rows of their year's catalogue (one row per year and symbol). */
    private static List<Opened> opened(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String opened = day("d.created_at");
        return h.createQuery("SELECT " + opened + " AS day_no, COUNT(*) AS n, "
                        + "SUM(CASE WHEN c.symbol IS NOT NULL THEN 1 ELSE 0 END) AS in_catalogue FROM dossiers d "
                        + "LEFT JOIN catalogue_rows c ON c.catalogue_year = d.dossier_year AND c.symbol = d.symbol "
                        + "WHERE d.created_at >= :from AND d.created_at < :to GROUP BY " + opened)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Opened(rs.getLong("day_no"), rs.getLong("n"), rs.getLong("in_catalogue")))
                .list();
    }

    private static List<Closed> closed(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String closed = day("closed_at");
        return h.createQuery("SELECT " + closed + " AS day_no, COUNT(*) AS n, "
                        + "SUM(CASE WHEN seal_sha256 IS NOT NULL THEN 1 ELSE 0 END) AS sealed FROM dossiers "
                        + "WHERE closed_at >= :from AND closed_at < :to GROUP BY " + closed)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Closed(rs.getLong("day_no"), rs.getLong("n"), rs.getLong("sealed")))
                .list();
    }

    /** Dossiers submitted to the archive, with what their deadline depends on (category, end date). */
    private static List<Submitted> submitted(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String submitted = day("submitted_at");
        return h.createQuery("SELECT " + submitted + " AS day_no, category, end_date, COUNT(*) AS n FROM dossiers "
                        + "WHERE submitted_at >= :from AND submitted_at < :to GROUP BY " + submitted + ", category, end_date")
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Submitted(rs.getLong("day_no"), rs.getString("category"), rs.getString("end_date"),
                        rs.getLong("n")))
                .list();
    }

    /** Digitizations whose searchable PDF/A exists (their job is DONE): documents and paper pages. */
    private static List<Digitized> digitized(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String created = day("created_at");
        return h.createQuery("SELECT " + created + " AS day_no, COUNT(*) AS n, SUM(paper_pages) AS pages FROM digitizations "
                        + "WHERE result_sha256 IS NOT NULL AND created_at >= :from AND created_at < :to GROUP BY " + created)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Digitized(rs.getLong("day_no"), rs.getLong("n"), rs.getLong("pages")))
                .list();
    }

    /** Validations run: every signature passed, not every one passed, or no signature at all. */
    private static List<Validated> validated(Handle h, OffsetDateTime from, OffsetDateTime to) {
        String requested = day("requested_at");
        return h.createQuery("SELECT " + requested + " AS day_no, COUNT(*) AS n, "
                        + "SUM(CASE WHEN signatures_count > 0 AND valid_signatures_count = signatures_count THEN 1 ELSE 0 END) AS passed, "
                        + "SUM(CASE WHEN valid_signatures_count < signatures_count THEN 1 ELSE 0 END) AS not_passed, "
                        + "SUM(CASE WHEN signatures_count = 0 THEN 1 ELSE 0 END) AS unsigned FROM validations "
                        + "WHERE requested_at >= :from AND requested_at < :to GROUP BY " + requested)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Validated(rs.getLong("day_no"), rs.getLong("n"), rs.getLong("passed"),
                        rs.getLong("not_passed"), rs.getLong("unsigned")))
                .list();
    }
}

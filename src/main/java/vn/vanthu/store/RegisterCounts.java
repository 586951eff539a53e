package vn.vanthu.store;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.List;

/**
 * How many documents each register (series and year) holds (V178), counted up in the transaction that issues or
 * registers a document, so that a register's total is one row read instead of a count of the year's rows. A register
 * only grows: a document once issued or registered keeps its number and its place.
 *
 * <pre>{@code
 * RegisterCounts.add(h, "INCOMING", 2026);                        // inside the registering transaction
 * long total = RegisterCounts.of(h, List.of("INCOMING"), 2026);
 * }</pre>
 */
public final class RegisterCounts {
    private RegisterCounts() {}

    /** One more document in the register of {@code series} and {@code year}. */
    public static void add(Handle h, String series, int year) {
        if (increment(h, series, year) == 1) {
            return;
        }
        h.savepoint("register_count");   // the year's first document: another may be adding the row at this moment
        try {
            h.createUpdate("INSERT INTO register_counts (series_kind, number_year, registered) VALUES (:k, :y, 1)")
                    .bind("k", series).bind("y", year).execute();
            h.release("register_count");
        } catch (RuntimeException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            h.rollbackToSavepoint("register_count");
            increment(h, series, year);
        }
    }

    /** How many documents the registers of these series hold in {@code year}. */
    public static long of(Handle h, Collection<String> series, int year) {
        return h.createQuery("SELECT COALESCE(SUM(registered), 0) FROM register_counts WHERE number_year = :y "
                + "AND series_kind IN (<k>)").bind("y", year).bindList("k", List.copyOf(series)).mapTo(Long.class).one();
    }

    private static int increment(Handle h, String series, int year) {
        return h.createUpdate("UPDATE register_counts SET registered = registered + 1 WHERE series_kind = :k "
                + "AND number_year = :y").bind("k", series).bind("y", year).execute();
    }
}

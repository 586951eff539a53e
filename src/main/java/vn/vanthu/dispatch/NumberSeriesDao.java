package vn.vanthu.dispatch;

import org.jdbi.v3.core.Handle;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.store.SqlStates;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rows of {@code number_series} and {@code number_reservations} (V5). The series row is locked while a number
 * is chosen; {@link #consume} runs inside the transaction of the document that takes the number (an outgoing
 * dispatch here, an incoming document in {@code incoming}).
 */
public final class NumberSeriesDao {
    private final Database db;

    NumberSeriesDao(Database db) {
        this.db = db;
    }

    /** Creates the series at 1 unless it exists (another request or instance may create it at the same moment). */
    void ensureSeries(String agency, int year, String kind) {
        if (exists(agency, year, kind)) {
            return;
        }
        try {
            db.useTransaction(h -> h.createUpdate("INSERT INTO number_series (agency, series_year, kind, next_value) "
                            + "VALUES (:a, :y, :k, 1)")
                    .bind("a", agency).bind("y", year).bind("k", kind).execute());
        } catch (RuntimeException e) {
            if (!SqlStates.isUniqueViolation(e) && !exists(agency, year, kind)) {
                throw e;
            }
        }
    }

    private boolean exists(String agency, int year, String kind) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM number_series WHERE agency = :a AND series_year = :y AND kind = :k")
                .bind("a", agency).bind("y", year).bind("k", kind).mapTo(Integer.class).one() > 0);
    }

    /** Each series of the year: the number it hands out next (the lowest released one, else its next value). */
    Map<String, Long> nextValues(String agency, int year) {
        return db.withHandle(h -> {
            Map<String, Long> next = new TreeMap<>();
            h.createQuery("SELECT kind, next_value FROM number_series WHERE agency = :a AND series_year = :y")
                    .bind("a", agency).bind("y", year)
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> next.put(e.getKey(), e.getValue()));
            h.createQuery("SELECT kind, MIN(number_value) FROM number_reservations WHERE agency = :a AND series_year = :y "
                            + "AND state = 'RELEASED' GROUP BY kind")
                    .bind("a", agency).bind("y", year)
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> next.merge(e.getKey(), e.getValue(), Math::min));
            return next;
        });
    }

    /**
     * Hands out the lowest released (or lease-expired) number, else the series' next one, to {@code holder}
     * until {@code leaseUntil}.
     */
    long reserve(String agency, int year, String kind, String holder, String instanceId, OffsetDateTime now,
                 OffsetDateTime leaseUntil) {
        return db.inTransaction(h -> {
            long next = h.createQuery("SELECT next_value FROM number_series WHERE agency = :a AND series_year = :y AND kind = :k FOR UPDATE")
                    .bind("a", agency).bind("y", year).bind("k", kind).mapTo(Long.class).one();
            Optional<Long> reusable = h.createQuery("SELECT MIN(number_value) FROM number_reservations WHERE agency = :a "
                            + "AND series_year = :y AND kind = :k AND (state = 'RELEASED' OR lease_until < :now)")
                    .bind("a", agency).bind("y", year).bind("k", kind).bind("now", now)
                    .mapTo(Long.class).findOne();
            if (reusable.isPresent() && reusable.get() != null) {
                h.createUpdate("UPDATE number_reservations SET state = 'RESERVED', holder = :h, lease_until = :l, "
                                + "instance_id = :i WHERE agency = :a AND series_year = :y AND kind = :k AND number_value = :v")
                        .bind("h", holder).bind("i", instanceId).bind("l", leaseUntil).bind("a", agency).bind("y", year)
                        .bind("k", kind).bind("v", reusable.get()).execute();
                return reusable.get();
            }
            h.createUpdate("UPDATE number_series SET next_value = :n WHERE agency = :a AND series_year = :y AND kind = :k")
                    .bind("n", next + 1).bind("a", agency).bind("y", year).bind("k", kind).execute();
            h.createUpdate("INSERT INTO number_reservations (agency, series_year, kind, number_value, state, holder, "
                            + "lease_until, instance_id) VALUES (:a, :y, :k, :v, 'RESERVED', :h, :l, :i)")
                    .bind("a", agency).bind("y", year).bind("k", kind).bind("v", next)
                    .bind("h", holder).bind("l", leaseUntil).bind("i", instanceId).execute();
            return next;
        });
    }

    /**
     * Uses the number, inside the caller's transaction. 409 when the lease ran out and another issue took it
     * meanwhile: the caller's transaction then rolls back and nothing carries that number twice.
     */
    public static void consume(Handle h, NumberSeries.Reservation r) {
        int n = h.createUpdate("DELETE FROM number_reservations WHERE agency = :a AND series_year = :y AND kind = :k "
                        + "AND number_value = :v AND holder = :h AND state = 'RESERVED'")
                .bind("a", r.agency()).bind("y", r.year()).bind("k", r.series()).bind("v", r.value())
                .bind("h", r.holder()).execute();
        if (n != 1) {
            throw ApiException.conflict("NUMBER_LEASE_EXPIRED", "The number reserved for this issue expired; issue again");
        }
    }

    /** Gives the number back; harmless when it was already used or taken over. */
    void release(NumberSeries.Reservation r) {
        db.useTransaction(h -> h.createUpdate("UPDATE number_reservations SET state = 'RELEASED', holder = NULL, lease_until = NULL, "
                        + "instance_id = NULL WHERE agency = :a AND series_year = :y AND kind = :k AND number_value = :v AND holder = :h")
                .bind("a", r.agency()).bind("y", r.year()).bind("k", r.series()).bind("v", r.value())
                .bind("h", r.holder()).execute());
    }

    /** Releases the reservations of instances without a heartbeat since {@code staleBefore}; returns how many. */
    int releaseAbandoned(OffsetDateTime staleBefore) {
        return db.inTransaction(h -> h.createUpdate("UPDATE number_reservations SET state = 'RELEASED', holder = NULL, "
                        + "lease_until = NULL, instance_id = NULL WHERE state = 'RESERVED' AND instance_id IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = number_reservations.instance_id "
                        + "AND i.heartbeat_at >= :stale)")
                .bind("stale", staleBefore).execute());
    }
}

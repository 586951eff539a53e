package vn.vanthu.dispatch;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Yearly number series without gaps or duplicates, shared by every instance through the database.
 * A number is {@link #reserve reserved} in a short transaction (row lock on the series row only while choosing
 * it), used while the slow signing runs outside any transaction, then either {@link #consume consumed} in the
 * transaction that stores the document or {@link #release released}. Released numbers, and reservations whose
 * lease ran out (an instance crashed mid-issue), are handed out again before the series grows.
 *
 * <pre>{@code
 * Reservation r = series.reserve("SKHCN", SeriesKind.OUTGOING);
 * try { …sign with r.padded()…; db.inTransaction(h -> { series.consume(h, r); …store… }); }
 * catch (RuntimeException e) { series.release(r); throw e; }
 * }</pre>
 */
public final class NumberSeries {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A number held by {@code holder} until used or released. */
    public record Reservation(String agency, int year, SeriesKind kind, long value, String holder) {
        /** Two digits at least: 01 … 09, 10, … */
        public String padded() {
            return String.format("%02d", value);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lease;

    public NumberSeries(Database db, Clock clock, Duration lease) {
        this.jdbi = db.jdbi();
        this.clock = clock;
        this.lease = lease;
    }

    /** Today in Vietnam time: the series year turns at midnight of 1 January, Hà Nội time. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public Reservation reserve(String agency, SeriesKind kind) {
        return reserve(agency, today().getYear(), kind);
    }

    public Reservation reserve(String agency, int year, SeriesKind kind) {
        ensureSeries(agency, year, kind);
        String holder = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long value = jdbi.inTransaction(h -> {
            long next = h.createQuery("SELECT next_value FROM number_series WHERE agency = :a AND series_year = :y AND kind = :k FOR UPDATE")
                    .bind("a", agency).bind("y", year).bind("k", kind.name()).mapTo(Long.class).one();
            Optional<Long> reusable = h.createQuery("SELECT MIN(number_value) FROM number_reservations WHERE agency = :a "
                            + "AND series_year = :y AND kind = :k AND (state = 'RELEASED' OR lease_until < :now)")
                    .bind("a", agency).bind("y", year).bind("k", kind.name()).bind("now", now)
                    .mapTo(Long.class).findOne();
            if (reusable.isPresent() && reusable.get() != null) {
                h.createUpdate("UPDATE number_reservations SET state = 'RESERVED', holder = :h, lease_until = :l "
                                + "WHERE agency = :a AND series_year = :y AND kind = :k AND number_value = :v")
                        .bind("h", holder).bind("l", now.plus(lease)).bind("a", agency).bind("y", year)
                        .bind("k", kind.name()).bind("v", reusable.get()).execute();
                return reusable.get();
            }
            h.createUpdate("UPDATE number_series SET next_value = :n WHERE agency = :a AND series_year = :y AND kind = :k")
                    .bind("n", next + 1).bind("a", agency).bind("y", year).bind("k", kind.name()).execute();
            h.createUpdate("INSERT INTO number_reservations (agency, series_year, kind, number_value, state, holder, lease_until) "
                            + "VALUES (:a, :y, :k, :v, 'RESERVED', :h, :l)")
                    .bind("a", agency).bind("y", year).bind("k", kind.name()).bind("v", next)
                    .bind("h", holder).bind("l", now.plus(lease)).execute();
            return next;
        });
        return new Reservation(agency, year, kind, value, holder);
    }

    /**
     * Uses the number, inside the caller's transaction. 409 when the lease ran out and another issue took it
     * meanwhile: the caller's transaction then rolls back and nothing carries that number twice.
     */
    public void consume(Handle h, Reservation r) {
        int n = h.createUpdate("DELETE FROM number_reservations WHERE agency = :a AND series_year = :y AND kind = :k "
                        + "AND number_value = :v AND holder = :h AND state = 'RESERVED'")
                .bind("a", r.agency()).bind("y", r.year()).bind("k", r.kind().name()).bind("v", r.value())
                .bind("h", r.holder()).execute();
        if (n != 1) {
            throw ApiException.conflict("NUMBER_LEASE_EXPIRED", "The number reserved for this issue expired; issue again");
        }
    }

    /** Gives the number back for the next issue; harmless when it was already used or taken over. */
    public void release(Reservation r) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE number_reservations SET state = 'RELEASED', holder = NULL, lease_until = NULL "
                        + "WHERE agency = :a AND series_year = :y AND kind = :k AND number_value = :v AND holder = :h")
                .bind("a", r.agency()).bind("y", r.year()).bind("k", r.kind().name()).bind("v", r.value())
                .bind("h", r.holder()).execute());
    }

    private void ensureSeries(String agency, int year, SeriesKind kind) {
        if (exists(agency, year, kind)) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO number_series (agency, series_year, kind, next_value) VALUES (:a, :y, :k, 1)")
                    .bind("a", agency).bind("y", year).bind("k", kind.name()).execute());
        } catch (RuntimeException e) {
            // Another request or instance created the series at the same moment.
            if (!exists(agency, year, kind)) {
                throw e;
            }
        }
    }

    private boolean exists(String agency, int year, SeriesKind kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM number_series WHERE agency = :a AND series_year = :y AND kind = :k")
                .bind("a", agency).bind("y", year).bind("k", kind.name()).mapTo(Integer.class).one() > 0);
    }
}

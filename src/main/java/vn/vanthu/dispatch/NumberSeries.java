package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import vn.vanthu.store.Database;
import vn.vanthu.store.Instance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Yearly number series without gaps or duplicates, shared by every instance through the database.
 * A number is {@link #reserve reserved} in a short transaction (row lock on the series row only while choosing
 * it), used while the slow signing runs outside any transaction, then either {@link #consume consumed} in the
 * transaction that stores the document or {@link #release released}. Released numbers, numbers of an instance
 * that died mid-issue ({@link #releaseAbandoned}) and reservations whose lease ran out are handed out again
 * before the series grows.
 *
 * <pre>{@code
 * Reservation r = series.reserve("SKHCN", SeriesKind.OUTGOING);
 * series.use(r, () -> { …sign with r.padded()…; return dao.issue(…, r, …); });   // consumed in the storing transaction
 * }</pre>
 */
public final class NumberSeries {

    /** A number held by {@code holder} until used or released. */
    public record Reservation(String agency, int year, String series, long value, String holder) {
        /** Two digits at least: 01 … 09, 10, … */
        public String padded() {
            return String.format("%02d", value);
        }
    }

    private final NumberSeriesDao dao;
    private final Clock clock;
    private final Duration lease;
    private final Instance instance;

    /** Reservations recorded without an instance: only their lease gives them back (tests of the series alone). */
    public NumberSeries(Database db, Clock clock, Duration lease) {
        this(db, clock, lease, null);
    }

    /** Reservations recorded with the running instance: given back as soon as it is known dead. */
    public NumberSeries(Database db, Clock clock, Duration lease, Instance instance) {
        this.dao = new NumberSeriesDao(db);
        this.clock = clock;
        this.lease = lease;
        this.instance = instance;
    }

    /** Today in Vietnam time: the series year turns at midnight of 1 January, Hà Nội time. */
    public LocalDate today() {
        return VietnamTime.today(clock);
    }

    public Reservation reserve(String agency, SeriesKind kind) {
        return reserve(agency, today().getYear(), kind);
    }

    public Reservation reserve(String agency, int year, SeriesKind kind) {
        return reserve(agency, year, kind.name());
    }

    /** A number of a named series: a {@link SeriesKind} or an outgoing series of the year's {@link NumberingLayout}. */
    public Reservation reserve(String agency, int year, String kind) {
        dao.ensureSeries(agency, year, kind);
        String holder = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long value = dao.reserve(agency, year, kind, holder, instance == null ? null : instance.id(), now, now.plus(lease));
        return new Reservation(agency, year, kind, value, holder);
    }

    /** The number each series of the year hands out next; a series absent here starts at 1. */
    public Map<String, Long> nextValues(String agency, int year) {
        return dao.nextValues(agency, year);
    }

    /**
     * Runs {@code work}, which uses the reserved number; any failure (a StackOverflowError too) gives the number back
     * before it is thrown on, so no number is skipped.
     */
    public <T> T use(Reservation r, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            release(r);
            throw e;
        }
    }

    /** Gives the number back for the next issue; harmless when it was already used or taken over. */
    public void release(Reservation r) {
        dao.release(r);
    }

    /**
     * Gives back every number held by an instance that is gone (killed mid-issue): the next issue reuses it, so
     * the series stays gapless without waiting for the lease. Run at start and after every heartbeat.
     */
    public int releaseAbandoned() {
        return instance == null ? 0 : dao.releaseAbandoned(instance.staleBefore());
    }
}

package vn.vanthu.support;

import vn.vanthu.time.VietnamTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves: every feature of a {@link TestServer} started with it reads this time, and every zone view
 * of it (the service asks for Vietnam time) moves with it.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at("2026-12-31T09:00");   // Vietnam time
 * clock.set("2027-01-02T09:00");
 * clock.advance(Duration.ofMinutes(61));
 * }</pre>
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static TestClock starting(Instant start) {
        return new TestClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** At {@code localVietnamTime}, e.g. "2027-01-01T09:00". */
    public static TestClock at(String localVietnamTime) {
        return starting(vietnam(localVietnamTime));
    }

    /** Moves to {@code localVietnamTime}. */
    public void set(String localVietnamTime) {
        now.set(vietnam(localVietnamTime));
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    private static Instant vietnam(String localTime) {
        return LocalDateTime.parse(localTime).atZone(VietnamTime.ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}

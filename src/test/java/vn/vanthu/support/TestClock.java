package vn.vanthu.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves: every feature of a {@link TestServer} started with it reads this time.
 *
 * <pre>{@code TestClock clock = TestClock.at("2026-12-31T09:00"); clock.set("2027-01-02T09:00");}</pre>
 */
public final class TestClock extends Clock {
    private volatile Instant now;

    private TestClock(Instant now) {
        this.now = now;
    }

    /** At {@code localVietnamTime}, e.g. "2027-01-01T09:00". */
    public static TestClock at(String localVietnamTime) {
        return new TestClock(LocalDateTime.parse(localVietnamTime).atZone(vn.vanthu.time.VietnamTime.ZONE).toInstant());
    }

    /** Moves to {@code localVietnamTime}. */
    public void set(String localVietnamTime) {
        now = LocalDateTime.parse(localVietnamTime).atZone(vn.vanthu.time.VietnamTime.ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.now;
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}

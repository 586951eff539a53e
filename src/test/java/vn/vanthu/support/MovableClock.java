package vn.vanthu.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward by hand: give it to the service, then {@link #advance} it past a deadline.
 *
 * <pre>{@code
 * MovableClock clock = new MovableClock(Instant.parse("2026-11-26T02:00:00Z"));
 * clock.advance(Duration.ofMinutes(61));
 * }</pre>
 */
public final class MovableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public MovableClock(Instant now) {
        this(now, ZoneOffset.UTC);
    }

    private MovableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return z;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
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

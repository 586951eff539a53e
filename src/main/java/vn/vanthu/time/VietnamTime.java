package vn.vanthu.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Vietnam's civil time, the one zone the service dates documents in (numbers run per calendar year there, printed
 * dates are Vietnam dates). Every class asks the {@link Clock} it was given, never the system clock, so tests can
 * move time.
 *
 * <pre>{@code LocalDate issued = VietnamTime.today(clock);   // 2027-01-01 just after midnight +07:00}</pre>
 */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Now in Vietnam time, to the second (as printed and sent in ISO 8601 with +07:00). */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The same instant in Vietnam time (+07:00), as shown to people and sent to other agencies. */
    public static OffsetDateTime at(java.time.Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    /** The first instant of a calendar year in Vietnam. */
    public static OffsetDateTime startOfYear(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toOffsetDateTime();
    }
}

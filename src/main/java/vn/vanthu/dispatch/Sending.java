package vn.vanthu.dispatch;

import vn.vanthu.time.VietnamTime;
import vn.vanthu.time.WorkingDays;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Sending on time (Decree 30 Art. 18): a signed document is issued and sent the day it is signed, at the latest
 * the next working day (Saturdays, Sundays and the configured holidays are skipped). A SIGNED dispatch past that
 * day is overdue; an issued one that was late says so in the register's notes.
 *
 * <pre>{@code sending.deadline(LocalDate.of(2026, 12, 4));   // Friday → Monday 2026-12-07}</pre>
 */
public final class Sending {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DispatchDao dao;
    private final WorkingDays days;
    private final Clock clock;

    Sending(DispatchDao dao, Set<LocalDate> holidays, Clock clock) {
        this.dao = dao;
        this.days = new WorkingDays(holidays);
        this.clock = clock;
    }

    boolean workingDay(LocalDate d) {
        return days.isWorkingDay(d);
    }

    /** The last day to issue a document signed on {@code signedOn}: the next working day. */
    LocalDate deadline(LocalDate signedOn) {
        return days.next(signedOn);
    }

    /** The SIGNED dispatches whose deadline has passed, oldest signature first. */
    public List<Dispatch> overdue(int limit, long offset) {
        LocalDate today = VietnamTime.today(clock);
        // The deadline grows with the signing day, so the overdue ones are those signed before the first day
        // whose deadline is today or later.
        LocalDate firstOnTime = today;
        while (!deadline(firstOnTime.minusDays(1)).isBefore(today)) {
            firstOnTime = firstOnTime.minusDays(1);
        }
        OffsetDateTime cutoff = firstOnTime.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        return dao.signedBefore(cutoff, limit, offset);
    }

    /** The register's note for a document signed on {@code signedOn} and issued on {@code issuedOn}; null if on time. */
    String lateNote(LocalDate signedOn, LocalDate issuedOn) {
        LocalDate deadline = deadline(signedOn);
        int late = 0;
        for (LocalDate d = deadline.plusDays(1); !d.isAfter(issuedOn); d = d.plusDays(1)) {
            late += workingDay(d) ? 1 : 0;
        }
        return late == 0 ? null : "Gửi muộn " + late + " ngày làm việc (ký ngày " + signedOn.format(DAY) + ")";
    }
}

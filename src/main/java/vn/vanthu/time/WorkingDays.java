package vn.vanthu.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The agency's working days: Monday to Friday, less the configured public holidays ({@code VANTHU_HOLIDAYS}).
 * Decree 30 gives the same limit for sending an issued document (Art. 18) and for submitting an incoming one to
 * the person who directs it (Art. 23): the same day, at the latest the next working day.
 *
 * <pre>{@code new WorkingDays(Set.of()).next(LocalDate.of(2026, 12, 4));   // Friday → Monday 2026-12-07}</pre>
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The first working day after {@code day}: the last day allowed for work due "the next working day". */
    public LocalDate next(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}

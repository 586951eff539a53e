package vn.vanthu.incoming;

import vn.vanthu.time.VietnamTime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * When an incoming document is due (Decree 30 Art. 23-24). Submission to the person who directs: within the day of
 * arrival, at the latest by the end of the next working day (Monday to Friday; public holidays are not known
 * here, so a holiday counts as a working day and the list errs towards warning early); urgent documents at once,
 * which the service reads as within {@link #AT_ONCE}. Handling: by the deadline of the direction, the whole of
 * that day included.
 *
 * <pre>{@code OffsetDateTime due = Deadlines.submissionDue(doc.receivedAt(), doc.metadata().urgency());}</pre>
 */
final class Deadlines {
    static final Duration AT_ONCE = Duration.ofHours(2);

    private Deadlines() {}

    static OffsetDateTime submissionDue(OffsetDateTime receivedAt, Incoming.Urgency urgency) {
        if (urgency != Incoming.Urgency.NORMAL) {
            return receivedAt.plus(AT_ONCE);
        }
        LocalDate arrival = receivedAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        LocalDate next = nextWorkingDay(arrival);
        return next.plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Registered, not yet directed, and past its submission time. */
    static boolean submissionOverdue(Incoming d, OffsetDateTime now) {
        return d.status() == Incoming.Status.REGISTERED
                && now.isAfter(submissionDue(d.receivedAt(), d.metadata().urgency()));
    }

    /** Open (assigned or in progress) and its deadline day has passed. */
    static boolean overdue(Incoming d, LocalDate today) {
        return open(d) && d.direction().deadline() != null && d.direction().deadline().isBefore(today);
    }

    /** Open and due from today to {@code horizon}. */
    static boolean dueSoon(Incoming d, LocalDate today, LocalDate horizon) {
        LocalDate dl = open(d) ? d.direction().deadline() : null;
        return dl != null && !dl.isBefore(today) && !dl.isAfter(horizon);
    }

    /** Done after the deadline day. */
    static boolean doneLate(Incoming d) {
        return d.status() == Incoming.Status.DONE && d.direction() != null && d.direction().deadline() != null
                && d.handling() != null && d.handling().completedAt() != null
                && d.handling().completedAt().atZoneSameInstant(VietnamTime.ZONE).toLocalDate()
                .isAfter(d.direction().deadline());
    }

    private static boolean open(Incoming d) {
        return (d.status() == Incoming.Status.ASSIGNED || d.status() == Incoming.Status.IN_PROGRESS)
                && d.direction() != null;
    }
}

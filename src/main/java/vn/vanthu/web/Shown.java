package vn.vanthu.web;

import vn.vanthu.time.VietnamTime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Times as the pages show them: Vietnam time, day first ({@code 07/12/2026 09:15}).
 *
 * <pre>{@code Shown.time(report.validationTime())}</pre>
 */
public final class Shown {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Shown() {}

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(VietnamTime.at(t));
    }

    public static String time(OffsetDateTime t) {
        return t == null ? "" : time(t.toInstant());
    }

    public static String date(java.time.LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }
}

package vn.vanthu.incoming;

import vn.vanthu.error.ApiException;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.web.User;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tracking list of Art. 23-24 ({@code GET /api/v1/incoming/due?within=3d}): documents whose submission to the
 * director is overdue, directed ones due within the window, overdue, or done late this year, and the same counts
 * per lead person and per lead unit.
 *
 * <pre>{@code Map<String, Object> body = tracking.report(caller, "3d");}</pre>
 */
final class Tracking {
    private static final int MAX_DAYS = 366;

    private final IncomingService incoming;
    private final HandlingService handling;

    Tracking(IncomingService incoming, HandlingService handling) {
        this.incoming = incoming;
        this.handling = handling;
    }

    Map<String, Object> report(User caller, String within) {
        int days = days(within);
        OffsetDateTime now = incoming.now();
        LocalDate today = VietnamTime.today(incoming.clock());
        LocalDate horizon = today.plusDays(days);
        List<Incoming> submissionOverdue = new ArrayList<>();
        List<Incoming> dueSoon = new ArrayList<>();
        List<Incoming> overdue = new ArrayList<>();
        List<Incoming> doneLate = new ArrayList<>();
        for (Incoming d : handling.tracked(caller, horizon)) {
            if (Deadlines.submissionOverdue(d, now)) {
                submissionOverdue.add(d);
            } else if (Deadlines.overdue(d, today)) {
                overdue.add(d);
            } else if (Deadlines.dueSoon(d, today, horizon)) {
                dueSoon.add(d);
            } else if (Deadlines.doneLate(d)) {
                doneLate.add(d);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", today.toString());
        body.put("within", days + "d");
        body.put("submissionOverdue", views(submissionOverdue, now));
        body.put("dueSoon", views(dueSoon, now));
        body.put("overdue", views(overdue, now));
        body.put("doneLate", views(doneLate, now));
        body.put("byAssignee", counts("userId", d -> d.direction().leadUserId(), dueSoon, overdue, doneLate));
        body.put("byUnit", counts("unit", d -> d.direction().leadUnit(), dueSoon, overdue, doneLate));
        return body;
    }

    /** "3d" (or a bare number of days), 0 to a year; 3 days when absent. */
    static int days(String within) {
        if (within == null || within.isBlank()) {
            return 3;
        }
        String v = within.trim();
        if (v.matches("\\d{1,3}d?")) {
            int n = Integer.parseInt(v.endsWith("d") ? v.substring(0, v.length() - 1) : v);
            if (n <= MAX_DAYS) {
                return n;
            }
        }
        throw ApiException.badRequest("INVALID_WITHIN", "within must be a number of days such as 3d (at most "
                + MAX_DAYS + "d)", "within");
    }

    private static List<Map<String, Object>> views(List<Incoming> docs, OffsetDateTime now) {
        return docs.stream().map(d -> IncomingViews.summary(d, now)).toList();
    }

    private static List<Map<String, Object>> counts(String keyName, Function<Incoming, String> key,
                                                    List<Incoming> dueSoon, List<Incoming> overdue, List<Incoming> doneLate) {
        Map<String, Map<String, Object>> by = new TreeMap<>();
        count(by, keyName, key, dueSoon, "dueSoon");
        count(by, keyName, key, overdue, "overdue");
        count(by, keyName, key, doneLate, "doneLate");
        return new ArrayList<>(by.values());
    }

    private static void count(Map<String, Map<String, Object>> by, String keyName, Function<Incoming, String> key,
                              List<Incoming> docs, String bucket) {
        for (Incoming d : docs) {
            String k = key.apply(d);
            if (k == null) {
                continue;
            }
            Map<String, Object> row = by.computeIfAbsent(k, x -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put(keyName, x);
                r.put("dueSoon", 0);
                r.put("overdue", 0);
                r.put("doneLate", 0);
                return r;
            });
            row.put(bucket, (Integer) row.get(bucket) + 1);
        }
    }
}

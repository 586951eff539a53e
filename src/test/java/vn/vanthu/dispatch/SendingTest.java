package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Sending on time (Decree 30 Art. 18): issued at the latest the next working day, weekends and holidays skipped. */
class SendingTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void the_deadline_skips_the_weekend_and_the_configured_holidays() {
        assertEquals(MONDAY, new Sending(null, Set.of(), null).deadline(FRIDAY));
        Sending withHoliday = new Sending(null, Set.of(MONDAY), null);
        assertEquals(MONDAY.plusDays(1), withHoliday.deadline(FRIDAY));
        assertEquals(LocalDate.of(2026, 12, 9), withHoliday.deadline(MONDAY.plusDays(1)));
        assertNull(withHoliday.lateNote(FRIDAY, MONDAY.plusDays(1)));
        assertEquals("Gửi muộn 2 ngày làm việc (ký ngày 04/12/2026)", withHoliday.lateNote(FRIDAY, LocalDate.of(2026, 12, 10)));
    }

    @Test
    void a_signed_dispatch_not_issued_by_the_next_working_day_is_listed_overdue_and_noted_late_in_the_register() {
        TestClock clock = TestClock.at("2026-12-04T15:00");
        try (TestServer s = TestServer.start(Databases.Kind.H2, Map.of("VANTHU_HOLIDAYS", "2026-12-07"), clock)) {
            String late = DispatchFixtures.signedDraft(s, "KH");
            clock.set("2026-12-08T09:00");
            String onTime = DispatchFixtures.signedDraft(s, "TB");
            assertEquals(List.of(), overdue(s), "Friday's signature may wait for Tuesday: Monday is a holiday");

            clock.set("2026-12-09T09:00");
            assertEquals(List.of(late), overdue(s));
            TestServer.Response wrongFilter = s.get("/api/v1/dispatches?status=ISSUED&overdue=true", "clerk");
            assertEquals(400, wrongFilter.status(), wrongFilter.text());

            clock.set("2026-12-10T09:00");
            assertEquals(200, DispatchFixtures.issue(s, late).status());
            assertEquals(List.of(onTime), overdue(s));
            JsonNode rows = s.get("/api/v1/registers/outgoing?year=2026", "auditor").json();
            JsonNode row = rows.path("items").get(0);
            assertEquals("Gửi muộn 2 ngày làm việc (ký ngày 04/12/2026)", row.path("notes").asText(), rows.toString());
        }
    }

    private static List<String> overdue(TestServer s) {
        TestServer.Response r = s.get("/api/v1/dispatches?status=SIGNED&overdue=true", "clerk");
        assertEquals(200, r.status(), r.text());
        return r.json().path("items").findValuesAsText("id");
    }
}

package vn.vanthu.incoming;

import vn.vanthu.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.validation.SignedFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.incoming.IncomingFixtures.metadata;

/** Tracking deadlines as time passes (a moved clock), and the incoming register as JSON, CSV and PDF. */
class IncomingDueAndRegisterTest {
    /** A Monday morning in Hà Nội: the next working day is Tuesday. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T02:00:00Z");
    private static TestClock clock;
    private static TestServer s;
    private static String handler;

    @BeforeAll
    static void start() {
        clock = TestClock.starting(MONDAY);
        s = TestServer.start(Databases.Kind.H2, Map.of(), clock);
        handler = IncomingFixtures.userId(s, "handler");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void submissions_and_deadlines_show_as_due_overdue_and_done_late_per_person_and_unit() {
        String urgent = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("1/UBND-VP", "FLASH", false));
        String normal = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("2/UBND-VP", "NORMAL", false));
        String soon = directed("3/UBND-VP", today().plusDays(1), "Phòng Kế hoạch");
        String later = directed("4/UBND-VP", today().plusDays(20), null);
        JsonNode now = due("3d");
        assertTrue(ids(now, "dueSoon").contains(soon));
        assertFalse(ids(now, "dueSoon").contains(later));
        assertFalse(ids(now, "submissionOverdue").contains(normal), "due by the end of the next working day");
        assertFalse(s.get("/api/v1/incoming/" + normal, "clerk").json().path("submissionOverdue").asBoolean());

        clock.advance(Duration.ofHours(3));
        assertTrue(ids(due("3d"), "submissionOverdue").contains(urgent), "urgent: at once");
        assertFalse(ids(due("3d"), "submissionOverdue").contains(normal));

        clock.advance(Duration.ofDays(3));
        JsonNode late = due("3d");
        assertTrue(ids(late, "submissionOverdue").contains(normal), "Tuesday has passed");
        assertTrue(ids(late, "overdue").contains(soon));
        assertEquals(1, count(late, "byAssignee", "userId", handler, "overdue"));
        assertEquals(1, count(late, "byUnit", "unit", "Phòng Kế hoạch", "overdue"));

        var done = s.postJson("/api/v1/incoming/" + soon + "/complete", "handler", Map.of("result", "FILED", "note", "Muộn"));
        assertEquals(200, done.status(), done.text());
        JsonNode after = due("3d");
        assertTrue(ids(after, "doneLate").contains(soon));
        assertFalse(ids(after, "overdue").contains(soon));
        assertEquals(400, s.get("/api/v1/incoming/due?within=soon", "clerk").status());
    }

    @Test
    void a_handler_tracks_only_what_they_lead_or_cooperate_on() {
        String official = IncomingFixtures.userId(s, "official");
        LocalDate far = today().plusDays(300);
        String mine = directed("5/UBND-VP", far, null);
        String theirs = assigned("6/UBND-VP", official, List.of(), far);
        String helping = assigned("7/UBND-VP", official, List.of(handler), far);
        String waiting = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("8/UBND-VP", "FLASH", false));
        clock.advance(Duration.ofHours(3));

        var r = s.get("/api/v1/incoming/due?within=366d", "handler");
        assertEquals(200, r.status(), r.text());
        List<String> dueSoon = ids(r.json(), "dueSoon");
        assertTrue(dueSoon.containsAll(List.of(mine, helping)), r.text());
        assertFalse(dueSoon.contains(theirs), "another's assignment is not the handler's to track");
        assertFalse(ids(r.json(), "submissionOverdue").contains(waiting), "submission is the clerk's concern");
        JsonNode clerks = due("366d");
        assertTrue(ids(clerks, "dueSoon").containsAll(List.of(mine, theirs, helping)));
        assertTrue(ids(clerks, "submissionOverdue").contains(waiting));
    }

    @Test
    void the_incoming_register_is_json_csv_and_a_printable_pdf_with_the_appendix_iv_columns() throws Exception {
        String id = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata("88/STNMT-ĐĐ", "URGENT", false));
        String year = String.valueOf(today().getYear());
        var json = s.get("/api/v1/registers/incoming?year=" + year, "auditor");
        assertEquals(200, json.status(), json.text());
        JsonNode row = null;
        for (JsonNode r : json.json().path("items")) {
            if (r.path("id").asText().equals(id)) {
                row = r;
            }
        }
        assertTrue(row != null, json.text());
        assertTrue(row.path("incomingNumber").asLong() >= 1);
        assertTrue(row.path("receivedAt").asText().endsWith("+07:00"));
        assertEquals("UBND tỉnh Thái Bình", row.path("sendingOrgan").asText());
        assertEquals("88/STNMT-ĐĐ", row.path("numberSymbol").asText());
        assertEquals("2026-12-01", row.path("documentDate").asText());
        assertEquals("V/v triển khai chuyển đổi số năm 2027", row.path("subject").asText());

        var csv = s.get("/api/v1/registers/incoming?format=csv&year=" + year, "clerk");
        assertEquals(200, csv.status());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF\"Ngày đến\",\"Số đến\",\"Tác giả\""), text);
        assertTrue(text.contains("\"88/STNMT-ĐĐ\""), text);

        var pdf = s.get("/api/v1/registers/incoming?format=pdf&year=" + year, "admin");
        assertEquals("application/pdf", pdf.header("Content-Type"));
        Path file = Files.createTempFile("so-den", ".pdf");
        Files.write(file, pdf.body());
        String printed = OutsideTools.run(null, "pdftotext", "-enc", "UTF-8", file.toString(), "-").output();
        for (String expected : List.of("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM " + year, "Ngày đến", "Số đến", "Tác giả",
                "Số, ký hiệu", "Ký nhận", "88/STNMT-ĐĐ", "UBND tỉnh Thái Bình")) {
            assertTrue(printed.contains(expected), expected + " in:\n" + printed);
        }
        assertEquals(400, s.get("/api/v1/registers/incoming?format=xls", "clerk").status());
        assertEquals(400, s.get("/api/v1/registers/incoming?year=26", "clerk").status());
    }

    private static String directed(String numberSymbol, LocalDate deadline, String unit) {
        String id = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata(numberSymbol, "NORMAL", false));
        String body = "{\"leadUserId\":\"" + handler + "\",\"cooperatingUserIds\":[],\"deadline\":\"" + deadline + "\","
                + (unit == null ? "" : "\"leadUnit\":\"" + unit + "\",") + "\"comment\":\"Xử lý\"}";
        var r = s.postJson("/api/v1/incoming/" + id + "/direct", "official", body);
        assertEquals(200, r.status(), r.text());
        return id;
    }

    private static String assigned(String numberSymbol, String lead, List<String> cooperating, LocalDate deadline) {
        String id = IncomingFixtures.registered(s, SignedFiles.pdf(1), metadata(numberSymbol, "NORMAL", false));
        var r = s.postJson("/api/v1/incoming/" + id + "/direct", "official", Map.of("leadUserId", lead,
                "cooperatingUserIds", cooperating, "deadline", deadline.toString(), "comment", "Xử lý"));
        assertEquals(200, r.status(), r.text());
        return id;
    }

    private static LocalDate today() {
        return VietnamTime.today(clock);
    }

    private static JsonNode due(String within) {
        var r = s.get("/api/v1/incoming/due?within=" + within, "clerk");
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static List<String> ids(JsonNode due, String list) {
        return due.path(list).findValuesAsText("id");
    }

    private static int count(JsonNode due, String list, String key, String value, String bucket) {
        for (JsonNode row : due.path(list)) {
            if (row.path(key).asText().equals(value)) {
                return row.path(bucket).asInt();
            }
        }
        return 0;
    }
}

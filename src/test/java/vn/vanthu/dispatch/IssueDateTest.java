package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printed number and date are the registered ones (Decree 30 Art. 15, Appendix I): the clerk's revision only
 * fills the blanks of page 1 with the issue date, and a draft that prints anything else is refused, on the days
 * that matter (a day under 10, January and February, the turn of the year), with the service's clock moved.
 */
class IssueDateTest {
    private static final TestClock CLOCK = TestClock.at("2026-12-07T09:00");
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(Databases.Kind.H2, Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void the_blanks_print_the_issue_date_with_leading_zeros_only_for_days_under_10_and_january_february() {
        assertEquals("ngày 07 tháng 12 năm 2026", issuedDateLine("2026-12-07T09:00", "KH"));
        assertEquals("ngày 01 tháng 01 năm 2027", issuedDateLine("2027-01-01T08:00", "QĐ"));
        assertEquals("ngày 05 tháng 02 năm 2027", issuedDateLine("2027-02-05T16:30", "ThC"));
    }

    @Test
    void a_year_printed_before_signing_that_is_not_the_issue_year_refuses_the_issue_and_the_dispatch_stays_signed() {
        CLOCK.set("2026-12-31T10:00");
        String id = sign(DispatchFixtures.create(s, "TB", DispatchPdf.draft("TB", DispatchPdf.DATE_LINE_2026)));
        CLOCK.set("2027-01-02T08:00");
        TestServer.Response r = DispatchFixtures.issue(s, id);
        assertEquals(409, r.status(), r.text());
        assertEquals("DATE_MISMATCH", r.errorCode());
        String message = r.json().path("errors").get(0).path("message").asText();
        assertTrue(message.contains("năm 2026") && message.contains("2027-01-02"), message);
        assertEquals("SIGNED", s.get("/api/v1/dispatches/" + id, "clerk").json().path("status").asText());
    }

    @Test
    void a_date_line_that_already_prints_another_month_and_year_cannot_be_signed() {
        CLOCK.set("2026-12-07T09:00");
        TestServer.Response r = signing(DispatchFixtures.create(s, "KH",
                DispatchPdf.draft("KH", "Thái Bình, ngày      tháng 4 năm 2023")));
        assertEquals(422, r.status(), r.text());
        assertEquals("DATE_PREPRINTED", r.errorCode());
        String message = r.json().path("errors").get(0).path("message").asText();
        assertTrue(message.contains("tháng 4") && message.contains("năm 2023") && message.contains("2026-12-07"), message);
    }

    @Test
    void a_plan_that_prints_the_symbol_of_an_official_letter_cannot_be_signed() {
        CLOCK.set("2026-12-07T09:00");
        TestServer.Response r = signing(DispatchFixtures.create(s, "KH", DispatchPdf.withSymbol("/SKHCN-VP")));
        assertEquals(422, r.status(), r.text());
        assertEquals("SYMBOL_MISMATCH", r.errorCode());
        String message = r.json().path("errors").get(0).path("message").asText();
        assertTrue(message.contains("/SKHCN-VP") && message.contains("/KH-SKHCN"), message);
    }

    @Test
    void a_draft_without_number_place_or_date_line_is_refused_naming_what_is_missing() {
        CLOCK.set("2026-12-07T09:00");
        TestServer.Response noNumber = signing(DispatchFixtures.create(s, "KH", DispatchPdf.withSymbol(null)));
        assertEquals(422, noNumber.status(), noNumber.text());
        assertEquals("NUMBER_PLACE_NOT_FOUND", noNumber.errorCode());
        TestServer.Response noDate = signing(DispatchFixtures.create(s, "KH", DispatchPdf.draft("KH", null)));
        assertEquals(422, noDate.status(), noDate.text());
        assertEquals("DATE_LINE_NOT_FOUND", noDate.errorCode());
    }

    @Test
    void a_draft_signed_elsewhere_encrypted_or_rotated_is_refused() {
        CLOCK.set("2026-12-07T09:00");
        TestServer.Response elsewhere = signing(DispatchFixtures.create(s, "KH",
                DraftPdfs.signedElsewhere(DispatchPdf.draft("KH"))));
        assertEquals(422, elsewhere.status(), elsewhere.text());
        assertEquals("ALREADY_SIGNED_ELSEWHERE", elsewhere.errorCode());
        TestServer.Response encrypted = DispatchFixtures.create(s, "KH", DraftPdfs.encrypted(DispatchPdf.draft("KH")));
        assertEquals(422, encrypted.status(), encrypted.text());
        assertEquals("ENCRYPTED_PDF", encrypted.errorCode());
        TestServer.Response rotated = signing(DispatchFixtures.create(s, "KH", DraftPdfs.rotated(DispatchPdf.draft("KH"))));
        assertEquals(422, rotated.status(), rotated.text());
        assertEquals("PAGE_ROTATED", rotated.errorCode());
    }

    @Test
    void a_date_line_in_separate_runs_of_another_size_and_a_cropped_page_get_their_blanks_filled() {
        CLOCK.set("2026-12-07T09:00");
        String split = sign(DispatchFixtures.create(s, "KH", DraftPdfs.splitDateLine()));
        assertEquals("ngày 07 tháng 12 năm 2026", dateLine(issue(split)));
        String cropped = sign(DispatchFixtures.create(s, "KH", DraftPdfs.cropped(DispatchPdf.draft("KH"))));
        JsonNode issued = DispatchFixtures.issue(s, cropped).json();
        String page1 = page1(s.get("/api/v1/dispatches/" + cropped + "/file", "auditor").body());
        assertTrue(page1.contains("Số: " + issued.path("number").asText()), page1);
        assertEquals("ngày 07 tháng 12 năm 2026", dateLine(page1));
    }

    /** Signs and issues a draft of {@code type} on that day; page 1's date line as pdftotext reads it. */
    private static String issuedDateLine(String when, String type) {
        CLOCK.set(when);
        String id = sign(DispatchFixtures.create(s, type, DispatchPdf.draft(type)));
        String page1 = issue(id);
        JsonNode d = s.get("/api/v1/dispatches/" + id, "clerk").json();
        assertTrue(page1.contains("Số: " + d.path("issued").path("number").asText())
                || page1.contains("Số: " + d.path("number").asText()), page1 + d);
        assertEquals(when.substring(0, 10), d.path("issuedDate").asText(d.path("issued").path("issuedDate").asText()));
        return dateLine(page1);
    }

    private static String issue(String id) {
        TestServer.Response r = DispatchFixtures.issue(s, id);
        assertEquals(200, r.status(), r.text());
        return page1(s.get("/api/v1/dispatches/" + id + "/file", "auditor").body());
    }

    private static String dateLine(String page1) {
        int at = page1.indexOf("ngày");
        assertTrue(at >= 0, page1);
        return page1.substring(at, page1.indexOf('\n', at)).trim();
    }

    private static String sign(TestServer.Response created) {
        TestServer.Response r = signing(created);
        assertEquals(200, r.status(), r.text());
        return created.json().path("id").asText();
    }

    private static TestServer.Response signing(TestServer.Response created) {
        assertEquals(201, created.status(), created.text());
        return s.postJson("/api/v1/dispatches/" + created.json().path("id").asText() + "/sign", "official",
                Map.of("keyId", "official1", "pin", DispatchFixtures.PIN));
    }

    /** Page 1 as poppler's pdftotext reads it (annotations included), runs of spaces made one, "05 /KH" → "05/KH". */
    static String page1(byte[] pdf) {
        try {
            Path in = Files.createTempFile("issued", ".pdf");
            try {
                Files.write(in, pdf);
                String text = OutsideTools.run(null, "pdftotext", "-layout", "-f", "1", "-l", "1", in.toString(), "-").output();
                return text.replaceAll("[ \\t]+", " ").replace(" /", "/");
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package vn.vanthu.dispatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample công văn the README walk-through and the scripts (demo, bench-dispatch, crash-test) send leaves the
 * day, month and year of its date line blank, so it is signed and issued in any year, not only the one it was
 * made in.
 */
class SampleDraftTest {
    private static final Path SAMPLE = Path.of("scripts/samples/cong-van-don-doc-cchc-2023.pdf");
    private static final TestClock CLOCK = TestClock.at("2026-12-30T09:00");
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
    void the_sample_draft_prints_no_year_and_is_signed_and_issued_on_either_side_of_the_year_end() throws Exception {
        String page1 = IssueDateTest.page1(Files.readAllBytes(SAMPLE));
        assertTrue(page1.contains("Thái Bình, ngày tháng năm\n"), page1);
        assertEquals("ngày 30 tháng 12 năm 2026", issued("2026-12-30T09:00"));
        assertEquals("ngày 04 tháng 01 năm 2027", issued("2027-01-04T09:00"));
        assertEquals("ngày 15 tháng 3 năm 2027", issued("2027-03-15T14:00"));
    }

    /** Sends the sample as the README does, signs and issues it on {@code when}; the issued date line. */
    private static String issued(String when) throws Exception {
        CLOCK.set(when);
        TestServer.Response created = s.postMultipart("/api/v1/dispatches", "clerk", new Multipart()
                .file("file", "cong-van-don-doc-cchc-2023.pdf", "application/pdf", Files.readAllBytes(SAMPLE))
                .field("metadata", DispatchFixtures.metadata(s, "CV", "V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính năm 2023")));
        assertEquals(201, created.status(), created.text());
        String id = created.json().path("id").asText();
        TestServer.Response signed = s.postJson("/api/v1/dispatches/" + id + "/sign", "official",
                Map.of("keyId", "official1", "pin", DispatchFixtures.PIN));
        assertEquals(200, signed.status(), signed.text());
        TestServer.Response issued = DispatchFixtures.issue(s, id);
        assertEquals(200, issued.status(), issued.text());
        String page1 = IssueDateTest.page1(s.get("/api/v1/dispatches/" + id + "/file", "auditor").body());
        int at = page1.indexOf("ngày");
        return page1.substring(at, page1.indexOf('\n', at)).trim();
    }
}

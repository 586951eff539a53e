package vn.vanthu.pages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.bench.RegisterData;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;
import vn.vanthu.validation.SignedFiles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registers' search runs in the database: the page's total is what a count of the same rows says, a word's
 * {@code %} is a percent sign and not a wildcard, a page past the last is refused, and the API pages with a cursor
 * until {@code nextCursor} is null, each row once. It finds documents holding every word typed (the last one may be
 * a word's beginning), with or without diacritics, and a number and symbol by its parts.
 */
class RegisterSearchTest {
    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_register_search_counts_in_the_database_and_takes_a_percent_sign_literally(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind);
             Connection c = s.database().connect()) {
            RegisterData.insert(c, 2025, 450, 300, 0);
            long digital = count(c, "SELECT COUNT(*) FROM dispatches WHERE number_year = 2025 AND subject LIKE '%chuyển đổi số%'");
            assertTrue(digital > 0 && digital < 450, "some rows carry the word: " + digital);
            String page = s.get("/registers/outgoing?year=2025&q=" + enc("Chuyển Đổi Số"), "clerk").text();
            assertTrue(page.contains(digital + " văn bản · trang 1/"), "the total the page shows");

            String all = s.get("/registers/outgoing?year=2025", "clerk").text();
            assertTrue(all.contains("450 văn bản · trang 1/3"), "450 rows, three pages");
            assertEquals(400, s.get("/registers/outgoing?year=2025&page=4", "clerk").status());
            // Subjects end in "(number)": "45%" unescaped would find rows 45, 145, 450…; as written it finds none.
            assertTrue(s.get("/registers/outgoing?year=2025&q=" + enc("45%"), "clerk").text().contains("0 văn bản · trang 1/1"));
            assertTrue(s.get("/registers/outgoing?year=2025&q=" + enc("(45)"), "clerk").text().contains("1 văn bản · trang 1/1"));

            long fromHealth = count(c, "SELECT COUNT(*) FROM incoming WHERE number_year = 2025 AND series_kind = 'INCOMING' "
                    + "AND sending_organ LIKE 'Sở Y tế%'");
            assertTrue(s.get("/registers/incoming?year=2025&q=" + enc("sở y tế"), "clerk").text()
                    .contains(fromHealth + " văn bản · trang 1/"), "incoming rows from the health departments");

            int seen = 0;
            String cursor = "";
            do {
                var json = s.get("/api/v1/registers/outgoing?year=2025&limit=200" + cursor, "auditor").json();
                assertEquals(seen + 1L, json.path("items").path(0).path("number").asText().split("/")[0].length() > 0
                        ? Long.parseLong(json.path("items").path(0).path("number").asText().split("/")[0]) : -1);
                seen += json.path("items").size();
                cursor = json.path("nextCursor").isNull() ? null : "&cursor=" + json.path("nextCursor").asText();
            } while (cursor != null);
            assertEquals(450, seen, "every row once across the pages");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_search_kept_for_its_next_pages_finds_the_documents_registered_after_it(Databases.Kind kind) throws Exception {
        try (TestServer s = TestServer.start(kind);
             Connection c = s.database().connect()) {
            RegisterData.insert(c, 2025, 450, 300, 0);
            String out = "/registers/outgoing?year=2025&q=" + enc("chuyển đổi số");
            String in = "/registers/incoming?year=2025&q=" + enc("sở y tế");
            long[] before = {count(c, DIGITAL), count(c, HEALTH)};
            assertTrue(s.get(out, "clerk").text().contains(before[0] + " văn bản · trang 1/"));
            assertTrue(s.get(in, "clerk").text().contains(before[1] + " văn bản · trang 1/"));

            RegisterData.insert(c, 2025, 100, 100, 450);
            long[] after = {count(c, DIGITAL), count(c, HEALTH)};
            assertTrue(after[0] > before[0] && after[1] > before[1], "the new documents hold the words too");
            assertTrue(s.get(out, "clerk").text().contains(after[0] + " văn bản · trang 1/"), "the outgoing search again");
            assertTrue(s.get(in, "clerk").text().contains(after[1] + " văn bản · trang 1/"), "the incoming search again");
            assertTrue(s.get(in.replace("incoming?", "incoming?secret=true&"), "clerk").text().contains(
                    count(c, HEALTH.replace("'INCOMING'", "'SECRET_IN'")) + " văn bản · trang 1/"), "the secret register's own");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_register_search_finds_words_with_or_without_their_diacritics_and_a_number_by_its_parts(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            received(s, "385/SNV-CCHCVTLT", "Sở Nội vụ tỉnh Thái Bình", "Kế hoạch cải cách hành chính năm 2027");
            received(s, "12/UBND-VP", "UBND huyện Kiến Xương tỉnh Thái Bình", "V/v mua cái bàn cách âm");
            received(s, "7/STC-NS", "Sở Tài chính tỉnh Nam Định", "Báo cáo tổng kết năm");
            // Typed without diacritics, a word finds every spelling; typed with them, only that one.
            assertEquals(2, found(s, "cai cach"));
            assertEquals(1, found(s, "cải cách"));
            assertEquals(1, found(s, "Cải Cách Hành"), "the last word may be the beginning of a word");
            assertEquals(1, found(s, "hành chính cải"), "every word, in any order");
            assertEquals(0, found(s, "cải cách Nam Định"), "every word in one document");
            assertEquals(1, found(s, "tong ket"));
            assertEquals(2, found(s, "thai binh"), "the sending organs' words");
            // A number and symbol as written, or by its parts.
            assertEquals(1, found(s, "385/SNV-CCHCVTLT"));
            assertEquals(1, found(s, "snv-cchc"));
            assertEquals(1, found(s, "CCHCVTLT"));
            assertEquals(1, found(s, "385"));
            assertEquals(0, found(s, "38 cải"), "a word that is not the last one is a whole word");
            String page = s.get("/registers/incoming?q=" + enc("cai cach hanh"), "clerk").text();
            assertTrue(page.contains("Kế hoạch cải cách hành chính năm 2027") && !page.contains("cái bàn"), page);
        }
    }

    private static final String DIGITAL = "SELECT COUNT(*) FROM dispatches WHERE number_year = 2025 AND status = 'ISSUED' "
            + "AND subject LIKE '%chuyển đổi số%'";
    private static final String HEALTH = "SELECT COUNT(*) FROM incoming WHERE number_year = 2025 AND series_kind = 'INCOMING' "
            + "AND sending_organ LIKE 'Sở Y tế%'";

    private static void received(TestServer s, String numberSymbol, String organ, String subject) {
        var r = s.postMultipart("/api/v1/incoming", "clerk", new Multipart()
                .file("file", "scan.pdf", "application/pdf", SignedFiles.pdf(1))
                .field("metadata", "{\"sendingOrgan\":\"" + organ + "\",\"numberSymbol\":\"" + numberSymbol + "\","
                        + "\"documentDate\":\"2026-12-01\",\"documentType\":\"Công văn\",\"subject\":\"" + subject
                        + "\",\"urgency\":\"NORMAL\",\"secret\":false}")
                .field("scanned", "true").field("register", "true"));
        assertEquals(201, r.status(), r.text());
    }

    /** How many documents the incoming register's page says the search found. */
    private static int found(TestServer s, String q) {
        String page = s.get("/registers/incoming?q=" + enc(q), "clerk").text();
        var m = java.util.regex.Pattern.compile("(\\d+) văn bản · trang").matcher(page);
        assertTrue(m.find(), page);
        return Integer.parseInt(m.group(1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

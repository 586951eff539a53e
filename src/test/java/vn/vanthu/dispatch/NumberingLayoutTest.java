package vn.vanthu.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestClock;
import vn.vanthu.support.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The year's series layout (Decree 30 Art. 15): set by an administrator, refused when a number could repeat. */
class NumberingLayoutTest {
    private TestServer s;

    @BeforeEach
    void start() {
        s = TestServer.start(Databases.Kind.H2, Map.of(), TestClock.at("2026-12-07T09:00"));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void the_default_layout_is_one_administrative_series_for_every_type_and_the_secret_series() {
        JsonNode l = s.get("/api/v1/numbering/2026", "clerk").json();
        assertEquals(1, l.path("series").size(), l.toString());
        assertEquals("OUTGOING", l.path("series").path(0).path("code").asText());
        assertEquals(DocumentType.values().length, l.path("series").path(0).path("types").size());
        assertEquals("SECRET", l.path("secret").path("code").asText());
        assertEquals("M", l.path("secret").path("symbolSuffix").asText());
    }

    @Test
    void a_layout_under_which_two_series_could_give_the_same_number_and_symbol_is_refused() {
        assertRefused(NumberingFixtures.layout("HC", List.of(), ""), "LAYOUT_DUPLICATES");   // secret 01/KH-SKHCN twice
        Map<String, Object> apart = NumberingFixtures.layout("HC", List.of("ThC"), "M");     // 01/SKHCN-VP twice
        assertRefused(apart, "LAYOUT_DUPLICATES");
        String twice = "{\"series\":[{\"code\":\"A\",\"types\":" + allTypes() + "},{\"code\":\"B\",\"types\":[\"KH\"]}],"
                + "\"secret\":{\"code\":\"MAT\",\"symbolSuffix\":\"M\"}}";
        assertRefused(twice, "LAYOUT_DUPLICATES");
        String shared = "{\"series\":[{\"code\":\"A\",\"types\":" + allTypes().replace("\"NQ\",", "").replace("\"QĐ\",", "")
                + "},{\"code\":\"B\",\"types\":[\"NQ\",\"QĐ\"],\"legalNormative\":true}],\"secret\":{\"code\":\"MAT\",\"symbolSuffix\":\"M\"}}";
        assertRefused(shared, "LEGAL_NORMATIVE_SHARED");
        assertRefused("{\"series\":[{\"code\":\"A\",\"types\":[\"KH\"]}],\"secret\":{\"code\":\"MAT\",\"symbolSuffix\":\"M\"}}",
                "TYPE_WITHOUT_SERIES");
        assertRefused("{\"series\":[{\"code\":\"COPY\",\"types\":" + allTypes() + "}],\"secret\":{\"code\":\"MAT\",\"symbolSuffix\":\"M\"}}",
                "INVALID_NUMBERING_LAYOUT");
        assertRefused("{\"series\":[{\"code\":\"A\",\"types\":" + allTypes() + "}],\"secret\":{\"code\":\"A\",\"symbolSuffix\":\"M\"}}",
                "INVALID_NUMBERING_LAYOUT");
        assertRefused("{\"series\":[{\"code\":\"9X\",\"types\":" + allTypes() + "}],\"secret\":{\"code\":\"MAT\",\"symbolSuffix\":\"M\"}}",
                "INVALID_NUMBERING_LAYOUT");
        // longer than the documented limit of a code: refused by the declared body, still 422 as every bad layout
        assertRefused("{\"series\":[{\"code\":\"" + "X".repeat(500) + "\",\"types\":" + allTypes() + "}],\"secret\":{\"code\":\"MAT\",\"symbolSuffix\":\"M\"}}",
                "FIELD_TOO_LONG");
        assertEquals(400, NumberingFixtures.put(s, 2027, "admin", "{\"series\":[],\"extra\":1}").status());
        assertEquals(400, NumberingFixtures.put(s, 2027, "admin", "[1,2").status());
        assertEquals(403, NumberingFixtures.put(s, 2027, "clerk", NumberingFixtures.layout("HC", List.of(), "M")).status());
        assertEquals("OUTGOING", s.get("/api/v1/numbering/2027", "admin").json().path("series").path(0).path("code").asText(),
                "nothing refused was stored");
    }

    @Test
    void each_series_numbers_from_01_and_a_year_that_has_issued_keeps_its_layout() {
        TestServer.Response put = NumberingFixtures.put(s, 2026, "admin", NumberingFixtures.layout("HC", List.of("QĐ", "NQ"), "MAT"));
        assertEquals(200, put.status(), put.text());
        assertEquals("QPPL_QD", s.get("/api/v1/numbering/2026", "clerk").json().path("series").path(1).path("code").asText());
        assertEquals("01/KH-SKHCN", issued(NumberingFixtures.signed(s, "KH", false, "VP", "/KH-SKHCN")));
        assertEquals("01/QĐ-SKHCN", issued(NumberingFixtures.signed(s, "QĐ", false, "VP", "/QĐ-SKHCN")));
        assertEquals("02/BC-SKHCN", issued(NumberingFixtures.signed(s, "BC", false, "VP", "/BC-SKHCN")));
        assertEquals("01/NQ-SKHCN", issued(NumberingFixtures.signed(s, "NQ", false, "VP", "/NQ-SKHCN")));
        assertEquals("01/KH-SKHCN-MAT", issued(NumberingFixtures.signed(s, "KH", true, "VP", "/KH-SKHCN-MAT")));
        TestServer.Response again = NumberingFixtures.put(s, 2026, "admin", NumberingFixtures.layout("HC", List.of(), "M"));
        assertEquals(409, again.status(), again.text());
        assertEquals("NUMBERING_IN_USE", again.errorCode());
        assertEquals(200, NumberingFixtures.put(s, 2027, "admin", NumberingFixtures.layout("HC", List.of(), "M")).status(),
                "next year's layout is set before its first issue");
    }

    @Test
    void a_secret_document_carries_the_secret_symbol_group_and_never_repeats_an_ordinary_number() {
        String ordinary = NumberingFixtures.signed(s, "KH", false, "VP", "/KH-SKHCN");
        String secret = NumberingFixtures.signed(s, "KH", true, "VP", "/KH-SKHCN-M");
        JsonNode a = DispatchFixtures.issue(s, ordinary).json();
        JsonNode b = DispatchFixtures.issue(s, secret).json();
        assertEquals("01/KH-SKHCN", a.path("number").asText(), a.toString());
        assertEquals("01/KH-SKHCN-M", b.path("number").asText(), b.toString());
        assertNotEquals(a.path("documentId").asText(), b.path("documentId").asText());
        TestServer.Response plain = DispatchFixtures.create(s, "KH", DispatchPdf.draft("KH"));
        String meta = DispatchFixtures.metadata(s, "KH", "Kế hoạch mật").replace("\"secret\":false", "\"secret\":true");
        String id = s.postMultipart("/api/v1/dispatches", "clerk", new vn.vanthu.support.Multipart()
                .file("file", "kh.pdf", "application/pdf", DispatchPdf.draft("KH")).field("metadata", meta)).json().path("id").asText();
        TestServer.Response r = s.postJson("/api/v1/dispatches/" + id + "/sign", "official", Map.of("keyId", "official1", "pin", DispatchFixtures.PIN));
        assertEquals(422, r.status(), r.text());
        assertEquals("SYMBOL_MISMATCH", r.errorCode());
        assertTrue(r.text().contains("KH-SKHCN-M"), r.text());
        assertEquals(201, plain.status());
    }

    @Test
    void issuing_a_number_and_symbol_another_series_already_gave_is_refused_and_the_number_is_given_back() {
        // an ordinary công văn of the drafting unit "VP-M" prints 01/SKHCN-VP-M, as a secret one of "VP" would
        assertEquals("01/SKHCN-VP-M", issued(NumberingFixtures.signed(s, "CV", false, "VP-M", "/SKHCN-VP-M")));
        String secret = NumberingFixtures.signed(s, "CV", true, "VP", "/SKHCN-VP-M");
        TestServer.Response r = DispatchFixtures.issue(s, secret);
        assertEquals(409, r.status(), r.text());
        assertEquals("DUPLICATE_NUMBER", r.errorCode());
        assertEquals("SIGNED", s.get("/api/v1/dispatches/" + secret, "clerk").json().path("status").asText());
        assertEquals("01/KH-SKHCN-M", issued(NumberingFixtures.signed(s, "KH", true, "VP", "/KH-SKHCN-M")),
                "the refused issue left no gap in the secret series");
    }

    private String issued(String id) {
        TestServer.Response r = DispatchFixtures.issue(s, id);
        assertEquals(200, r.status(), r.text());
        return r.json().path("number").asText();
    }

    private void assertRefused(Object layout, String code) {
        TestServer.Response r = NumberingFixtures.put(s, 2027, "admin", layout);
        assertEquals(422, r.status(), r.text());
        assertEquals(code, r.errorCode(), r.text());
    }

    private static String allTypes() {
        return java.util.Arrays.stream(DocumentType.values()).map(t -> "\"" + t.code() + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
